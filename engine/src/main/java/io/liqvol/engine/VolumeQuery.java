package io.liqvol.engine;

import io.liqvol.engine.journal.HistoryRange;
import io.liqvol.engine.journal.Journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The volume query behind {@link LiqvolEngine#volume}: a symbol's buckets from the in-memory store, and those older
 * than its window summed from the journal's roll-ups (zeros without a journal). Any thread; reads only.
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

    List<BucketSnapshot> volume(final String symbol, final Timeframe timeframe, final long startMs, final long endMs)
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
        final BucketValues values = new BucketValues();
        values.symbol = symbol;
        values.symbolId = symbolId;
        values.timeframe = timeframe;
        final List<BucketSnapshot> result = new ArrayList<>((int)(last - first + 1));
        long firstEvicted = -1;
        long lastEvicted = -1;
        for (long index = first; index <= last; index++)
        {
            if (symbolId >= 0)
            {
                final int found = buckets.read(symbolId, timeframe.ordinal(), index, values);
                if (found == BucketStore.EVICTED && journal != null)
                {
                    firstEvicted = firstEvicted < 0 ? index : firstEvicted;
                    lastEvicted = index;
                    result.add(null);
                    continue;
                }
            }
            else
            {
                values.clear();
            }
            values.bucketIndex = index;
            result.add(values.toSnapshot());
        }
        if (firstEvicted >= 0)
        {
            final HistoryRange history = journal.history().volume(symbol, timeframe, firstEvicted, lastEvicted);
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
}
