package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.JournalStatus;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;
import io.liqvol.engine.journal.RecoveryReport;
import org.agrona.DirectBuffer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The liquidation engine: a Disruptor ring of preallocated frames flowing through decode → (journal ∥ aggregate)
 * → publish. Producers on any thread hand in raw frames or decoded liquidations; listeners are called on the
 * publisher thread; queries may be called from any thread while the engine runs.
 */
public final class LiqvolEngine implements AutoCloseable
{
    /** Guards queries against ranges that would allocate without bound. */
    public static final int MAX_QUERY_BUCKETS = 100_000;

    private final EngineContext context;
    private final EngineCounters counters = new EngineCounters();
    private final SymbolTable symbols;
    private final BucketStore buckets;
    private final RecentLiquidations recent;
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private final AtomicReference<InstrumentTable> instruments = new AtomicReference<>(InstrumentTable.EMPTY);
    private final Journal journal;
    private final VolumeQuery volumeQuery;
    private final Disruptor<FrameEvent> disruptor;
    private final RingBuffer<FrameEvent> ring;
    private final RingInput input;
    private final EventHandler<FrameEvent> lastStage;
    /** When this run started (the engine's clock). */
    private final long startMs;
    /** Null unless a live engine journals. */
    private final Heartbeat heartbeat;
    private volatile boolean closed;

    /**
     * The most memory one symbol on one venue can take: its recent liquidations, and its buckets and duplicate keys
     * there (its {@link Series}); each further venue takes another series.
     */
    static long maxBytesPerSymbol(final EngineContext context, final BucketStore buckets)
    {
        return RecentLiquidations.bytesPerSymbol(context.recentLiquidationsPerSymbol())
            + maxBytesPerSeries(buckets);
    }

    private static long maxBytesPerSeries(final BucketStore buckets)
    {
        return buckets.maxBytesPerSeries() + DuplicateFilter.BYTES_PER_SERIES;
    }

