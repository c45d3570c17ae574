package io.liqvol.engine.journal;

import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import org.agrona.collections.Long2LongHashMap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The roll-up of a segment that is still written or not yet rolled up to a file: built in memory from the segment's
 * committed records, catching up with the writer on every use. Bounded by the segment's size.
 */
final class LiveRollup implements Rollup
{
    private final JournalSegment segment;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer view;
    private final byte[] symbolBytes = new byte[JournalDescriptor.SYMBOL_CAPACITY];
    /** Per venue ordinal, each symbol's buckets there. */
    private final List<Map<String, SymbolBuckets>> byVenue = new ArrayList<>();
    private int seriesCount;
    /** The same buckets found by the record's venue and bytes, so that folding a record makes no String. */
    private SymbolBuckets[] byChars = new SymbolBuckets[64];
    private int covered;
    private long minTradeTimeMs = Long.MAX_VALUE;
    private long maxTradeTimeMs = Long.MIN_VALUE;
    private final boolean writtenHere;

    /**
     * {@code writtenHere}: the segment was created by this process, so every committed record is whole and the
     * checksums need no checking; a segment found on disk is checked record by record.
     */
    LiveRollup(final JournalSegment segment, final boolean writtenHere)
    {
        this.segment = segment;
        this.view = segment.checksumView();
        this.writtenHere = writtenHere;
        for (int venue = 0; venue < Venue.count(); venue++)
        {
            byVenue.add(new HashMap<>());
        }
    }

    @Override
    public synchronized void sum(
        final String symbol,
        final int venue,
        final int base,
        final long fromIndex,
        final long toIndex,
        final HistoryRange into)
    {
        catchUp();
        final SymbolBuckets buckets = venue < byVenue.size() ? byVenue.get(venue).get(symbol) : null;
        if (buckets != null && overlapsCovered(into.startMs(), into.endMs()))
        {
            buckets.sum(base, fromIndex, toIndex, into);
        }
    }

    @Override
    public synchronized boolean overlaps(final long startMs, final long endMs)
    {
        catchUp();
        return overlapsCovered(startMs, endMs);
    }

    @Override
    public synchronized long maxTradeTimeMs()
    {
        catchUp();
        return maxTradeTimeMs;
    }

    /** Writes the roll-up of every committed record of the segment (call once the segment is sealed). */
    synchronized void writeTo(final RollupFileWriter writer)
    {
        catchUp();
        writer.begin(segment.number(), covered, minTradeTimeMs, maxTradeTimeMs);
        for (final Map<String, SymbolBuckets> bySymbol : byVenue)
        {
            for (final SymbolBuckets buckets : bySymbol.values())
            {
                for (int base = 0; base < RollupDescriptor.BASES.length; base++)
                {
                    buckets.writeTo(base, writer);
                }
            }
        }
    }

    private boolean overlapsCovered(final long startMs, final long endMs)
    {
        return maxTradeTimeMs >= startMs && minTradeTimeMs < endMs;
    }

    private void catchUp()
    {
        final int committed = segment.committedRecords();
        for (int n = covered; n < committed; n++)
        {
            if (segment.type(n) == JournalDescriptor.TYPE_LIQUIDATION && (writtenHere || segment.isValid(n, crc, view)))
            {
                fold(n);
            }
        }
        covered = Math.max(covered, committed);
    }

    private void fold(final int n)
    {
        final long tradeTimeMs = segment.tradeTimeMs(n);
        minTradeTimeMs = Math.min(minTradeTimeMs, tradeTimeMs);
        maxTradeTimeMs = Math.max(maxTradeTimeMs, tradeTimeMs);
        final SymbolBuckets buckets = bucketsOf(segment.venue(n), symbolBytes, segment.symbol(n, symbolBytes));
        final int side = segment.side(n);
        final long quantityE8 = segment.quantityE8(n);
        final long priceE8 = segment.priceE8(n);
        for (int base = 0; base < RollupDescriptor.BASES.length; base++)
        {
            buckets.add(base, RollupDescriptor.BASES[base].bucketIndex(tradeTimeMs), side, quantityE8, priceE8);
        }
    }

