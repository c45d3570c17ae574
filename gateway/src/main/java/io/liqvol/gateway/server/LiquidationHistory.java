package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What the server asks the engine; thread-safe, may read the journal (so never on an event loop). */
public interface LiquidationHistory
{
    boolean isKnownSymbol(String symbol);

    /** Every symbol the engine has recorded. */
    List<String> symbols();

    /** The liquidations of the last day, for the largest ones and size classes (docs/API.md §4.10, §4.11). */
    LiquidationTape tape();

    /**
     * Zero-filled buckets in ascending time from {@code timeframe.alignDownMs(startMs)} while start < endMs, summed
     * exactly over the selected venues.
     */
    List<BucketSnapshot> volume(
        String symbol, VenueSelection venues, Timeframe timeframe, long startMs, long endMs);

    /** As above over every venue. */
    default List<BucketSnapshot> volume(
        final String symbol, final Timeframe timeframe, final long startMs, final long endMs)
    {
        return volume(symbol, VenueSelection.ALL, timeframe, startMs, endMs);
    }

    /** As above in any timeframe: a custom one's buckets are the exact sums of its base buckets. */
    default List<BucketSnapshot> volume(
        final String symbol, final Interval timeframe, final long startMs, final long endMs)
    {
        return volume(symbol, VenueSelection.ALL, timeframe, startMs, endMs);
    }

    /** As above over the selected venues. */
    default List<BucketSnapshot> volume(
        final String symbol, final VenueSelection venues, final Interval timeframe, final long startMs,
        final long endMs)
    {
        return timeframe instanceof CustomTimeframe custom
            ? custom.volume(symbol, startMs, endMs, (name, base, fromMs, toMs) -> volume(name, venues, base, fromMs,
                toMs))
            : volume(symbol, venues, timeframe.base(), startMs, endMs);
    }

    /** As {@link #marketVolume(VenueSelection, Interval, long, long)} over every venue. */
    default List<BucketSnapshot> marketVolume(final Interval timeframe, final long startMs, final long endMs)
    {
        return marketVolume(VenueSelection.ALL, timeframe, startMs, endMs);
    }

    /**
     * The market's buckets: per bucket of {@link #volume(String, VenueSelection, Interval, long, long)} the exact
     * sums over every symbol recorded (zeros where none liquidated), in ascending time.
     */
    default List<BucketSnapshot> marketVolume(
        final VenueSelection venues, final Interval timeframe, final long startMs, final long endMs)
    {
        List<BucketSnapshot> sums = null;
        for (final String symbol : symbols())
        {
            final List<BucketSnapshot> buckets = volume(symbol, venues, timeframe, startMs, endMs);
            if (sums == null)
            {
                sums = new ArrayList<>(buckets.size());
                for (final BucketSnapshot bucket : buckets)
                {
                    sums.add(new BucketSnapshot(null, bucket.timeframe(), bucket.startTimeMs(), BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0));
                }
            }
            for (int i = 0; i < buckets.size(); i++)
            {
                sums.set(i, VenueBuckets.plus(sums.get(i), buckets.get(i)));
            }
        }
        return sums != null ? sums : emptyBuckets(timeframe, startMs, endMs);
    }

    /** Zero buckets of the range, for a market without symbols. */
    private static List<BucketSnapshot> emptyBuckets(final Interval timeframe, final long startMs, final long endMs)
    {
        final List<BucketSnapshot> empty = new ArrayList<>();
        for (long index = timeframe.bucketIndex(startMs); timeframe.bucketStartMs(index) < endMs; index++)
        {
            empty.add(new BucketSnapshot(null, timeframe.base(), timeframe.bucketStartMs(index), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0));
        }
        return empty;
    }

    /** Newest first. */
    List<LiquidationSnapshot> recentLiquidations(String symbol, int limit);

    /** Newest first, of the selected venues only: at most {@code limit} of those the engine keeps in memory. */
    default List<LiquidationSnapshot> recentLiquidations(
        final String symbol, final int limit, final VenueSelection venues)
    {
        if (venues.isAll())
        {
            return recentLiquidations(symbol, limit);
        }
        return recentLiquidations(symbol, Integer.MAX_VALUE).stream()
            .filter(liquidation -> venues.includes(liquidation.venue()))
            .limit(limit)
            .toList();
    }

    /**
     * Journaled liquidations matching the filter in record order from {@code from} (null: the newest or oldest), at
     * most {@code maxOrders} to the visitor, reading at most {@code maxRecords} records; none without a journal.
     * Throws {@link IllegalArgumentException} for a position the journal never had. A history without a journal
     * (this default) has none.
     */
    default OrderScanResult orders(final OrderFilter filter, final boolean newestFirst, final JournalPosition from,
        final int maxOrders, final long maxRecords, final OrderVisitor visitor)
    {
        return new OrderScanResult(null, false);
    }

    /** Whether the history has a journal; without one only the newest liquidations in memory are known. */
    default boolean isJournaled()
    {
        return false;
    }

    /** What was recorded live: when recording began and every recorded gap. Cheap: any thread, also the publisher. */
    Coverage coverage();

    /** What was recorded live from every one of the selected venues (docs/API.md §9). */
    default Coverage coverage(final VenueSelection venues)
    {
        return coverage();
    }
}
