package io.liqvol.engine;

import com.lmax.disruptor.WaitStrategy;
import io.liqvol.engine.journal.JournalDescriptor;
import io.liqvol.engine.journal.JournalVisitor;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Configuration of a {@link LiqvolEngine}: fluent setters, then {@link #conclude()} validates and fixes
 * the values. Sizes are counts unless their name says otherwise.
 */
public final class EngineContext
{
    public static final int DEFAULT_RING_SIZE = 8192;
    public static final int DEFAULT_MAX_FRAME_BYTES = 4096;
    public static final int DEFAULT_MAX_SYMBOLS = 4096;
    public static final int DEFAULT_RECENT_LIQUIDATIONS_PER_SYMBOL = 1000;
    /** An hour: a trade time further ahead means a clock is wrong, on Binance's side or on this host. */
    public static final long DEFAULT_MAX_FUTURE_SKEW_MS = 3_600_000L;
    /** The shortest calendar month, for the reach of a 1M window. */
    private static final long SHORTEST_MONTH_MS = 28 * 86_400_000L;
    /** 2017-01-01T00:00:00Z: Binance futures did not exist before it, so an earlier time is a bad frame. */
    public static final long DEFAULT_MIN_TIME_MS = 1_483_228_800_000L;
    /**
     * Half the JVM's direct-memory limit (which defaults to {@code -Xmx}): the rest is left to Netty, the JDK's
     * socket buffers and other embedders.
     */
    public static final long DEFAULT_MEMORY_BUDGET_BYTES = DirectMemoryLimit.bytes() / 2;
    /** 32 MiB: about 350 000 liquidations per journal segment. */
    public static final long DEFAULT_SEGMENT_BYTES = 32L << 20;
    public static final long DEFAULT_FSYNC_INTERVAL_MS = 1000;
    /** How often a live engine marks in its journal that it is alive; a crash loses at most this of coverage. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 1000;
    /** 0: the journal keeps everything. */
    public static final long DEFAULT_RETENTION_MS = 0;
    /** One thread per stage needs a core per stage; below that, fewer threads (see {@link #stageThreads(int)}). */
    public static final int DEFAULT_STAGE_THREADS = defaultStageThreads(Runtime.getRuntime().availableProcessors());
    /**
     * Spin-park where the cores leave room for its spin, else blocking, which uses no idle CPU: on two shared cores a
     * spinning stage thread takes the core its producer needs (see {@link WaitStrategies}, bench/README.md §2).
     */
    public static final String DEFAULT_WAIT_STRATEGY = defaultWaitStrategy(Runtime.getRuntime().availableProcessors());

    private int ringSize = DEFAULT_RING_SIZE;
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private int maxSymbols = DEFAULT_MAX_SYMBOLS;
    private final int[] bucketsPerTimeframe = new int[Timeframe.count()];
    private int recentLiquidationsPerSymbol = DEFAULT_RECENT_LIQUIDATIONS_PER_SYMBOL;
    private long memoryBudgetBytes = DEFAULT_MEMORY_BUDGET_BYTES;
    private long minTimeMs = DEFAULT_MIN_TIME_MS;
    private long maxFutureSkewMs = DEFAULT_MAX_FUTURE_SKEW_MS;
    private EpochClock epochClock = SystemEpochClock.INSTANCE;
    private WaitStrategy waitStrategy;
    private Path dataDir;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;
    private long fsyncIntervalMs = DEFAULT_FSYNC_INTERVAL_MS;
    private long retentionMs = DEFAULT_RETENTION_MS;
    private boolean liveRecording = true;
    private long heartbeatIntervalMs = DEFAULT_HEARTBEAT_INTERVAL_MS;
    private int stageThreads = DEFAULT_STAGE_THREADS;
    private final List<EngineListener> listeners = new ArrayList<>();
    private JournalVisitor replayListener;
    private boolean concluded;

    public EngineContext()
    {
        for (final Timeframe timeframe : Timeframe.values())
        {
            bucketsPerTimeframe[timeframe.ordinal()] = defaultBucketsPerTimeframe(timeframe);
        }
    }

    /** Ring capacity in frames; a power of two. */
    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    /** Frames longer than this are rejected as oversized. */
    public EngineContext maxFrameBytes(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /** Distinct symbols the engine will intern; liquidations of further symbols are rejected. */
    public EngineContext maxSymbols(final int maxSymbols)
    {
        this.maxSymbols = maxSymbols;
        return this;
    }

    public int maxSymbols()
    {
        return maxSymbols;
    }

    /**
     * The memory the engine may take for symbols (buckets, recent liquidations, duplicate keys). Each symbol is
     * admitted with room for the most it can hold, so a symbol already admitted never runs out; a new symbol beyond
     * the budget is refused ({@link RejectReason#SYMBOL_MEMORY_BUDGET}, {@link EngineCounters#symbolsRefused()}).
     */
    public EngineContext memoryBudgetBytes(final long memoryBudgetBytes)
    {
        this.memoryBudgetBytes = memoryBudgetBytes;
        return this;
    }

    public long memoryBudgetBytes()
    {
        return memoryBudgetBytes;
    }

    /**
     * Buckets held in memory per symbol for every timeframe: at least the newest this many. Older buckets come from
     * the journal's roll-ups (zero without a data directory).
     */
    public EngineContext bucketsPerTimeframe(final int bucketsPerTimeframe)
    {
        Arrays.fill(this.bucketsPerTimeframe, bucketsPerTimeframe);
        return this;
    }

    /** As {@link #bucketsPerTimeframe(int)}, for one timeframe. */
    public EngineContext bucketsPerTimeframe(final Timeframe timeframe, final int buckets)
    {
        bucketsPerTimeframe[timeframe.ordinal()] = buckets;
        return this;
    }

    public int bucketsPerTimeframe(final Timeframe timeframe)
    {
        return bucketsPerTimeframe[timeframe.ordinal()];
    }

    /**
     * The default windows: what live updates and the initial 500-bucket chart of short timeframes need, and fewer of
     * the long ones (their charts take older buckets from the roll-ups), so that a symbol liquidated in every bucket
     * of every window holds 346 pages of buckets (about 0.3 MB) and 600 such symbols stay under 200 MB.
     */
    public static int defaultBucketsPerTimeframe(final Timeframe timeframe)
    {
        switch (timeframe)
        {
            case M1:
                return 512;
            case M3:
            case M5:
            case M15:
            case M30:
            case H1:
                return 256;
            case W1:
                return 64;
            case MN1:
                return 32;
            default:
                return 128;
        }
    }

    /** Per timeframe ordinal, the buckets held in memory. */
    int[] windowBuckets()
    {
        return bucketsPerTimeframe.clone();
    }

    /** Liquidations kept per symbol for the recent-orders queries; a power of two is not required. */
    public EngineContext recentLiquidationsPerSymbol(final int recentLiquidationsPerSymbol)
    {
        this.recentLiquidationsPerSymbol = recentLiquidationsPerSymbol;
        return this;
    }

    public int recentLiquidationsPerSymbol()
    {
        return recentLiquidationsPerSymbol;
    }

    /** Liquidations timed before this are rejected as absurd. */
    public EngineContext minTimeMs(final long minTimeMs)
    {
        this.minTimeMs = minTimeMs;
        return this;
    }

    public long minTimeMs()
    {
        return minTimeMs;
    }

    /**
     * Liquidations timed further than this past the engine's clock are rejected as absurd; the limit applied is
     * {@link #acceptedFutureMs()}.
     */
    public EngineContext maxFutureSkewMs(final long maxFutureSkewMs)
    {
        this.maxFutureSkewMs = maxFutureSkewMs;
        return this;
    }

    public long maxFutureSkewMs()
    {
        return maxFutureSkewMs;
    }

    /**
     * How far past the clock a liquidation is accepted: {@link #maxFutureSkewMs()}, capped so that the newest
     * bucket it can open in any timeframe is at most {@code window − 2} buckets past the current one. The window
     * follows its newest bucket, so one accepted liquidation ahead of the clock still leaves the current and the
     * previous bucket of every timeframe in memory: it never freezes live updates.
     */
    public long acceptedFutureMs()
    {
        long acceptedMs = maxFutureSkewMs;
        for (final Timeframe timeframe : Timeframe.values())
        {
            final long bucketMs = timeframe.sizeMs() > 0 ? timeframe.sizeMs() : SHORTEST_MONTH_MS;
            final long reachMs = Math.max(0, bucketsPerTimeframe[timeframe.ordinal()] - 2L) * bucketMs;
            acceptedMs = Math.min(acceptedMs, reachMs);
        }
        return acceptedMs;
    }

    public EngineContext epochClock(final EpochClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    public EpochClock epochClock()
    {
        return epochClock;
    }

    /**
     * How the pipeline's threads wait for work. The default blocks, which costs wake-up latency but no idle
     * CPU; a latency-bound deployment with spare cores picks {@code BusySpinWaitStrategy} or
     * {@code YieldingWaitStrategy}.
     */
    public EngineContext waitStrategy(final WaitStrategy waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    public WaitStrategy waitStrategy()
    {
        return waitStrategy;
    }

    /**
     * Directory of the durable journal ({@code LIQVOL_DATA_DIR}); the engine recovers from it on launch and records
     * every accepted liquidation and gap in it. {@code null} (the default) runs in memory only.
     */
    public EngineContext dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    public Path dataDir()
    {
        return dataDir;
    }

    /** Size of a journal segment file; the journal rolls to a new segment when one is full. */
    public EngineContext segmentBytes(final long segmentBytes)
    {
        this.segmentBytes = segmentBytes;
        return this;
    }

    public long segmentBytes()
    {
        return segmentBytes;
    }

    /**
     * How often written journal pages are forced to the device. A process crash never loses a journaled record
     * (the pages are in the OS page cache); a power loss can lose up to this interval of records. 0 forces every
     * batch before it is published, so a power loss loses nothing a client was sent, at the cost of a device
     * write per batch.
     */
    public EngineContext fsyncIntervalMs(final long fsyncIntervalMs)
    {
        this.fsyncIntervalMs = fsyncIntervalMs;
        return this;
    }

    public long fsyncIntervalMs()
    {
        return fsyncIntervalMs;
    }

    /**
     * Journal segments whose newest liquidation is older than this are removed (history then starts later);
     * aggregates held in memory are not touched. 0 (the default) keeps everything.
     */
    public EngineContext retentionMs(final long retentionMs)
    {
        this.retentionMs = retentionMs;
        return this;
    }

    public long retentionMs()
    {
        return retentionMs;
    }

    /**
     * Whether this engine records a live feed (the default). With a data directory it then marks in the journal every
     * {@link #heartbeatIntervalMs} and on close when it was last alive, and a start records the time since the last
     * live run was alive as a {@link GapKind#DOWNTIME} gap. An importer or a tool that replays history is not live:
     * its runs are not coverage, and it records no downtime.
     */
    public EngineContext liveRecording(final boolean liveRecording)
    {
        this.liveRecording = liveRecording;
        return this;
    }

    public boolean liveRecording()
    {
        return liveRecording;
    }

    /** How often a live engine marks in its journal that it is alive (at most this is lost to a crash). */
    public EngineContext heartbeatIntervalMs(final long heartbeatIntervalMs)
    {
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        return this;
    }

    public long heartbeatIntervalMs()
    {
        return heartbeatIntervalMs;
    }

    /**
     * Threads the four stages run on: 4 (each stage its own thread, journal and aggregate in parallel), 2 (decode;
     * then journal, aggregate and publish in turn) or 1 (all four in turn). Stages that wait spin on the stage before
     * them, so a machine with fewer free cores than stage threads pays scheduler time slices in latency: there, fewer
     * threads are faster. The default follows the core count: 4 from 8 cores, 2 from 4, else 1.
     */
    public EngineContext stageThreads(final int stageThreads)
    {
        this.stageThreads = stageThreads;
        return this;
    }

    public int stageThreads()
    {
        return stageThreads;
    }

    /** Adds a listener called on the publisher thread; order of addition is order of calls. */
    public EngineContext listener(final EngineListener listener)
    {
        listeners.add(listener);
        return this;
    }

    public List<EngineListener> listeners()
    {
        return listeners;
    }

    /**
     * Also hands every valid journal record to this visitor while the engine recovers, newest first, on the thread
     * that launches the engine and before any stage runs (so a listener can rebuild state of its own); null: none.
     */
    public EngineContext replayListener(final JournalVisitor replayListener)
    {
        this.replayListener = replayListener;
        return this;
    }

    public JournalVisitor replayListener()
    {
        return replayListener;
    }

    /** Validates every value; throws {@link IllegalArgumentException} naming the first bad one. */
    public EngineContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        requirePowerOfTwo("ringSize", ringSize);
        for (final Timeframe timeframe : Timeframe.values())
        {
            final int buckets = bucketsPerTimeframe[timeframe.ordinal()];
            requireRange("bucketsPerTimeframe " + timeframe.code(), buckets, 1, 1 << 20);
        }
        requireRange("maxFrameBytes", maxFrameBytes, 64, 1 << 20);
        requireRange("maxSymbols", maxSymbols, 1, 1 << 20);
        requireRange("recentLiquidationsPerSymbol", recentLiquidationsPerSymbol, 1, 1 << 20);
        if (memoryBudgetBytes < 1)
        {
            throw new InvalidSettingException("memoryBudgetBytes", "must be >= 1, was " + memoryBudgetBytes);
        }
        requireNotNegative("minTimeMs", minTimeMs);
        requireNotNegative("maxFutureSkewMs", maxFutureSkewMs);
        if (segmentBytes < JournalDescriptor.recordOffset(1024) || segmentBytes > 1L << 30)
        {
            throw new InvalidSettingException("segmentBytes",
                "must be in [" + JournalDescriptor.recordOffset(1024) + ", " + (1L << 30) + "], was " + segmentBytes);
        }
        requireNotNegative("fsyncIntervalMs", fsyncIntervalMs);
        requireNotNegative("retentionMs", retentionMs);
        if (heartbeatIntervalMs < 1 || heartbeatIntervalMs > 60_000)
        {
            throw new InvalidSettingException(
                "heartbeatIntervalMs", "must be in [1, 60000], was " + heartbeatIntervalMs);
        }
        if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir))
        {
            throw new InvalidSettingException("dataDir", "is not a directory: " + dataDir);
        }
        if (stageThreads != 1 && stageThreads != 2 && stageThreads != 4)
        {
            throw new InvalidSettingException("stageThreads", "must be 1, 2 or 4, was " + stageThreads);
        }
        if (epochClock == null)
        {
            throw new InvalidSettingException("epochClock", "must be set");
        }
        if (waitStrategy == null)
        {
            waitStrategy = WaitStrategies.named(DEFAULT_WAIT_STRATEGY);
        }
        concluded = true;
        return this;
    }

    static String defaultWaitStrategy(final int cores)
    {
        return cores >= 4 ? "spin-park" : "blocking";
    }

    static int defaultStageThreads(final int cores)
    {
        return cores >= 8 ? 4 : cores >= 4 ? 2 : 1;
    }

    private static void requirePowerOfTwo(final String name, final int value)
    {
        if (value < 2 || Integer.bitCount(value) != 1)
        {
            throw new InvalidSettingException(name, "must be a power of two >= 2, was " + value);
        }
    }

    private static void requireRange(final String name, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new InvalidSettingException(name, "must be in [" + min + ", " + max + "], was " + value);
        }
    }

    private static void requireNotNegative(final String name, final long value)
    {
        if (value < 0)
        {
            throw new InvalidSettingException(name, "must be >= 0, was " + value);
        }
    }
}