    private SymbolBuckets bucketsOf(final int venue, final byte[] chars, final int length)
    {
        int hash = venue;
        for (int i = 0; i < length; i++)
        {
            hash = 31 * hash + chars[i];
        }
        final int mask = byChars.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            final SymbolBuckets buckets = byChars[slot];
            if (buckets == null)
            {
                final SymbolBuckets added =
                    new SymbolBuckets(venue, new String(chars, 0, length, StandardCharsets.US_ASCII));
                byVenue.get(venue).put(added.symbol, added);
                byChars[slot] = added;
                if (++seriesCount * 2 > byChars.length)
                {
                    rehash();
                }
                return added;
            }
            if (buckets.isNamed(venue, chars, length))
            {
                return buckets;
            }
        }
    }

    private void rehash()
    {
        byChars = new SymbolBuckets[byChars.length * 2];
        final int mask = byChars.length - 1;
        for (final Map<String, SymbolBuckets> bySymbol : byVenue)
        {
            for (final SymbolBuckets buckets : bySymbol.values())
            {
                int slot = buckets.hash() & mask;
                while (byChars[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                byChars[slot] = buckets;
            }
        }
    }

    /** A symbol's buckets on one venue per base: rows of totals found by bucket index. */
    private static final class SymbolBuckets
    {
        private final int venue;
        private final String symbol;
        private final Long2LongHashMap[] rowByIndex = new Long2LongHashMap[RollupDescriptor.BASES.length];
        private final long[][] indexOfRow = new long[RollupDescriptor.BASES.length][];
        private final long[][] values = new long[RollupDescriptor.BASES.length][];
        private final int[] rows = new int[RollupDescriptor.BASES.length];
        /** Per base, the bucket index and row of the last add: liquidations come in time order, mostly. */
        private final long[] lastIndex = new long[RollupDescriptor.BASES.length];
        private final int[] lastRow = new int[RollupDescriptor.BASES.length];

        SymbolBuckets(final int venue, final String symbol)
        {
            this.venue = venue;
            this.symbol = symbol;
            for (int base = 0; base < rowByIndex.length; base++)
            {
                rowByIndex[base] = new Long2LongHashMap(-1);
                indexOfRow[base] = new long[8];
                values[base] = new long[8 * RollupValues.LENGTH];
                lastRow[base] = -1;
            }
        }

        /** The hash {@link #bucketsOf} finds these buckets by. */
        int hash()
        {
            int hash = venue;
            for (int i = 0; i < symbol.length(); i++)
            {
                hash = 31 * hash + symbol.charAt(i);
            }
            return hash;
        }

        boolean isNamed(final int venue, final byte[] chars, final int length)
        {
            if (this.venue != venue || symbol.length() != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (symbol.charAt(i) != chars[i])
                {
                    return false;
                }
            }
            return true;
        }

        void add(final int base, final long bucketIndex, final int side, final long quantityE8, final long priceE8)
        {
            int row = lastRow[base] >= 0 && lastIndex[base] == bucketIndex
                ? lastRow[base]
                : (int)rowByIndex[base].get(bucketIndex);
            if (row < 0)
            {
                row = rows[base]++;
                if (row == indexOfRow[base].length)
                {
                    indexOfRow[base] = Arrays.copyOf(indexOfRow[base], row * 2);
                    values[base] = Arrays.copyOf(values[base], row * 2 * RollupValues.LENGTH);
                }
                indexOfRow[base][row] = bucketIndex;
                rowByIndex[base].put(bucketIndex, row);
            }
            lastIndex[base] = bucketIndex;
            lastRow[base] = row;
            RollupValues.addLiquidation(values[base], row * RollupValues.LENGTH, side, quantityE8, priceE8);
        }

        void sum(final int base, final long fromIndex, final long toIndex, final HistoryRange into)
        {
            final Timeframe timeframe = RollupDescriptor.BASES[base];
            if (toIndex - fromIndex + 1 < rows[base])
            {
                for (long index = fromIndex; index <= toIndex; index++)
                {
                    final int row = (int)rowByIndex[base].get(index);
                    if (row >= 0)
                    {
                        into.add(timeframe.bucketStartMs(index), values[base], row * RollupValues.LENGTH);
                    }
                }
                return;
            }
            for (int row = 0; row < rows[base]; row++)
            {
                final long index = indexOfRow[base][row];
                if (index >= fromIndex && index <= toIndex)
                {
                    into.add(timeframe.bucketStartMs(index), values[base], row * RollupValues.LENGTH);
                }
            }
        }

        void writeTo(final int base, final RollupFileWriter writer)
        {
            final int count = rows[base];
            if (count == 0)
            {
                return;
            }
            final long[] sorted = new long[count];
            for (int row = 0; row < count; row++)
            {
                sorted[row] = indexOfRow[base][row];
            }
            Arrays.sort(sorted);
            writer.beginItem(symbol, venue, base, count);
            for (final long index : sorted)
            {
                writer.entry(index, values[base], (int)rowByIndex[base].get(index) * RollupValues.LENGTH);
            }
        }
    }
}
