package io.liqvol.engine;

import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.util.Arrays;

/**
 * The buckets one publish batch changed, each once, in order of first change. Per series (a symbol on a venue) and
 * timeframe it remembers the bucket marked last in this batch, so a run of liquidations into the same bucket costs a
 * compare; only a series and timeframe that changes two buckets in one batch (late liquidations) goes through a hash
 * set. Publisher thread only.
 */
final class ChangedBuckets
{
    private static final int TIMEFRAMES = Timeframe.count();
    private static final int TIMEFRAME_BITS = 4;
    private static final long INDEX_MASK = 0xFFFF_FFFFL;

    private final LongArrayList inOrder = new LongArrayList();
    private final LongHashSet several = new LongHashSet();
    private int[] markedIndex = new int[64 * TIMEFRAMES];
    private long[] markedBatch = new long[64 * TIMEFRAMES];
    private long batch = 1;

    void mark(final int seriesId, final int timeframe, final int bucketIndex)
    {
        final int at = seriesId * TIMEFRAMES + timeframe;
        if (at >= markedBatch.length)
        {
            grow(at);
        }
        if (markedBatch[at] != batch)
        {
            markedBatch[at] = batch;
            markedIndex[at] = bucketIndex;
            inOrder.addLong(key(seriesId, timeframe, bucketIndex));
        }
        else if (markedIndex[at] != bucketIndex)
        {
            several.add(key(seriesId, timeframe, markedIndex[at]));
            markedIndex[at] = bucketIndex;
            final long key = key(seriesId, timeframe, bucketIndex);
            if (several.add(key))
            {
                inOrder.addLong(key);
            }
        }
    }

    int size()
    {
        return inOrder.size();
    }

    /** The k-th changed bucket, as a key for {@link #seriesId}, {@link #timeframe} and {@link #bucketIndex}. */
    long key(final int k)
    {
        return inOrder.getLong(k);
    }

    /** Forgets this batch's buckets. */
    void clear()
    {
        batch++;
        inOrder.clear();
        if (!several.isEmpty())
        {
            several.clear();
        }
    }

    static int seriesId(final long key)
    {
        return (int)(key >>> (Integer.SIZE + TIMEFRAME_BITS));
    }

    static int timeframe(final long key)
    {
        return (int)(key >>> Integer.SIZE) & ((1 << TIMEFRAME_BITS) - 1);
    }

    static int bucketIndex(final long key)
    {
        return (int)(key & INDEX_MASK);
    }

    private static long key(final int seriesId, final int timeframe, final int bucketIndex)
    {
        return ((long)seriesId << (Integer.SIZE + TIMEFRAME_BITS)) | ((long)timeframe << Integer.SIZE) | bucketIndex;
    }

    private void grow(final int at)
    {
        final int length = Math.max(markedBatch.length * 2, (at / TIMEFRAMES + 1) * TIMEFRAMES);
        markedIndex = Arrays.copyOf(markedIndex, length);
        markedBatch = Arrays.copyOf(markedBatch, length);
    }
}
