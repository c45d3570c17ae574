package io.liqvol.engine;

import io.liqvol.engine.journal.HistoryRange;
import io.liqvol.engine.journal.Journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The volume query behind {@link LiqvolEngine#volume}: a symbol's buckets on each selected venue from the in-memory
 * store, those older than the venue's window summed from the journal's roll-ups of that venue (zeros without a
 * journal), and the venues added exactly. Any thread; reads only.
 */
final class VolumeQuery
{
    private final SymbolTable symbols;
    private final BucketStore buckets;
    private final Journal journal;

    /** {@code journal} is null when the engine runs without a data directory. */
    VolumeQuery(final SymbolTable symbols, final BucketStore buckets, final Journal journal)
    {
        this.symbols = symbols;
        this.buckets = buckets;
        this.journal = journal;
    }

    /** The buckets of {@code [startMs, endMs)} summed over the venues of {@code venueMask} ({@link Venues}). */
    List<BucketSnapshot> volume(
        final String symbol, final int venueMask, final Timeframe timeframe, final long startMs, final long endMs)
    {
        if (endMs <= startMs)
        {
            throw new IllegalArgumentException("end must be after start: " + startMs + " >= " + endMs);
        }
        final long first = timeframe.bucketIndex(startMs);
        final long last = timeframe.bucketIndex(endMs - 1);
        if (last - first + 1 > LiqvolEngine.MAX_QUERY_BUCKETS)
        {
            throw new IllegalArgumentException("range spans more than " + LiqvolEngine.MAX_QUERY_BUCKETS + " buckets");
        }
        final int symbolId = symbols.idOf(symbol);
        List<BucketSnapshot> sum = null;
        for (int venue = 0; symbolId >= 0 && venue < Series.PER_SYMBOL; venue++)
        {
            final int seriesId = Series.of(symbolId, venue);
            if (Venues.selects(venueMask, venue) && buckets.holds(seriesId))
            {
                final List<BucketSnapshot> one = seriesVolume(symbol, seriesId, timeframe, first, last);
                sum = sum == null ? one : add(sum, one);
            }
        }
        return sum == null ? zeros(symbol, timeframe, first, last) : sum;
    }

    private List<BucketSnapshot> seriesVolume(
        final String symbol, final int seriesId, final Timeframe timeframe, final long first, final long last)
    {
        final BucketValues values = values(symbol, timeframe);
        final List<BucketSnapshot> result = new ArrayList<>((int)(last - first + 1));
        long firstEvicted = -1;
        long lastEvicted = -1;
        for (long index = first; index <= last; index++)
        {
            final int found = buckets.read(seriesId, timeframe.ordinal(), index, values);
            if (found == BucketStore.EVICTED && journal != null)
            {
                firstEvicted = firstEvicted < 0 ? index : firstEvicted;
                lastEvicted = index;
                result.add(null);
                continue;
            }
            values.bucketIndex = index;
            result.add(values.toSnapshot());
        }
        if (firstEvicted >= 0)
        {
            final HistoryRange history = journal.history()
                .volume(symbol, Series.venue(seriesId), timeframe, firstEvicted, lastEvicted);
            for (long index = firstEvicted; index <= lastEvicted; index++)
            {
                final int at = (int)(index - first);
                if (result.get(at) == null)
                {
                    values.clear();
                    history.copyTo(index, values);
                    values.bucketIndex = index;
                    result.set(at, values.toSnapshot());
                }
            }
        }
        return result;
    }

    private static List<BucketSnapshot> zeros(
        final String symbol, final Timeframe timeframe, final long first, final long last)
    {
        final BucketValues values = values(symbol, timeframe);
        final List<BucketSnapshot> result = new ArrayList<>((int)(last - first + 1));
        for (long index = first; index <= last; index++)
        {
            values.clear();
            values.bucketIndex = index;
            result.add(values.toSnapshot());
        }
        return result;
    }

    private static BucketValues values(final String symbol, final Timeframe timeframe)
    {
        final BucketValues values = new BucketValues();
        values.symbol = symbol;
        values.timeframe = timeframe;
        return values;
    }

    /** Bucket by bucket, the exact sums of two venues' buckets of the same range, as plain as a store's. */
    private static List<BucketSnapshot> add(final List<BucketSnapshot> sum, final List<BucketSnapshot> one)
    {
        final List<BucketSnapshot> result = new ArrayList<>(sum.size());
        for (int i = 0; i < sum.size(); i++)
        {
            final BucketSnapshot a = sum.get(i);
            final BucketSnapshot b = one.get(i);
            result.add(new BucketSnapshot(a.symbol(), a.timeframe(), a.startTimeMs(),
                Int128.plain(a.buyNotional().add(b.buyNotional())),
                Int128.plain(a.sellNotional().add(b.sellNotional())),
                Int128.plain(a.buyQuantity().add(b.buyQuantity())),
                Int128.plain(a.sellQuantity().add(b.sellQuantity())),
                a.buyCount() + b.buyCount(), a.sellCount() + b.sellCount()));
        }
        return result;
    }
}
