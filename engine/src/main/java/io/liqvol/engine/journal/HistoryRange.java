package io.liqvol.engine.journal;

import io.liqvol.engine.Timeframe;
import org.agrona.DirectBuffer;

/** The buckets of one history query, summed from roll-ups: {@code count} buckets from {@code firstIndex}. */
public final class HistoryRange
{
    private final Timeframe timeframe;
    private final long firstIndex;
    private final int count;
    private final long[] values;

    HistoryRange(final Timeframe timeframe, final long firstIndex, final long lastIndex)
    {
        this.timeframe = timeframe;
        this.firstIndex = firstIndex;
        this.count = (int)(lastIndex - firstIndex + 1);
        this.values = new long[count * RollupValues.LENGTH];
    }

    long startMs()
    {
        return timeframe.bucketStartMs(firstIndex);
    }

    long endMs()
    {
        return timeframe.bucketStartMs(firstIndex + count);
    }

    /** Adds a base bucket's totals to the bucket of this range that holds its start. */
    void add(final long baseStartMs, final long[] from, final int at)
    {
        final int i = slot(baseStartMs);
        if (i >= 0)
        {
            RollupValues.addTotals(values, i * RollupValues.LENGTH, from, at);
        }
    }

    void add(final long baseStartMs, final DirectBuffer from, final int offset)
    {
        final int i = slot(baseStartMs);
        if (i >= 0)
        {
            RollupValues.addTotals(values, i * RollupValues.LENGTH, from, offset);
        }
    }

    /** Hands the totals of bucket {@code index} (of the timeframe) to {@code into}. */
    public void copyTo(final long index, final TotalsConsumer into)
    {
        RollupValues.copyTo(values, (int)(index - firstIndex) * RollupValues.LENGTH, into);
    }

    private int slot(final long baseStartMs)
    {
        final long i = timeframe.bucketIndex(baseStartMs) - firstIndex;
        return i >= 0 && i < count ? (int)i : -1;
    }
}
