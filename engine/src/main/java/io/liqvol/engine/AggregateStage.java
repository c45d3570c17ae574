package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

/** Stage 2b: adds each accepted liquidation to its bucket of every timeframe, in parallel with the journal. */
final class AggregateStage implements EventHandler<FrameEvent>
{
    private static final int TIMEFRAMES = Timeframe.count();

    private final BucketStore store;
    private final EngineCounters counters;

    AggregateStage(final BucketStore store, final EngineCounters counters)
    {
        this.store = store;
        this.counters = counters;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        for (int i = 0; i < event.count; i++)
        {
            final long position = BucketDescriptor.position(sequence, i);
            int applied = 0;
            for (int t = 0; t < TIMEFRAMES; t++)
            {
                final long bucketIndex = Timeframe.fromOrdinal(t).bucketIndex(event.tradeTimeMs[i]);
                final int result = store.add(
                    event.symbolId[i], t, bucketIndex, event.side[i], event.quantityE8[i], event.priceE8[i], position);
                if (result == BucketStore.ADDED)
                {
                    applied |= 1 << t;
                }
                else if (result == BucketStore.TOO_OLD)
                {
                    counters.incrementBeyondWindow();
                }
                else
                {
                    counters.incrementAggregateOverflows();
                }
            }
            event.appliedTimeframes[i] = applied;
        }
    }
}