    private LiqvolEngine(final EngineContext context)
    {
        this.context = context;
        startMs = context.epochClock().time();
        buckets = new BucketStore(Series.capacity(context.maxSymbols()), context.windowBuckets());
        // Each admitted series has room for the most it can take, so its pages never fail to allocate (recovery
        // interns through the same table, so it fits the same budget).
        symbols = new SymbolTable(context.maxSymbols(), context.memoryBudgetBytes() - BucketPages.CHUNK_BYTES,
            RecentLiquidations.bytesPerSymbol(context.recentLiquidationsPerSymbol()), maxBytesPerSeries(buckets),
            counters);
        recent = new RecentLiquidations(context.maxSymbols(), context.recentLiquidationsPerSymbol());
        final DuplicateFilter duplicates = new DuplicateFilter(context.maxSymbols());
        // 0. recover: replay the journal into symbols, buckets, recent liquidations, gaps and the duplicate filter
        // before any stage thread runs, so every structure keeps its single writer
        if (context.dataDir() == null)
        {
            journal = null;
        }
        else
        {
            final JournalReplay replay = new JournalReplay(symbols, buckets, recent, duplicates, gaps,
                context.maxSymbols(), context.recentLiquidationsPerSymbol(), context.replayListener());
            journal = Journal.open(context, replay);
            replay.finish();
            // A gap disclosing records a full disk kept out of the journal belongs to this run's history right away.
            journal.onDisclosedGap(gaps::add);
        }

        volumeQuery = new VolumeQuery(symbols, buckets, journal);

        final StageLayout layout = StageLayout.of(context.stageThreads());
        disruptor = new Disruptor<>(
            () -> new FrameEvent(context.maxFrameBytes()),
            context.ringSize(),
            new StageThreadFactory(layout),
            ProducerType.MULTI,
            context.waitStrategy());
        ring = disruptor.getRingBuffer();

        // 1. decode: JSON frames → validated fixed-point liquidations, symbols interned, duplicates dropped
        final DecodeStage decode = new DecodeStage(new FrameDecoder(
            symbols, duplicates, counters, context.epochClock(), context.minTimeMs(),
            context.acceptedFutureMs(), true, instruments));
        // 2a. journal: record what was accepted, in parallel with
        final JournalStage journalStage = new JournalStage(journal, symbols);
        // 2b. aggregate: add each liquidation to its bucket of every timeframe
        final AggregateStage aggregate = new AggregateStage(buckets, counters);
        // 3. publish, once both are done: listeners, recent liquidations, changed buckets per batch
        final PublishStage publish = new PublishStage(context.listeners(), symbols, buckets, recent, counters, gaps);
        publish.ring(ring);
        input = new RingInput(ring);

        lastStage = layout.wire(disruptor, decode, journalStage, aggregate, publish);
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));
        heartbeat = journal != null && context.liveRecording()
            ? new Heartbeat(input, context.heartbeatIntervalMs())
            : null;
    }

    /**
     * Validates the context and starts the pipeline. A live engine whose journal was written before records the time
     * since the previous run was last alive as a {@link GapKind#DOWNTIME} gap, through the stages like any gap.
     */
    public static LiqvolEngine launch(final EngineContext context)
    {
        final LiqvolEngine engine = new LiqvolEngine(context.conclude());
        engine.disruptor.start();
        if (engine.heartbeat != null)
        {
            final long lastAliveMs = engine.journal.lastAliveMs();
            if (lastAliveMs > 0 && lastAliveMs < engine.startMs)
            {
                engine.input.gap(lastAliveMs, engine.startMs, GapKind.DOWNTIME, Venue.BINANCE);
            }
            engine.heartbeat.start();
        }
        return engine;
    }

    /** As {@link #ingestFrame(Venue, DirectBuffer, int, int, long)}, a frame from Binance. */
    public boolean ingestFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        return ingestFrame(Venue.BINANCE, buffer, offset, length, receiveTimeNs);
    }

    /** As {@link #ingestFrame(Venue, byte[], int, int, long)}, a frame from Binance. */
    public boolean ingestFrame(final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        return ingestFrame(Venue.BINANCE, bytes, offset, length, receiveTimeNs);
    }

    /**
     * Hands in one raw frame (UTF-8 JSON) as {@code venue} sends it; it is read by that venue's reader. Copies it into
     * the ring; blocks only while the ring is full. Returns false once the engine is closed. Any thread.
     */
    public boolean ingestFrame(
        final Venue venue, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (closed)
        {
            return false;
        }
        input.frame(venue, buffer, offset, length, receiveTimeNs);
        return true;
    }

    /** As {@link #ingestFrame(Venue, DirectBuffer, int, int, long)}, from a byte array. */
    public boolean ingestFrame(
        final Venue venue, final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        if (closed)
        {
            return false;
        }
        input.frame(venue, bytes, offset, length, receiveTimeNs);
        return true;
    }

    /** As {@link #ingestLiquidation(Venue, String, Side, long, long, long, long)}, a liquidation on Binance. */
    public boolean ingestLiquidation(
        final String symbol,
        final Side side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        return ingestLiquidation(Venue.BINANCE, symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
    }

    /**
     * Hands in a liquidation on {@code venue} decoded elsewhere (an embedder's own feed), under its canonical symbol.
     * Quantity and price are E8 fixed-point; the trade time places it in buckets ({@code eventTimeMs} is used where
     * it is 0). Validated and deduplicated like a frame. Returns false once the engine is closed.
     */
    public boolean ingestLiquidation(
        final Venue venue,
        final String symbol,
        final Side side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        if (closed)
        {
            return false;
        }
        input.liquidation(venue, symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
        return true;
    }

    /**
     * Tells the engine a venue's instrument: its name there ({@code BTC-USDT-SWAP}), the canonical symbol that links
     * venues ({@code BTCUSDT}) and how many E8 units of the base asset one contract is ({@code ctVal}; 1 E8 where
     * quantities are not in contracts). OKX frames name their instruments this way, and a liquidation of one not
     * registered is rejected ({@link RejectReason#UNKNOWN_INSTRUMENT}); Bybit's linear symbols are canonical already.
     * Registering again replaces it. Cold path, any thread, before or while frames flow: the decode thread sees it
     * from the next frame on.
     */
    public void registerInstrument(
        final Venue venue, final String venueSymbol, final String canonicalSymbol, final long contractSizeE8)
    {
        registerInstrument(venue, venueSymbol, canonicalSymbol, contractSizeE8, 1);
    }

    /**
     * As {@link #registerInstrument(Venue, String, String, long)}, for a canonical symbol whose unit is
     * {@code symbolUnits} of the venue's base units (a power of ten up to 10^8): OKX's {@code PEPE-USDT-SWAP} as
     * Binance's {@code 1000PEPEUSDT} is 1000. Its prices are multiplied and its quantities divided by that, exactly
     * (a quantity that E8 cannot hold then is rejected as {@link RejectReason#TOO_PRECISE}); notionals are unchanged.
     * Bybit symbols are looked up too, so a Bybit symbol may be registered under another canonical name this way.
     */
    public void registerInstrument(final Venue venue, final String venueSymbol, final String canonicalSymbol,
        final long contractSizeE8, final long symbolUnits)
    {
        final int scaleDigits = powerOfTenDigits(symbolUnits);
        if (scaleDigits < 0 || scaleDigits > FixedPoint.SCALE)
        {
            throw new IllegalArgumentException("symbol units must be a power of ten up to 10^8, was " + symbolUnits);
        }
        if (venueSymbol == null || venueSymbol.isEmpty() || venueSymbol.length() > SymbolTable.MAX_SYMBOL_LENGTH
            || !venueSymbol.chars().allMatch(c -> c > ' ' && c < 0x7F))
        {
            throw new IllegalArgumentException("not a venue symbol: " + venueSymbol);
        }
        if (canonicalSymbol == null || canonicalSymbol.isEmpty()
            || canonicalSymbol.length() > SymbolTable.MAX_SYMBOL_LENGTH
            || !canonicalSymbol.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        {
            throw new IllegalArgumentException("not a canonical symbol: " + canonicalSymbol);
        }
        if (contractSizeE8 <= 0)
        {
            throw new IllegalArgumentException("contract size must be positive, was " + contractSizeE8);
        }
        instruments.updateAndGet(table -> table.with(venue, venueSymbol, canonicalSymbol, contractSizeE8,
            scaleDigits));
    }

    /** {@code d} where {@code value} is 10^d, else -1. */
    private static int powerOfTenDigits(final long value)
    {
        int digits = 0;
        long power = 1;
        while (power < value && digits <= FixedPoint.SCALE)
        {
            power *= 10;
            digits++;
        }
        return power == value ? digits : -1;
    }

    /** Records an interval without a live connection to Binance; listeners hear of it through {@code onGap}. */
    public boolean recordGap(final long fromMs, final long toMs)
    {
        return recordGap(Venue.BINANCE, fromMs, toMs);
    }

    /** Records an interval without a live upstream connection to {@code venue}; listeners hear of it too. */
    public boolean recordGap(final Venue venue, final long fromMs, final long toMs)
    {
        return recordGap(venue, fromMs, toMs, GapKind.UPSTREAM);
    }

    /**
     * Records an interval of {@code venue} not recorded for the given reason (a replica passes on its source's gaps as
     * they were; a downtime or journal gap is the engine's, written as Binance's).
     */
    public boolean recordGap(final Venue venue, final long fromMs, final long toMs, final GapKind kind)
    {
        if (toMs < fromMs)
        {
            throw new IllegalArgumentException("gap ends before it starts: " + fromMs + " > " + toMs);
        }
        if (closed)
        {
            return false;
        }
        input.gap(fromMs, toMs, kind, venue);
        return true;
    }

    /**
     * Declares that the liquidations of {@code [fromMs, toMs)} were imported into the journal (after them, so that a
     * crash in between leaves no claim without its records): recording then counts from {@code fromMs}
     * ({@link #recordingSinceMs()}). Journaled only; listeners hear nothing of it.
     */
    public boolean recordHistory(final long fromMs, final long toMs)
    {
        if (toMs < fromMs)
        {
            throw new IllegalArgumentException("history ends before it starts: " + fromMs + " > " + toMs);
        }
        if (closed || journal == null)
        {
            return false;
        }
        input.history(fromMs, toMs);
        return true;
    }

    /**
     * Gaps recorded (journal replay first, then those published since and those the journal wrote to disclose what it
     * could not journal), in order of recording.
     */
    public List<Gap> gaps()
    {
        return List.copyOf(gaps);
    }

    /** How many gaps {@link #gaps()} holds; they are only ever added, so a change of count is a change of list. */
    public int gapCount()
    {
        return gaps.size();
    }

    /**
     * When recording began: the start of the oldest journal segment kept (or of history imported into it,
     * {@link #recordHistory}), or this run's start without a journal (or
     * with none written yet). Nothing before it was recorded live.
     */
    public long recordingSinceMs()
    {
        final long journalSinceMs = journal == null ? -1 : journal.recordingSinceMs();
        return journalSinceMs > 0 ? Math.min(journalSinceMs, startMs) : startMs;
    }

    public boolean isKnownSymbol(final String symbol)
    {
        return symbols.idOf(symbol) >= 0;
    }

    /** The venues on which the engine has recorded a liquidation of the symbol (live or recovered). Any thread. */
    public Set<Venue> venuesOf(final String symbol)
    {
        final int symbolId = symbols.idOf(symbol);
        final Set<Venue> venues = EnumSet.noneOf(Venue.class);
        for (int venue = 0; symbolId >= 0 && venue < Series.PER_SYMBOL; venue++)
        {
            if (buckets.holds(Series.of(symbolId, venue)))
            {
                venues.add(Venue.fromOrdinal(venue));
            }
        }
        return venues;
    }

    /** Every symbol the engine has accepted a liquidation of (or interned), in order of first sighting. */
    public List<String> symbols()
    {
        return symbols.names();
    }

    /** As {@link #volume(String, int, Timeframe, long, long)} summed over every venue. */
    public List<BucketSnapshot> volume(
        final String symbol, final Timeframe timeframe, final long startMs, final long endMs)
    {
        return volume(symbol, Venues.ALL, timeframe, startMs, endMs);
    }

    /**
     * The buckets of a symbol from the one holding {@code startMs} while their start is before {@code endMs},
     * ascending, with zeros where nothing was liquidated, summed exactly over the venues of {@code venueMask}
     * ({@link Venues}: a bit per {@link Venue} ordinal, {@link Venues#ALL} every venue). Buckets older than a venue's
     * in-memory window come from the journal's roll-ups (zero without a data directory).
     */
    public List<BucketSnapshot> volume(
        final String symbol, final int venueMask, final Timeframe timeframe, final long startMs, final long endMs)
    {
        return volumeQuery.volume(symbol, venueMask, timeframe, startMs, endMs);
    }

    /** As {@link #volume(String, int, Interval, long, long)} summed over every venue. */
    public List<BucketSnapshot> volume(
        final String symbol, final Interval interval, final long startMs, final long endMs)
    {
        return volume(symbol, Venues.ALL, interval, startMs, endMs);
    }

    /**
     * As {@link #volume(String, int, Timeframe, long, long)} in any {@link Interval}: a custom timeframe's buckets are
     * the exact sums of its base buckets (and carry the base as their {@link BucketSnapshot#timeframe()}).
     */
    public List<BucketSnapshot> volume(
        final String symbol, final int venueMask, final Interval interval, final long startMs, final long endMs)
    {
        return interval instanceof CustomTimeframe custom
            ? custom.volume(symbol, startMs, endMs, (s, base, from, to) -> volume(s, venueMask, base, from, to))
            : volume(symbol, venueMask, interval.base(), startMs, endMs);
    }

    /** As {@link #recentLiquidations(String, int, int)} on every venue. */
    public List<LiquidationSnapshot> recentLiquidations(final String symbol, final int limit)
    {
        return recentLiquidations(symbol, Venues.ALL, limit);
    }

    /**
     * The most recent published liquidations of a symbol on the venues of {@code venueMask} ({@link Venues}), newest
     * first, at most {@code limit}, out of the {@link EngineContext#recentLiquidationsPerSymbol} newest of the symbol
     * on all venues.
     */
    public List<LiquidationSnapshot> recentLiquidations(final String symbol, final int venueMask, final int limit)
    {
        final int symbolId = symbols.idOf(symbol);
        return symbolId < 0 ? List.of() : recent.newest(symbolId, symbol, venueMask, limit);
    }

    /**
     * Journaled liquidations matching the filter in record order, newest or oldest first, from {@code from} (null: the
     * newest or oldest record); see {@link io.liqvol.engine.journal.JournalHistory#orders}. Without a data directory
     * there are none. Any thread; reads the journal, so not on a latency-sensitive one.
     */
    public OrderScanResult orders(final OrderFilter filter, final boolean newestFirst, final JournalPosition from,
        final int maxOrders, final long maxRecords, final OrderVisitor visitor)
    {
        return journal == null
            ? new OrderScanResult(null, false)
            : journal.history().orders(filter, newestFirst, from, maxOrders, maxRecords, visitor);
    }

    public EngineCounters counters()
    {
        return counters;
    }

    /**
     * How many symbols the memory budget ({@link EngineContext#memoryBudgetBytes}) holds on one venue each; a further
     * one is refused. A symbol on a second venue takes budget of its own (its buckets and duplicate keys there), so
     * symbols listed on several venues leave room for fewer.
     */
    public int admittedSymbols()
    {
        return symbols.admittedSymbols();
    }

    public EngineContext context()
    {
        return context;
    }

    /** What recovery found in the journal on launch ({@link RecoveryReport#NONE} without a data directory). */
    public RecoveryReport recovery()
    {
        return journal == null ? RecoveryReport.NONE : journal.recovery();
    }

    /** The journal's state for a health report, or null when the engine runs without a data directory. */
    public JournalStatus journalStatus()
    {
        return journal == null ? null : journal.status(context.retentionMs());
    }

    /** The sequence of the last event handed in (-1 before the first). Any thread. */
    public long inputSequence()
    {
        return ring.getCursor();
    }

    /**
     * The sequence of the last event every stage is done with: behind {@link #inputSequence()} while events are in the
     * ring, and advancing unless a stage thread is stuck. Any thread.
     */
    public long processedSequence()
    {
        return disruptor.getSequenceValueFor(lastStage);
    }

    /** The journal, or null without a data directory; for the importer and tests in this package. */
    Journal journal()
    {
        return journal;
    }

    /** Waits until every event handed in so far has passed all stages (the importer's barrier). */
    void drain()
    {
        final long cursor = inputSequence();
        while (processedSequence() < cursor)
        {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Stops accepting input, processes everything already in the ring, then stops the stages. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (heartbeat != null)
        {
            heartbeat.close();
        }
        // Disruptor.shutdown() skips stages whose threads have not started yet, so wait for the last stage itself.
        drain();
        disruptor.halt();
        if (journal != null)
        {
            journal.close();
        }
    }
}
