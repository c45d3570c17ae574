package io.liqvol.engine;

import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;

/**
 * Walks a symbol's whole history a page at a time, as a client of {@code GET /api/v1/liquidations/{symbol}} pages
 * with {@code next_cursor}: pages of {@code limit} orders through {@link LiqvolEngine#orders} with the cursor each
 * page returns, reading at most 65,536 records a call as the server does. Beside it, in the same run, the baseline:
 * one raw scan of the same records ({@code JournalHistory.forEachLiquidation}). Checks that the walk returned as
 * many orders as the scan, none out of order. Arguments: orders of the walked symbol (default 1,000,000), page size
 * (default 1000), measured walks after one warm-up (default 3).
 */
public final class HistoryPageWalkHarness
{
    private static final long PIECE_RECORDS = 65_536;
    /** The bench journal gives its busy symbol 3 in 10 records. */
    private static final double BUSY_SHARE = 0.3;

    private HistoryPageWalkHarness()
    {
    }

    public static void main(final String[] args)
    {
        final long orders = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        final int limit = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        final int walks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        final long records = Math.round(orders / BUSY_SHARE);
        final long generateNs = System.nanoTime();
        final Path dir = BenchJournal.generate(records);
        System.out.printf("journal: %,d records, %,d of %s, generated in %.1f s%n", records, orders,
            BenchJournal.BUSY_SYMBOL, (System.nanoTime() - generateNs) / 1e9);
        try (LiqvolEngine engine = LiqvolEngine.launch(BenchJournal.context(dir)))
        {
            for (int walk = 0; walk <= walks; walk++)
            {
                final String label = walk == 0 ? "warm-up" : "walk " + walk;
                final long scanned = baseline(engine, label, limit);
                pageWalk(engine, label, limit, scanned, true);
                pageWalk(engine, label, limit, scanned, false);
            }
        }
        finally
        {
            BenchJournal.delete(dir);
        }
    }

    private static void pageWalk(final LiqvolEngine engine, final String label, final int limit, final long expected,
        final boolean newestFirst)
    {
        final OrderFilter filter =
            new OrderFilter(BenchJournal.BUSY_SYMBOL, 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0);
        final Histogram pageNs = new Histogram(3);
        final long[] seen = {0, newestFirst ? Long.MAX_VALUE : Long.MIN_VALUE, 0};
        JournalPosition cursor = null;
        long pages = 0;
        final long startNs = System.nanoTime();
        do
        {
            final long pageStartNs = System.nanoTime();
            final long before = seen[0];
            do
            {
                final OrderScanResult result = engine.orders(filter, newestFirst, cursor,
                    (int)(limit - (seen[0] - before)), PIECE_RECORDS,
                    (venue, symbol, side, tradeTimeMs, quantity, price) ->
                    {
                        seen[0]++;
                        if (newestFirst ? tradeTimeMs >= seen[1] : tradeTimeMs <= seen[1])
                        {
                            seen[2]++;
                        }
                        seen[1] = tradeTimeMs;
                    });
                cursor = result.next();
            }
            while (cursor != null && seen[0] - before < limit);
            pageNs.recordValue(System.nanoTime() - pageStartNs);
            pages++;
        }
        while (cursor != null);
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        if (seen[0] != expected || seen[2] != 0)
        {
            throw new IllegalStateException("the walk returned " + seen[0] + " orders of " + expected + ", "
                + seen[2] + " out of order");
        }
        System.out.printf("%-8s page walk %-11s %,d orders in %,d pages of %d: %.2f s, %,.0f pages/s, "
                + "per page p50 %.3f ms p99 %.3f ms max %.3f ms%n", label,
            newestFirst ? "newest-first" : "oldest-first", seen[0], pages, limit, seconds, pages / seconds,
            pageNs.getValueAtPercentile(50) / 1e6, pageNs.getValueAtPercentile(99) / 1e6, pageNs.getMaxValue() / 1e6);
    }

    /** The raw scan; returns how many orders of the symbol the journal holds. */
    private static long baseline(final LiqvolEngine engine, final String label, final int limit)
    {
        final long[] seen = {0};
        final long startNs = System.nanoTime();
        engine.journal().history().forEachLiquidation(BenchJournal.BUSY_SYMBOL, 0, Long.MAX_VALUE,
            (side, tradeTimeMs, quantityE8, priceE8) -> seen[0]++);
        final long elapsedNs = System.nanoTime() - startNs;
        System.out.printf("%-8s baseline raw scan:       %,d orders in %.2f s, %.3f ms per %d orders%n", label,
            seen[0], elapsedNs / 1e9, elapsedNs / 1e6 / seen[0] * limit, limit);
        return seen[0];
    }
}
