package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Journal journal;
    private final Disruptor<FrameEvent> disruptor;
    private final RingBuffer<FrameEvent> ring;
    private final EventHandler<FrameEvent> lastStage;
    private volatile boolean closed;

    private LiqvolEngine(final EngineContext context)
    {
        this.context = context;
        symbols = new SymbolTable(context.maxSymbols());
        buckets = new BucketStore(context.maxSymbols(), context.windowBuckets());
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
            final JournalReplay replay = new JournalReplay(
                symbols, buckets, recent, duplicates, gaps, context.maxSymbols(), context.recentLiquidationsPerSymbol());
            journal = Journal.open(context, replay);
            replay.finish();
        }

        disruptor = new Disruptor<>(
            () -> new FrameEvent(context.maxFrameBytes()),
            context.ringSize(),
            new StageThreadFactory(context.stageThreads()),
            ProducerType.MULTI,
            context.waitStrategy());
        ring = disruptor.getRingBuffer();

        // 1. decode: JSON frames → validated fixed-point liquidations, symbols interned, duplicates dropped
        final DecodeStage decode = new DecodeStage(new FrameDecoder(
            symbols, duplicates, counters, context.epochClock(), context.minTimeMs(),
            context.maxFutureSkewMs()));
        // 2a. journal: record what was accepted, in parallel with
        final JournalStage journalStage = new JournalStage(journal, symbols);
        // 2b. aggregate: add each liquidation to its bucket of every timeframe
        final AggregateStage aggregate = new AggregateStage(buckets, counters);
        // 3. publish, once both are done: listeners, recent liquidations, changed buckets per batch
        final PublishStage publish = new PublishStage(context.listeners(), symbols, buckets, recent, counters, gaps);
        publish.ring(ring);

        switch (context.stageThreads())
        {
            case 1:
                lastStage = new SequentialStages(decode, journalStage, aggregate, publish);
                disruptor.handleEventsWith(lastStage);
                break;
            case 2:
                lastStage = new SequentialStages(journalStage, aggregate, publish);
                disruptor.handleEventsWith(decode).then(lastStage);
                break;
            default:
                lastStage = publish;
                disruptor.handleEventsWith(decode).then(journalStage, aggregate).then(publish);
                break;
        }
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler(counters));
    }

    /** Validates the context and starts the pipeline. */
    public static LiqvolEngine launch(final EngineContext context)
    {
        final LiqvolEngine engine = new LiqvolEngine(context.conclude());
        engine.disruptor.start();
        return engine;
    }

    /**
     * Hands in one raw upstream frame (UTF-8 JSON). Copies it into the ring; blocks only while the ring is full.
     * Returns false once the engine is closed. Any thread.
     */
    public boolean ingestFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (closed)
        {
            return false;
        }
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setFrame(buffer, offset, length, receiveTimeNs);
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    /** As {@link #ingestFrame(DirectBuffer, int, int, long)}, from a byte array. */
    public boolean ingestFrame(final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        if (closed)
        {
            return false;
        }
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setFrame(bytes, offset, length, receiveTimeNs);
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    /**
     * Hands in a liquidation decoded elsewhere (an embedder's own feed). Quantity and price are E8 fixed-point;
     * the trade time places it in buckets ({@code eventTimeMs} is used where it is 0). Validated and deduplicated
     * like a frame. Returns false once the engine is closed.
     */
    public boolean ingestLiquidation(
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
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setLiquidation(
                symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs, System.nanoTime());
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    /** Records an interval without a live upstream connection; listeners hear of it through {@code onGap}. */
    public boolean recordGap(final long fromMs, final long toMs)
    {
        if (toMs < fromMs)
        {
            throw new IllegalArgumentException("gap ends before it starts: " + fromMs + " > " + toMs);
        }
        if (closed)
        {
            return false;
        }
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setGap(fromMs, toMs);
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    /** Gaps published so far, oldest first. */
    public List<Gap> gaps()
    {
        return List.copyOf(gaps);
    }

    public boolean isKnownSymbol(final String symbol)
    {
        return symbols.idOf(symbol) >= 0;
    }

    /** Every symbol the engine has accepted a liquidation of (or interned), in order of first sighting. */
    public List<String> symbols()
    {
        return symbols.names();
    }

    /**
     * The buckets of a symbol from the one holding {@code startMs} while their start is before {@code endMs},
     * ascending, with zeros where nothing was liquidated. Buckets older than the in-memory window come from the
     * journal's roll-ups (zero without a data directory).
     */
    public List<BucketSnapshot> volume(
        final String symbol, final Timeframe timeframe, final long startMs, final long endMs)
    {
        if (endMs <= startMs)
        {
            throw new IllegalArgumentException("end must be after start: " + startMs + " >= " + endMs);
        }
        final long first = timeframe.bucketIndex(startMs);
        final long last = timeframe.bucketIndex(endMs - 1);
        if (last - first + 1 > MAX_QUERY_BUCKETS)
        {
            throw new IllegalArgumentException("range spans more than " + MAX_QUERY_BUCKETS + " buckets");
        }
        final int symbolId = symbols.idOf(symbol);
        final BucketValues values = new BucketValues();
        values.symbol = symbol;
        values.symbolId = symbolId;
        values.timeframe = timeframe;
        final List<BucketSnapshot> result = new ArrayList<>((int)(last - first + 1));
        long firstEvicted = -1;
        long lastEvicted = -1;
        for (long index = first; index <= last; index++)
        {
            if (symbolId >= 0)
            {
                if (buckets.read(symbolId, timeframe.ordinal(), index, values) == BucketStore.EVICTED && journal != null)
                {
                    firstEvicted = firstEvicted < 0 ? index : firstEvicted;
                    lastEvicted = index;
                    result.add(null);
                    continue;
                }
            }
            else
            {
                values.clear();
            }
            values.bucketIndex = index;
            result.add(values.toSnapshot());
        }
        if (firstEvicted >= 0)
        {
            final HistoryRange history = journal.history().volume(symbol, timeframe, firstEvicted, lastEvicted);
            for (long index = firstEvicted; index <= lastEvicted; index++)
            {
                final int at = (int)(index - first);
                if (result.get(at) == null)
                {
                    values.clear();
                    history.copyTo(index, values);
                    values.bucketIndex = index;
                    result.set(at, values.toSnapshot());
                }
            }
        }
        return result;
    }

    /** The most recent published liquidations of a symbol, newest first, at most {@code limit}. */
    public List<LiquidationSnapshot> recentLiquidations(final String symbol, final int limit)
    {
        final int symbolId = symbols.idOf(symbol);
        return symbolId < 0 ? List.of() : recent.newest(symbolId, symbol, limit);
    }

    public EngineCounters counters()
    {
        return counters;
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

    /** The journal, or null without a data directory; for the importer and tests in this package. */
    Journal journal()
    {
        return journal;
    }

    /** Waits until every event handed in so far has passed all stages (the importer's barrier). */
    void drain()
    {
        final long cursor = ring.getCursor();
        while (disruptor.getSequenceValueFor(lastStage) < cursor)
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
        // Disruptor.shutdown() skips stages whose threads have not started yet, so wait for the last stage itself.
        final long cursor = ring.getCursor();
        while (disruptor.getSequenceValueFor(lastStage) < cursor)
        {
            LockSupport.parkNanos(100_000);
        }
        disruptor.halt();
        if (journal != null)
        {
            journal.close();
        }
    }

    /** Names the stage threads so a thread dump shows the pipeline. */
    private static final class StageThreadFactory implements ThreadFactory
    {
        private final String[] names;
        private final AtomicInteger created = new AtomicInteger();

        StageThreadFactory(final int stageThreads)
        {
            switch (stageThreads)
            {
                case 1:
                    names = new String[] {"liqvol-stages"};
                    break;
                case 2:
                    names = new String[] {"liqvol-decode", "liqvol-journal-aggregate-publish"};
                    break;
                default:
                    names = new String[] {"liqvol-decode", "liqvol-journal", "liqvol-aggregate", "liqvol-publish"};
                    break;
            }
        }

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final int n = created.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : "liqvol-stage-" + n);
            thread.setDaemon(true);
            return thread;
        }
    }

    /** A stage that throws must not stop the engine: count it and go on with the next event. */
    private static final class CountingExceptionHandler implements ExceptionHandler<FrameEvent>
    {
        private final EngineCounters counters;

        CountingExceptionHandler(final EngineCounters counters)
        {
            this.counters = counters;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
        {
            counters.incrementStageErrors();
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            counters.incrementStageErrors();
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            counters.incrementStageErrors();
        }
    }
}
