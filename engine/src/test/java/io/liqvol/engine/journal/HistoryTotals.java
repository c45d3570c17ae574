package io.liqvol.engine.journal;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Int128;
import io.liqvol.engine.Timeframe;

/** The totals a {@link HistoryRange} hands out for one bucket, as a value the tests compare. */
record HistoryTotals(
    long buyNotionalHigh,
    long buyNotionalLow,
    long sellNotionalHigh,
    long sellNotionalLow,
    long buyQuantityHigh,
    long buyQuantityLow,
    long sellQuantityHigh,
    long sellQuantityLow,
    long buyCount,
    long sellCount)
{
    static HistoryTotals of(final HistoryRange range, final long index)
    {
        final HistoryTotals[] totals = new HistoryTotals[1];
        range.copyTo(index, (bnH, bnL, snH, snL, bqH, bqL, sqH, sqL, buyCount, sellCount) ->
            totals[0] = new HistoryTotals(bnH, bnL, snH, snL, bqH, bqL, sqH, sqL, buyCount, sellCount));
        return totals[0];
    }

    BucketSnapshot toSnapshot(final String symbol, final Timeframe timeframe, final long index)
    {
        return new BucketSnapshot(symbol, timeframe, timeframe.bucketStartMs(index),
            Int128.toBigDecimal(buyNotionalHigh, buyNotionalLow, 16),
            Int128.toBigDecimal(sellNotionalHigh, sellNotionalLow, 16),
            Int128.toBigDecimal(buyQuantityHigh, buyQuantityLow, 8),
            Int128.toBigDecimal(sellQuantityHigh, sellQuantityLow, 8),
            buyCount, sellCount);
    }
}
