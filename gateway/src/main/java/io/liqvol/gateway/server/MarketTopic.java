package io.liqvol.gateway.server;

import io.liqvol.engine.LiquidationView;

import java.util.Arrays;

/**
 * The clients of the all-symbols stream (docs/API.md §3.8), grouped by their {@code min_usdt} threshold and venue
 * mask ({@link VenueSelection#mask()}), and the
 * publisher's rows of the batch being published, per symbol. The groups are copied on change (rare, under this
 * lock) so that the publisher reads them without locks or allocation; the rows are the publisher thread's.
 */
final class MarketTopic
{
    private static final long E8 = 100_000_000L;

    /** The clients that asked for one threshold and one selection of venues. */
    record Filter(long minUsdtE8, int venues, Recipients clients)
    {
    }

    /** Whether {@code quantityE8 × priceE8} is at least {@code minUsdtE8}, exactly (a 128-bit product). */
    static boolean reaches(final long quantityE8, final long priceE8, final long minUsdtE8)
    {
        final long high = Math.multiplyHigh(quantityE8, priceE8);
        final long minHigh = Math.multiplyHigh(minUsdtE8, E8);
        if (high != minHigh)
        {
            return high > minHigh;
        }
        return Long.compareUnsigned(quantityE8 * priceE8, minUsdtE8 * E8) >= 0;
    }

    private static final Filter[] NONE = new Filter[0];

    private volatile Filter[] filters = NONE;
    /** Rows of the batch by engine symbol id, the ids touched in it and their names; publisher thread only. */
    private OrderRows[] rows = new OrderRows[0];
    private String[] names = new String[0];
    private int[] touched = new int[16];
    private int touchedCount;
    /** The rows of one symbol that pass one filter; publisher thread only. */
    final OrderRows selected = new OrderRows();

    Filter[] filters()
    {
        return filters;
    }

    synchronized void add(final long minUsdtE8, final int venues, final ClientOutbound client)
    {
        final Filter[] current = filters;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i].minUsdtE8() == minUsdtE8 && current[i].venues() == venues)
            {
                final Filter[] copy = current.clone();
                copy[i] = new Filter(minUsdtE8, venues, current[i].clients().with(client));
                filters = copy;
                return;
            }
        }
        final Filter[] more = Arrays.copyOf(current, current.length + 1);
        more[current.length] = new Filter(minUsdtE8, venues, Recipients.NONE.with(client));
        filters = more;
    }

    synchronized void remove(final long minUsdtE8, final int venues, final ClientOutbound client)
    {
        final Filter[] current = filters;
        for (int i = 0; i < current.length; i++)
        {
            if (current[i].minUsdtE8() == minUsdtE8 && current[i].venues() == venues)
            {
                final Recipients left = current[i].clients().without(client);
                if (left.isEmpty())
                {
                    final Filter[] fewer = new Filter[current.length - 1];
                    System.arraycopy(current, 0, fewer, 0, i);
                    System.arraycopy(current, i + 1, fewer, i, current.length - i - 1);
                    filters = fewer;
                }
                else
                {
                    final Filter[] copy = current.clone();
                    copy[i] = new Filter(minUsdtE8, venues, left);
                    filters = copy;
                }
                return;
            }
        }
    }

    /** Adds a liquidation to its symbol's rows of the batch; allocates only for a symbol not seen before. */
    void add(final LiquidationView liquidation)
    {
        final int id = liquidation.symbolId();
        if (id >= rows.length)
        {
            final int capacity = Math.max(id + 1, rows.length * 2);
            rows = Arrays.copyOf(rows, capacity);
            names = Arrays.copyOf(names, capacity);
        }
        if (rows[id] == null)
        {
            rows[id] = new OrderRows();
            names[id] = liquidation.symbol();
        }
        if (rows[id].size() == 0)
        {
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = id;
        }
        rows[id].add(liquidation);
    }

    int touchedCount()
    {
        return touchedCount;
    }

    /** The engine symbol id of the {@code index}th symbol touched in the batch. */
    int touched(final int index)
    {
        return touched[index];
    }

    OrderRows rows(final int symbolId)
    {
        return rows[symbolId];
    }

    String symbol(final int symbolId)
    {
        return names[symbolId];
    }

    /** Forgets the batch's rows. */
    void clearBatch()
    {
        for (int i = 0; i < touchedCount; i++)
        {
            rows[touched[i]].clear();
        }
        touchedCount = 0;
    }
}
