package io.liqvol.engine.journal;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The durable journal in a data directory: memory-mapped segments of fixed-length records
 * ({@link JournalDescriptor}), rolled when full. One process owns a directory at a time (a file lock).
 * <p>
 * Durability: a record is written into the mapping before the publish stage may hand it to a listener, and a
 * mapping's pages belong to the operating system's page cache the moment they are written, so a crash of the
 * process (even SIGKILL) loses nothing that a client was sent. Against power loss the pages must reach the device:
 * with {@code fsyncIntervalMs == 0} the journal stage forces each batch before the batch is published (nothing a
 * client saw can be lost; each batch waits for the device); with an interval (default 1000 ms) a background thread
 * forces the written pages that often, so a power loss can lose up to that interval of records, some of which
 * clients may have seen.
 * <p>
 * The writer never creates or maps a file: a {@link JournalPreparer} thread allocates the next segment ahead and
 * touches pages ahead of the writer; at a roll the writer takes that spare. If the spare is still being prepared the
 * roll waits for it (a roll stall); if it cannot be prepared (a full disk) the journal reports the failure in its
 * status and, once the segment it has is full, liquidations go on to be published without being journaled, counted,
 * until the spare can be prepared again; the first record of that spare is then a gap from the first to the last
 * record that could not be journaled, so that a restart's history shows the hole. A start on a full disk recovers
 * what is there and begins in that state.
 */
public final class Journal implements AutoCloseable
{
    static final String LOCK_FILE = "liqvol.lock";
    /** How far ahead of the writer the preparer touches pages by default. */
    public static final long DEFAULT_TOUCH_AHEAD_BYTES = JournalPreparer.DEFAULT_TOUCH_AHEAD_BYTES;

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final long ROLL_STALL_PARK_NS = 20_000L;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long segmentBytes;
    private final long fsyncIntervalMs;
    private final EpochClock clock;
    private final long epochOffsetNs;
    private final List<JournalSegment> segments = new CopyOnWriteArrayList<>();
    private final JournalHistory history;
    private final RecoveryReport recovery;
    /** Whether this journal records a live feed: it then marks when it was last alive, also on close. */
    private final boolean live;
    private long lastAliveMs;
    private final Thread syncer;
    private final JournalPreparer preparer;

    // Journal thread only.
    private final CRC32C crc = new CRC32C();
    private final byte[][] symbolBytes;
    /** By the engine's symbol id: 1 + the number the current segment gives the symbol, 0 while it has none. */
    private final int[] segmentSymbolIds;
    private volatile JournalSegment current;
    private ByteBuffer view;
    private int next;
    private int forced;
    /** Records the current segment may take: its capacity, less if it could not be backed on start. */
    private int writable;
    /** The span of the records not journaled since the last disclosure; empty while from > to. */
    private long unjournaledFromMs = Long.MAX_VALUE;
    private long unjournaledToMs = Long.MIN_VALUE;
    private volatile long unjournaledRecords;
    private volatile long journalGaps;
    private volatile long rollStalls;
    private Consumer<Gap> disclosedGaps = gap ->
    {
    };

    private Journal(final EngineContext context, final JournalVisitor visitor, final long touchAheadBytes)
        throws IOException
    {
        dir = context.dataDir();
        segmentBytes = context.segmentBytes();
        fsyncIntervalMs = context.fsyncIntervalMs();
        clock = context.epochClock();
        live = context.liveRecording();
        epochOffsetNs = clock.time() * 1_000_000L - System.nanoTime();
        symbolBytes = new byte[context.maxSymbols()][];
        segmentSymbolIds = new int[context.maxSymbols()];
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(lockChannel);
        if (lock == null)
        {
            lockChannel.close();
            throw new IllegalStateException("data directory is in use by another process: " + dir);
        }
        history = new JournalHistory(dir, segments, context.retentionMs(), clock);
        final JournalFailure startFailure;
        try
        {
            recovery = recover(visitor);
            startFailure = backWritableSpace();
        }
        catch (final IOException | RuntimeException ex)
        {
            history.close();
            lock.release();
            lockChannel.close();
            throw ex;
        }
        syncer = fsyncIntervalMs > 0 ? startSyncer() : null;
        preparer = new JournalPreparer(
            dir, segmentBytes, touchAheadBytes, history, clock, () -> current, startFailure);
    }

