package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

/**
 * Stage 2b: adds each accepted liquidation to its bucket of every timeframe on its venue (its {@link Series}), in
 * parallel with the journal, and leaves in the event which buckets it changed, for the publish stage. The sum over
 * venues is read on the cold side (publisher, queries), never added here a second time.
 */
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
            final long table = store.table(Series.of(event.symbolId[i], event.venue[i]));
            final long position = BucketDescriptor.position(sequence, i);
            final long timeMs = event.tradeTimeMs[i];
            final int side = event.side[i];
            final long quantityE8 = event.quantityE8[i];
            final long notionalHigh = event.notionalHigh(i);
            final long notionalLow = event.notionalLow(i);
            final int indexes = i * TIMEFRAMES;
            int applied = 0;
            for (int t = 0; t < TIMEFRAMES; t++)
            {
                final int result = store.add(table, t, timeMs, side, quantityE8, notionalHigh, notionalLow, position);
                if (result >= 0)
                {
                    applied |= 1 << t;
                    event.bucketIndex[indexes + t] = result;
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
