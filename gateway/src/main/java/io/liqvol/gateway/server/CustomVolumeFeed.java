package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * The live volume of one symbol in one custom timeframe (docs/API.md §2.2): its clients, and on the publisher thread
 * the base buckets of the custom bucket last changed, so that a changed base bucket gives the custom bucket holding
 * it as the exact sum of its base buckets, those not changed since read once from the history.
 */
final class CustomVolumeFeed
{
    /** Coalescing group of custom updates: a client follows one timeframe, so one group beyond the standard ones. */
    static final int COALESCE_GROUP = Timeframe.count();

    final CustomTimeframe timeframe;
    volatile Recipients recipients = Recipients.NONE;
    /** Publisher thread only. */
    private long bucketIndex = Long.MIN_VALUE;
    private List<BucketSnapshot> parts;

    CustomVolumeFeed(final CustomTimeframe timeframe)
    {
        this.timeframe = timeframe;
    }

    /** The coalescing group of a client's volume updates. */
    static int coalesceGroup(final Interval timeframe)
    {
        return timeframe instanceof Timeframe standard ? standard.ordinal() : COALESCE_GROUP;
    }

    /** The custom bucket holding the changed base bucket, with its published totals; publisher thread only. */
    BucketSnapshot changed(final BucketView base, final LiquidationHistory history)
    {
        final long index = timeframe.bucketIndex(base.startTimeMs());
        final long startMs = timeframe.bucketStartMs(index);
        if (index != bucketIndex)
        {
            parts = new ArrayList<>(
                history.volume(base.symbol(), timeframe.base(), startMs, timeframe.bucketStartMs(index + 1)));
            bucketIndex = index;
        }
        final int offset = (int)(timeframe.base().bucketIndex(base.startTimeMs())
            - timeframe.base().bucketIndex(startMs));
        parts.set(offset, base.toSnapshot());
        return timeframe.sum(parts, 0, parts.size(), startMs);
    }
}