    /** Opens the segments found, applies retention, replays them and positions the writer after the last record. */
    private RecoveryReport recover(final JournalVisitor visitor) throws IOException
    {
        final List<Path> files = segmentFiles(dir);
        if (!files.isEmpty() && JournalSegment.isAbandoned(files.get(files.size() - 1)))
        {
            // A crash while the newest segment was being created: it never held a record.
            Files.delete(files.remove(files.size() - 1));
        }
        for (int i = 0; i < files.size(); i++)
        {
            final Path file = files.get(i);
            final JournalSegment segment =
                JournalSegment.open(file, JournalDescriptor.segmentNumberOf(file.getFileName().toString()));
            segments.add(segment);
            history.opened(segment, i < files.size() - 1);
        }
        history.applyRetention();
        final JournalRecovery replay = new JournalRecovery();
        final RecoveryReport report = replay.recover(segments, visitor);
        lastAliveMs = lastAliveMs(segments, replay.newestReceiveTimeMs());
        history.recovered();
        if (!segments.isEmpty())
        {
            current = segments.get(segments.size() - 1);
            next = replay.tailRecords();
            forced = next;
            if (current.isWritable())
            {
                // Read now, not on the stage thread at the first liquidation of each symbol.
                current.symbols();
            }
        }
        return report;
    }

    /**
     * When the engine that wrote the journal was last alive: the newest time a live engine marked in a segment, else
     * (segments written before engines marked it, or only by an importer) the newest record or segment start.
     */
    private static long lastAliveMs(final List<JournalSegment> segments, final long newestReceiveTimeMs)
    {
        long marked = 0;
        long started = 0;
        for (final JournalSegment segment : segments)
        {
            marked = Math.max(marked, segment.aliveTimeMs());
            started = Math.max(started, segment.createdTimeMs());
        }
        return marked > 0 ? marked : Math.max(started, newestReceiveTimeMs);
    }

    /**
     * Creates the first segment, or backs what is left of the newest one (written before segments were allocated up
     * front, it may be sparse). On a full disk the writer starts with no room, as if its segment were full: the
     * failure is returned for the preparer to report, and the preparer retries.
     */
    private JournalFailure backWritableSpace()
    {
        try
        {
            if (current == null || !current.isWritable())
            {
                startSegment(current == null ? 1 : current.number() + 1);
            }
            else
            {
                final long tailBytes = current.recordOffset(next) + JournalPreparer.PAGE_BYTES - 1;
                SegmentAllocation.zeroFill(current.path(), tailBytes & -JournalPreparer.PAGE_BYTES, current.bytes());
            }
            writable = current.capacity();
            view = current.checksumView();
            return null;
        }
        catch (final IOException ex)
        {
            LOG.log(System.Logger.Level.ERROR, "cannot back the journal segment to write in " + dir, ex);
            // A stand-in without room: the writer rolls to the segment the preparer allocates once it can.
            current = JournalSegment.none(current == null ? 0 : current.number());
            writable = 0;
            view = current.checksumView();
            return JournalFailure.of(ex, clock.time());
        }
    }

    /** A new segment to write: the first, or the next after one in an older format, which is sealed as it is. */
    private void startSegment(final long number) throws IOException
    {
        final JournalSegment older = current;
        final JournalSegment started = JournalSegment.create(dir, number, segmentBytes, clock.time());
        history.created(started);
        segments.add(started);
        current = started;
        next = 0;
        forced = 0;
        if (older != null)
        {
            history.sealed(older);
        }
    }

    /** Opens (creating if needed) the journal of {@code context.dataDir()} and replays it into the visitor. */
    public static Journal open(final EngineContext context, final JournalVisitor visitor)
    {
        return open(context, visitor, DEFAULT_TOUCH_AHEAD_BYTES);
    }

