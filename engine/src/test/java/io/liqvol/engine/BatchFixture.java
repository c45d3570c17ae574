package io.liqvol.engine;

/** A pending batch with real symbols, duplicate filter and counters, and an order validator that reads into it. */
final class BatchFixture
{
    static final long NOW_MS = 1_700_000_000_000L;

    final EngineCounters counters = new EngineCounters();
    final SymbolTable symbols = new SymbolTable(4);
    final PendingBatch batch = new PendingBatch(symbols, new DuplicateFilter(4), counters);
    final OrderValidator order = new OrderValidator(
        new TimeWindow(() -> NOW_MS, EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS));
    final FrameEvent event = new FrameEvent(64);

    /** Commits what was read into the event; returns it. */
    FrameEvent commit()
    {
        event.count = 0;
        batch.commit(event);
        return event;
    }

    /** The accepted liquidation at {@code i} as {@code SYMBOL SIDE quantityE8 priceE8 tradeTimeMs eventTimeMs}. */
    String liquidation(final int i)
    {
        return symbols.nameOf(event.symbolId[i]) + " " + Side.fromOrdinal(event.side[i]) + " " + event.quantityE8[i]
            + " " + event.priceE8[i] + " " + event.tradeTimeMs[i] + " " + event.eventTimeMs[i];
    }
}
