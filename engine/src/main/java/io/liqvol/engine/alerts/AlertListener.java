package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;

import java.util.concurrent.locks.LockSupport;

/**
 * The evaluator's engine listener, on the publisher thread: copies each liquidation and each changed bucket of a
 * timeframe some rule watches into the {@link AlertQueue} (a few stores, no allocation, no lock, never waiting; a
 * full queue drops and counts), and at the end of a batch wakes the evaluator if it sleeps.
 */
public final class AlertListener implements EngineListener
{
    /** Bit of {@link #interest} for liquidations; timeframes use the bits of their ordinals. */
    static final int LIQUIDATIONS_BIT = 1 << 20;
    /** Every known venue's bit: the selection of a rule over every venue. */
    static final int EVERY_VENUE = (1 << Venue.count()) - 1;
    /** Where an entry's third slot holds the venue (a liquidation) or the selection (a bucket), above the ordinal. */
    static final int SELECTION_SHIFT = 8;

    private final AlertQueue queue;
    private volatile int interest;
    /** Per timeframe ordinal, bit {@code s} set when a rule watches the venue selection {@code s}. */
    private volatile int[] selectionsByTimeframe = new int[Timeframe.count()];
    private volatile Thread sleeper;
    private boolean publishedInBatch;
    private long batchNewestTradeTimeMs;
    private long batchReceiveTimeNs;

    AlertListener(final AlertQueue queue)
    {
        this.queue = queue;
    }

    /**
     * What to hand over: {@link #LIQUIDATIONS_BIT} and the bits of watched timeframes' ordinals, and per timeframe
     * the venue selections watched (the array is not changed afterwards).
     */
    void interest(final int mask, final int[] selections)
    {
        selectionsByTimeframe = selections;
        interest = mask;
    }

    /** The evaluator's thread while it parks, else null. */
    void sleeper(final Thread thread)
    {
        sleeper = thread;
    }

    @Override
    public void onLiquidation(final LiquidationView liquidation)
    {
        batchNewestTradeTimeMs = Math.max(batchNewestTradeTimeMs, liquidation.tradeTimeMs());
        if (batchReceiveTimeNs == 0)
        {
            batchReceiveTimeNs = liquidation.receiveTimeNs();
        }
        if ((interest & LIQUIDATIONS_BIT) == 0)
        {
            return;
        }
        final int offset = queue.claim();
        if (offset < 0)
        {
            return;
        }
        final long[] slots = queue.slots();
        slots[offset] = AlertQueue.LIQUIDATION;
        slots[offset + 1] = liquidation.symbolId();
        slots[offset + 2] = liquidation.side().ordinal() | (long)liquidation.venue().ordinal() << SELECTION_SHIFT;
        slots[offset + 3] = liquidation.quantityE8();
        slots[offset + 4] = liquidation.priceE8();
        slots[offset + 5] = liquidation.tradeTimeMs();
        slots[offset + 6] = liquidation.eventTimeMs();
        slots[offset + 7] = liquidation.receiveTimeNs();
        queue.publish(offset, liquidation.symbol());
        publishedInBatch = true;
    }

    /**
     * Rules watch a symbol's sum over a selection of venues, so a venue's change hands on the sum of each watched
     * selection holding that venue (a selection whose venues did not change is not handed on).
     */
    @Override
    public void onBucketChanged(final BucketView changed)
    {
        final int timeframe = changed.timeframe().ordinal();
        if ((interest & (1 << timeframe)) == 0)
        {
            return;
        }
        final int selections = selectionsByTimeframe[timeframe];
        final Venue venue = changed.venue();
        final int changedVenues = venue == null ? EVERY_VENUE : 1 << venue.ordinal();
        for (int selection = 1; selection <= EVERY_VENUE; selection++)
        {
            if ((selections & (1 << selection)) != 0 && (selection & changedVenues) != 0)
            {
                publish(changed.venues(selection), selection);
            }
        }
    }

    private void publish(final BucketView bucket, final int selection)
    {
        final int offset = queue.claim();
        if (offset < 0)
        {
            return;
        }
        final long[] slots = queue.slots();
        slots[offset] = AlertQueue.BUCKET;
        slots[offset + 1] = bucket.symbolId();
        slots[offset + 2] = bucket.timeframe().ordinal() | (long)selection << SELECTION_SHIFT;
        slots[offset + 3] = bucket.startTimeMs();
        slots[offset + 4] = bucket.buyNotionalE16High();
        slots[offset + 5] = bucket.buyNotionalE16Low();
        slots[offset + 6] = bucket.sellNotionalE16High();
        slots[offset + 7] = bucket.sellNotionalE16Low();
        slots[offset + 8] = bucket.buyQuantityE8High();
        slots[offset + 9] = bucket.buyQuantityE8Low();
        slots[offset + 10] = bucket.sellQuantityE8High();
        slots[offset + 11] = bucket.sellQuantityE8Low();
        slots[offset + 12] = bucket.buyCount();
        slots[offset + 13] = bucket.sellCount();
        slots[offset + 14] = batchNewestTradeTimeMs;
        slots[offset + 15] = batchReceiveTimeNs;
        queue.publish(offset, bucket.symbol());
        publishedInBatch = true;
    }

    @Override
    public void onBatchEnd()
    {
        batchNewestTradeTimeMs = 0;
        batchReceiveTimeNs = 0;
        if (publishedInBatch)
        {
            publishedInBatch = false;
            final Thread thread = sleeper;
            if (thread != null)
            {
                LockSupport.unpark(thread);
            }
        }
    }
}