    /** As {@link #open(EngineContext, JournalVisitor)}, touching {@code touchAheadBytes} ahead (0: never). */
    public static Journal open(final EngineContext context, final JournalVisitor visitor, final long touchAheadBytes)
    {
        try
        {
            return new Journal(context, visitor, touchAheadBytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the journal in " + context.dataDir(), ex);
        }
    }

    public RecoveryReport recovery()
    {
        return recovery;
    }

    /** When the previous run was last alive, found on open; 0 when the journal was empty (a first start). */
    public long lastAliveMs()
    {
        return lastAliveMs;
    }

    /**
     * When recording began: the oldest start among the segments kept, a segment's start being its creation or the
     * oldest history declared imported into it ({@link #appendHistory}). -1 without a segment.
     */
    public long recordingSinceMs()
    {
        long sinceMs = -1;
        for (final JournalSegment segment : segments)
        {
            final long segmentSinceMs = segment.recordingSinceMs();
            if (segmentSinceMs > 0 && (sinceMs < 0 || segmentSinceMs < sinceMs))
            {
                sinceMs = segmentSinceMs;
            }
        }
        return sinceMs;
    }

    /** Any thread. */
    public JournalStatus status(final long retentionMs)
    {
        return new JournalStatus(dir, segments.size(), current.committedRecords(), fsyncIntervalMs, retentionMs,
            recovery, preparer.failure(), preparer.failures(), unjournaledRecords, journalGaps, rollStalls,
            freeBytes());
    }

    /** The bytes the data directory's filesystem has free for this process, -1 if it cannot tell. */
    private long freeBytes()
    {
        try
        {
            return Files.getFileStore(dir).getUsableSpace();
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    /**
     * Hears of each gap the journal writes to disclose records it could not journal, on the journal thread, as it is
     * written (rarely: once per recovery from a full disk). Set once before the first append.
     */
    public void onDisclosedGap(final Consumer<Gap> disclosedGaps)
    {
        this.disclosedGaps = disclosedGaps;
    }

    public JournalHistory history()
    {
        return history;
    }

    /** Whether the segment the next roll takes is prepared. Any thread. */
    public boolean spareReady()
    {
        return isNext(preparer.spare());
    }

    /**
     * Journal thread: appends a liquidation, after a record that defines its symbol in the current segment the first
     * time the segment sees it; the symbol's name is asked for once per symbol id.
     */
    public void appendLiquidation(
        final int symbolId,
        final IntFunction<String> symbolNames,
        final int venue,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs,
        final long receiveTimeNs)
    {
        if (!ensureRoom(segmentSymbolIds[symbolId] == 0 ? 2 : 1, tradeTimeMs, tradeTimeMs))
        {
            return;
        }
        int segmentSymbolId = segmentSymbolIds[symbolId] - 1;
        if (segmentSymbolId < 0)
        {
            segmentSymbolId = defineSymbol(symbolId, symbolNames);
        }
        current.writeLiquidation(next++, crc, view, segmentSymbolId, venue, side, quantityE8, priceE8, tradeTimeMs,
            eventTimeMs, receiveTimeMs(receiveTimeNs));
    }

    /**
     * The number the current segment gives the symbol: the one it already has (a segment continued after a restart)
     * or a new one, defined by a symbol record. Once per symbol and segment.
     */
    private int defineSymbol(final int symbolId, final IntFunction<String> symbolNames)
    {
        byte[] name = symbolBytes[symbolId];
        if (name == null)
        {
            name = symbolNames.apply(symbolId).getBytes(StandardCharsets.US_ASCII);
            symbolBytes[symbolId] = name;
        }
        int segmentSymbolId = current.symbolId(name);
        if (segmentSymbolId < 0)
        {
            segmentSymbolId = current.writeSymbol(next++, crc, view, name);
        }
        segmentSymbolIds[symbolId] = segmentSymbolId + 1;
        return segmentSymbolId;
    }

    /** Journal thread: appends a gap of the venue of ordinal {@code venue}. */
    public void appendGap(
        final long fromMs, final long toMs, final GapKind kind, final int venue, final long receiveTimeNs)
    {
        if (!ensureRoom(1, fromMs, toMs))
        {
            return;
        }
        current.writeGap(next++, crc, view, fromMs, toMs, kind, venue, receiveTimeMs(receiveTimeNs));
    }

    /** Journal thread: declares {@code [fromMs, toMs)} imported (its liquidations were appended before). */
    public void appendHistory(final long fromMs, final long toMs, final long receiveTimeNs)
    {
        if (!ensureRoom(1, fromMs, toMs))
        {
            return;
        }
        current.writeHistory(next++, crc, view, fromMs, toMs, receiveTimeMs(receiveTimeNs));
    }

    /** Journal thread, at a heartbeat: the engine is alive now (a store into the current segment's header). */
    public void markAlive()
    {
        current.markAlive(clock.time());
    }

    /** Journal thread, at the end of a batch: makes the batch readable and, if so configured, durable. */
    public void endOfBatch()
    {
        if (fsyncIntervalMs == 0)
        {
            current.force(forced, next);
            forced = next;
        }
        current.commit(next);
    }

    @Override
    public void close()
    {
        preparer.close();
        if (syncer != null)
        {
            syncer.interrupt();
            try
            {
                syncer.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (current != null)
        {
            current.commit(next);
            if (live)
            {
                current.markAlive(clock.time());
            }
            current.force();
        }
        history.close();
        try
        {
            lock.release();
            lockChannel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private long receiveTimeMs(final long receiveTimeNs)
    {
        return (receiveTimeNs + epochOffsetNs) / 1_000_000L;
    }

    /**
     * Whether there are {@code records} slots for the next record, spanning {@code [fromMs, toMs]}, and what defines
     * its symbol: in the current segment, or in the spare it rolls to, after the gap that discloses what could not be
     * journaled before. Else the record is counted.
     */
    private boolean ensureRoom(final int records, final long fromMs, final long toMs)
    {
        if (next + records <= writable)
        {
            return true;
        }
        final JournalSegment spare = awaitSpare();
        if (spare == null)
        {
            unjournaledRecords++;
            unjournaledFromMs = Math.min(unjournaledFromMs, fromMs);
            unjournaledToMs = Math.max(unjournaledToMs, toMs);
            return false;
        }
        final JournalSegment sealed = current;
        sealed.commit(next);
        if (fsyncIntervalMs == 0)
        {
            sealed.force(forced, next);
        }
        spare.activate(clock.time());
        segments.add(spare);
        view = spare.checksumView();
        next = 0;
        forced = 0;
        writable = spare.capacity();
        current = spare;
        Arrays.fill(segmentSymbolIds, 0);
        if (unjournaledFromMs <= unjournaledToMs)
        {
            spare.writeGap(next++, crc, view, unjournaledFromMs, unjournaledToMs, GapKind.JOURNAL, 0, clock.time());
            disclosedGaps.accept(new Gap(unjournaledFromMs, unjournaledToMs, GapKind.JOURNAL));
            unjournaledFromMs = Long.MAX_VALUE;
            unjournaledToMs = Long.MIN_VALUE;
            journalGaps++;
        }
        return true;
    }

    /** The prepared segment after the current one; waits while it is prepared, null if it cannot be. */
    private JournalSegment awaitSpare()
    {
        JournalSegment spare = preparer.spare();
        if (!isNext(spare) && preparer.failure() == null)
        {
            rollStalls++;
            do
            {
                LockSupport.parkNanos(ROLL_STALL_PARK_NS);
                spare = preparer.spare();
            }
            while (!isNext(spare) && preparer.failure() == null);
        }
        return isNext(spare) ? spare : null;
    }

    private boolean isNext(final JournalSegment spare)
    {
        return spare != null && spare.number() == current.number() + 1;
    }

    /**
     * Forces the pages written since the last force every interval (the page the last force ended in again); a
     * segment that was rolled meanwhile is forced whole once.
     */
    private Thread startSyncer()
    {
        final Thread thread = new Thread(() ->
        {
            JournalSegment last = null;
            int forcedRecords = 0;
            while (!Thread.currentThread().isInterrupted())
            {
                try
                {
                    Thread.sleep(fsyncIntervalMs);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
                final JournalSegment segment = current;
                if (last != segment)
                {
                    if (last != null)
                    {
                        last.force();
                    }
                    forcedRecords = 0;
                }
                final int committed = segment.committedRecords();
                segment.force(forcedRecords, committed);
                forcedRecords = committed;
                last = segment;
            }
        }, "liqvol-journal-sync");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The lock, or null if another process (or another engine in this one) holds it. */
    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            return null;
        }
    }

    private static List<Path> segmentFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> result = new ArrayList<>();
            files.filter(f -> JournalDescriptor.segmentNumberOf(f.getFileName().toString()) >= 0)
                .sorted(Comparator.comparingLong(f -> JournalDescriptor.segmentNumberOf(f.getFileName().toString())))
                .forEach(result::add);
            return result;
        }
    }
}
