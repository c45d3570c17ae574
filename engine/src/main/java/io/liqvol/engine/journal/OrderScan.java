package io.liqvol.engine.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One scan of the journal's liquidations in record order, oldest or newest first, from a position, within a budget of
 * records read. Segments whose roll-up says nothing in them was traded in the filter's range are skipped unread. Cold
 * path: a query thread; reads only committed records.
 */
final class OrderScan
{
    private final OrderFilter filter;
    private final OrderVisitor visitor;
    private final byte[] symbol;
    private final CRC32C crc = new CRC32C();
    /** Format 2 segments hand out one array per symbol number, so its name is made a string once. */
    private final Map<byte[], String> names = new IdentityHashMap<>();

    OrderScan(final OrderFilter filter, final OrderVisitor visitor)
    {
        this.filter = filter;
        this.visitor = visitor;
        this.symbol = filter.symbol() == null ? null : filter.symbol().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Hands at most {@code maxOrders} matches to the visitor, reading at most {@code maxRecords} records, starting at
     * {@code from} (null: the newest or the oldest record). Throws {@link IllegalArgumentException} for a position the
     * journal never had: a segment newer than its newest, a record beyond a segment's capacity.
     */
    OrderScanResult run(final JournalSegment[] segments, final Map<Long, Rollup> rollups, final boolean newestFirst,
        final JournalPosition from, final int maxOrders, final long maxRecords)
    {
        if (segments.length == 0)
        {
            return new OrderScanResult(null, from != null);
        }
        int at = newestFirst ? segments.length - 1 : 0;
        int record = newestFirst ? segments[at].committedRecords() - 1 : 0;
        boolean skippedRemoved = false;
        if (from != null)
        {
            final int found = find(segments, from.segment());
            if (found >= 0)
            {
                at = found;
                if (from.record() < 0 || from.record() > segments[at].capacity())
                {
                    throw new IllegalArgumentException("no record " + from.record() + " in segment " + from.segment());
                }
                record = newestFirst ? Math.min(from.record(), segments[at].committedRecords() - 1) : from.record();
            }
            else if (from.segment() > segments[segments.length - 1].number())
            {
                throw new IllegalArgumentException("no segment " + from.segment() + " yet");
            }
            else
            {
                skippedRemoved = true;
                final int insertion = -found - 1;
                at = newestFirst ? insertion - 1 : insertion;
                record = newestFirst && at >= 0 ? segments[at].committedRecords() - 1 : 0;
            }
        }
        int orders = 0;
        long read = 0;
        while (at >= 0 && at < segments.length)
        {
            final JournalSegment segment = segments[at];
            final int committed = segment.committedRecords();
            final Rollup rollup = rollups.get(segment.number());
            if (rollup != null && rollup.overlaps(filter.startMs(), filter.endMs()))
            {
                final ByteBuffer view = segment.checksumView();
                final int step = newestFirst ? -1 : 1;
                for (int n = record; n >= 0 && n < committed; n += step)
                {
                    if (read == maxRecords)
                    {
                        return new OrderScanResult(new JournalPosition(segment.number(), n), skippedRemoved);
                    }
                    read++;
                    if (matches(segment, n, view))
                    {
                        if (orders == maxOrders)
                        {
                            return new OrderScanResult(new JournalPosition(segment.number(), n), skippedRemoved);
                        }
                        orders++;
                        visitor.accept(segment.venue(n), name(segment, n), segment.side(n), segment.tradeTimeMs(n),
                            segment.quantityE8(n), segment.priceE8(n));
                    }
                }
            }
            at += newestFirst ? -1 : 1;
            record = newestFirst && at >= 0 ? segments[at].committedRecords() - 1 : 0;
        }
        return new OrderScanResult(null, skippedRemoved);
    }

    private boolean matches(final JournalSegment segment, final int n, final ByteBuffer view)
    {
        if (segment.type(n) != JournalDescriptor.TYPE_LIQUIDATION)
        {
            return false;
        }
        final long tradeTimeMs = segment.tradeTimeMs(n);
        return tradeTimeMs >= filter.startMs() && tradeTimeMs < filter.endMs()
            && (filter.side() == OrderFilter.ANY_SIDE || segment.side(n) == filter.side())
            && filter.selects(segment.venue(n))
            && (symbol == null || segment.isSymbol(n, symbol))
            && filter.reaches(segment.quantityE8(n), segment.priceE8(n))
            && segment.isValid(n, crc, view);
    }

    private String name(final JournalSegment segment, final int n)
    {
        if (filter.symbol() != null)
        {
            return filter.symbol();
        }
        final byte[] bytes = segment.symbolBytes(n);
        return segment.isWritable()
            ? names.computeIfAbsent(bytes, key -> new String(key, StandardCharsets.US_ASCII))
            : new String(bytes, StandardCharsets.US_ASCII);
    }

    /** The index of the segment numbered {@code number}, else {@code -(insertion point) - 1}. */
    private static int find(final JournalSegment[] segments, final long number)
    {
        int low = 0;
        int high = segments.length - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long found = segments[middle].number();
            if (found < number)
            {
                low = middle + 1;
            }
            else if (found > number)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }
        return -(low + 1);
    }
}
