package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;

/** A requested volume range in epoch milliseconds, start inclusive, end exclusive. */
public record VolumeRange(long startMs, long endMs)
{
    /** How many buckets of the timeframe the range touches. */
    public long buckets(final Timeframe timeframe)
    {
        return timeframe.bucketIndex(endMs - 1) - timeframe.bucketIndex(startMs) + 1;
    }
}
