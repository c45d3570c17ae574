package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Venue;

import java.util.ArrayList;
import java.util.List;

/**
 * Each selected venue's part of a run of buckets ({@code by_exchange=true}, docs/API.md §9): per venue ordinal the
 * same buckets as the sum's, row for row, or null for a venue not selected.
 */
final class VenueBuckets
{
    private final List<List<BucketSnapshot>> byVenue;

    VenueBuckets(final List<List<BucketSnapshot>> byVenue)
    {
        this.byVenue = byVenue;
    }

    /** One symbol's buckets per selected venue, or the market's for a null symbol. */
    static VenueBuckets query(final LiquidationHistory history, final String symbol, final VenueSelection venues,
        final Interval timeframe, final long startMs, final long endMs)
    {
        final List<List<BucketSnapshot>> byVenue = new ArrayList<>(Venue.count());
        for (final Venue venue : Venue.values())
        {
            final VenueSelection one = VenueSelection.of(venue);
            byVenue.add(!venues.includes(venue) ? null : symbol == null
                ? history.marketVolume(one, timeframe, startMs, endMs)
                : history.volume(symbol, one, timeframe, startMs, endMs));
        }
        return new VenueBuckets(byVenue);
    }

    /** The bucket of row {@code row} on the venue of ordinal {@code venue}, or null when it is not selected. */
    BucketSnapshot bucket(final int venue, final int row)
    {
        final List<BucketSnapshot> buckets = byVenue.get(venue);
        return buckets == null ? null : buckets.get(row);
    }

    /** The exact sum of two buckets, named as the first. */
    static BucketSnapshot plus(final BucketSnapshot sum, final BucketSnapshot bucket)
    {
        return new BucketSnapshot(sum.symbol(), sum.timeframe(), sum.startTimeMs(),
            sum.buyNotional().add(bucket.buyNotional()), sum.sellNotional().add(bucket.sellNotional()),
            sum.buyQuantity().add(bucket.buyQuantity()), sum.sellQuantity().add(bucket.sellQuantity()),
            sum.buyCount() + bucket.buyCount(), sum.sellCount() + bucket.sellCount());
    }
}
