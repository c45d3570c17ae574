package io.liqvol.gateway.server;

import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.Side;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Liquidations of one symbol as primitive rows, in arrival order (oldest first); reused across batches so
 * that copying the engine's flyweights does not allocate after warm-up.
 */
final class OrderRows
{
    private Side[] sides = new Side[16];
    private long[] quantitiesE8 = new long[16];
    private long[] pricesE8 = new long[16];
    private long[] timesMs = new long[16];
    private long oldestReceiveTimeNs;
    private int size;

    void clear()
    {
        size = 0;
    }

    int size()
    {
        return size;
    }

    void add(final LiquidationView liquidation)
    {
        if (size == 0)
        {
            oldestReceiveTimeNs = liquidation.receiveTimeNs();
        }
        add(liquidation.side(), liquidation.quantityE8(), liquidation.priceE8(), liquidation.tradeTimeMs());
    }

    /** Adds snapshots given newest first (as the engine returns them), keeping arrival order. */
    void addNewestFirst(final List<LiquidationSnapshot> newestFirst)
    {
        for (int i = newestFirst.size() - 1; i >= 0; i--)
        {
            final LiquidationSnapshot liquidation = newestFirst.get(i);
            add(liquidation.side(), toE8(liquidation.quantity()), toE8(liquidation.price()), liquidation.tradeTimeMs());
        }
    }

    void add(final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        if (size == sides.length)
        {
            final int capacity = size * 2;
            sides = Arrays.copyOf(sides, capacity);
            quantitiesE8 = Arrays.copyOf(quantitiesE8, capacity);
            pricesE8 = Arrays.copyOf(pricesE8, capacity);
            timesMs = Arrays.copyOf(timesMs, capacity);
        }
        sides[size] = side;
        quantitiesE8[size] = quantityE8;
        pricesE8[size] = priceE8;
        timesMs[size] = timeMs;
        size++;
    }

    Side side(final int index)
    {
        return sides[index];
    }

    long quantityE8(final int index)
    {
        return quantitiesE8[index];
    }

    long priceE8(final int index)
    {
        return pricesE8[index];
    }

    long timeMs(final int index)
    {
        return timesMs[index];
    }

    /** {@link System#nanoTime()} at which the oldest row of a live batch was received upstream. */
    long oldestReceiveTimeNs()
    {
        return oldestReceiveTimeNs;
    }

    private static long toE8(final BigDecimal value)
    {
        return value.movePointRight(FixedPointText.E8_SCALE).longValueExact();
    }
}
