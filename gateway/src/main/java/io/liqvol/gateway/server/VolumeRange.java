package io.liqvol.gateway.server;

import io.liqvol.engine.Interval;

/** A requested volume range in epoch milliseconds, start inclusive, end exclusive. */
public record VolumeRange(long startMs, long endMs)
{
    /** How many buckets of the timeframe the range touches. */
    public long buckets(final Interval timeframe)
    {
        return timeframe.bucketIndex(endMs - 1) - timeframe.bucketIndex(startMs) + 1;
    }

    /** How many buckets of the timeframe's base an answer reads: what the query costs (docs/API.md §2.2). */
    public long baseBuckets(final Interval timeframe)
    {
        return buckets(timeframe) * timeframe.baseBuckets();
    }
}
