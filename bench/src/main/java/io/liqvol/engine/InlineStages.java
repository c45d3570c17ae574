package io.liqvol.engine;

import org.agrona.concurrent.SystemEpochClock;

/**
 * The engine's decode and aggregate work for a liquidation handed in by an embedder, on the calling thread and without
 * the ring: what a pipeline batch costs in work alone, measured beside it.
 */
public final class InlineStages
{
    private final FrameDecoder decoder;
    private final AggregateStage aggregate;
    private final FrameEvent event = new FrameEvent(EngineContext.DEFAULT_MAX_FRAME_BYTES);
    private long sequence;

    public InlineStages()
    {
        final EngineCounters counters = new EngineCounters();
        decoder = new FrameDecoder(new SymbolTable(EngineContext.DEFAULT_MAX_SYMBOLS),
            new DuplicateFilter(EngineContext.DEFAULT_MAX_SYMBOLS), counters, SystemEpochClock.INSTANCE,
            EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS);
        aggregate = new AggregateStage(
            new BucketStore(Series.capacity(EngineContext.DEFAULT_MAX_SYMBOLS), new EngineContext().windowBuckets()),
            counters);
    }

    /** Validates, interns, deduplicates and aggregates one liquidation; returns how many were accepted (0 or 1). */
    public int liquidation(
        final String symbol, final Side side, final long quantityE8, final long priceE8, final long tradeTimeMs,
        final long eventTimeMs)
    {
        event.setLiquidation(
            Venue.BINANCE, symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs, System.nanoTime());
        decoder.decode(event);
        aggregate.onEvent(event, sequence++, true);
        return event.count;
    }
}
