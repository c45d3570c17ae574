package io.liqvol.engine.journal;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Int128;
import io.liqvol.engine.Timeframe;

/** Reads the buckets of a {@link HistoryRange} as snapshots the tests compare. */
final class HistorySnapshots
{
    private HistorySnapshots()
    {
    }

    static BucketSnapshot of(final HistoryRange range, final String symbol, final Timeframe timeframe, final long index)
    {
        final BucketSnapshot[] snapshot = new BucketSnapshot[1];
        range.copyTo(index, (buyNotionalHigh, buyNotionalLow, sellNotionalHigh, sellNotionalLow, buyQuantityHigh,
            buyQuantityLow, sellQuantityHigh, sellQuantityLow, buyCount, sellCount) ->
            snapshot[0] = new BucketSnapshot(symbol, timeframe, timeframe.bucketStartMs(index),
                Int128.toBigDecimal(buyNotionalHigh, buyNotionalLow, 16),
                Int128.toBigDecimal(sellNotionalHigh, sellNotionalLow, 16),
                Int128.toBigDecimal(buyQuantityHigh, buyQuantityLow, 8),
                Int128.toBigDecimal(sellQuantityHigh, sellQuantityLow, 8),
                buyCount, sellCount));
        return snapshot[0];
    }
}
