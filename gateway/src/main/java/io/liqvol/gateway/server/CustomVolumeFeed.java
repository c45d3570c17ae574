package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live volume of one symbol in one custom timeframe (docs/API.md §2.2) for one volume selection: its clients, and
 * on the publisher thread the base buckets of the custom bucket last changed, so that a changed base bucket gives the
 * custom bucket holding it as the exact sum of its base buckets, those not changed since read once from the history.
 * Without {@code by_exchange} the base buckets are the selection's sums; with it each selected venue's, summed here.
 */
final class CustomVolumeFeed
{
    /** Coalescing group of custom updates: a client follows one timeframe, so one group beyond the standard ones. */
    static final int COALESCE_GROUP = Timeframe.count();

    /** Which feed a client follows. */
    record Key(CustomTimeframe timeframe, VolumeSelection volume)
    {
    }

    final CustomTimeframe timeframe;
    final VolumeSelection volume;
    volatile Recipients recipients = Recipients.NONE;
    /** Publisher thread only: per part (the selection, or each selected venue), the base buckets; null if unused. */
    private long bucketIndex = Long.MIN_VALUE;
    private final List<List<BucketSnapshot>> parts = new ArrayList<>(Collections.nCopies(Venue.count(), null));

    CustomVolumeFeed(final Key key)
    {
        this.timeframe = key.timeframe();
        this.volume = key.volume();
    }

    /** The coalescing group of a client's volume updates. */
    static int coalesceGroup(final Interval timeframe)
    {
        return timeframe instanceof Timeframe standard ? standard.ordinal() : COALESCE_GROUP;
    }

    /**
     * The custom bucket holding the changed base bucket, with its published totals, and with {@code by_exchange} each
     * selected venue's part of it (else null); publisher thread only.
     */
    VenueBuckets changed(final BucketView base, final LiquidationHistory history, final List<BucketSnapshot> into)
    {
        final long index = timeframe.bucketIndex(base.startTimeMs());
        final long startMs = timeframe.bucketStartMs(index);
        final long endMs = timeframe.bucketStartMs(index + 1);
        final int offset = (int)(timeframe.base().bucketIndex(base.startTimeMs())
            - timeframe.base().bucketIndex(startMs));
        final VenueSelection venues = volume.venues();
        final List<List<BucketSnapshot>> sums = new ArrayList<>(Venue.count());
        BucketSnapshot total = null;
        for (int part = 0; part < parts.size(); part++)
        {
            final VenueSelection selected = volume.byExchange()
                ? (venues.includesOrdinal(part) ? VenueSelection.of(Venue.fromOrdinal(part)) : null)
                : (part == 0 ? venues : null);
            if (selected == null)
            {
                sums.add(null);
                continue;
            }
            if (index != bucketIndex)
            {
                parts.set(part, new ArrayList<>(history.volume(base.symbol(), selected, timeframe.base(), startMs,
                    endMs)));
            }
            final List<BucketSnapshot> buckets = parts.get(part);
            buckets.set(offset, base.venues(selected.mask()).toSnapshot());
            final BucketSnapshot sum = timeframe.sum(buckets, 0, buckets.size(), startMs);
            sums.add(List.of(sum));
            total = total == null ? sum : VenueBuckets.plus(total, sum);
        }
        bucketIndex = index;
        into.clear();
        into.add(total);
        return volume.byExchange() ? new VenueBuckets(sums) : null;
    }
}
