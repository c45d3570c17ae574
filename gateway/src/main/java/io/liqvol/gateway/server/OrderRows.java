package io.liqvol.gateway.server;

import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Liquidations of one symbol as primitive rows, in arrival order (oldest first); reused across batches so
 * that copying the engine's flyweights does not allocate after warm-up.
 */
final class OrderRows
{
    private Venue[] venues = new Venue[16];
    private Side[] sides = new Side[16];
    private long[] quantitiesE8 = new long[16];
    private long[] pricesE8 = new long[16];
    private long[] timesMs = new long[16];
    private long[] sequences = new long[16];
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
        add(liquidation.venue(), liquidation.side(), liquidation.quantityE8(), liquidation.priceE8(),
            liquidation.tradeTimeMs());
        sequences[size - 1] = liquidation.sequence();
    }

    /** Adds snapshots given newest first (as the engine returns them), keeping arrival order. */
    void addNewestFirst(final List<LiquidationSnapshot> newestFirst)
    {
        for (int i = newestFirst.size() - 1; i >= 0; i--)
        {
            final LiquidationSnapshot liquidation = newestFirst.get(i);
            add(liquidation.venue(), liquidation.side(), toE8(liquidation.quantity()), toE8(liquidation.price()),
                liquidation.tradeTimeMs());
        }
    }

    void add(final Venue venue, final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        if (size == sides.length)
        {
            final int capacity = size * 2;
            venues = Arrays.copyOf(venues, capacity);
            sides = Arrays.copyOf(sides, capacity);
            quantitiesE8 = Arrays.copyOf(quantitiesE8, capacity);
            pricesE8 = Arrays.copyOf(pricesE8, capacity);
            timesMs = Arrays.copyOf(timesMs, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
        }
        venues[size] = venue;
        sides[size] = side;
        quantitiesE8[size] = quantityE8;
        pricesE8[size] = priceE8;
        timesMs[size] = timeMs;
        sequences[size] = 0;
        size++;
    }

    /** The engine sequence of a live row (0 for rows from a snapshot). */
    long sequence(final int index)
    {
        return sequences[index];
    }

    /** Appends row {@code index} of another set, sequence included. */
    void add(final OrderRows other, final int index)
    {
        add(other.venues[index], other.sides[index], other.quantitiesE8[index], other.pricesE8[index],
            other.timesMs[index]);
        sequences[size - 1] = other.sequences[index];
    }

    /** A copy of the rows {@code [fromIndex, toIndex)}; allocates (only while a client joins). */
    OrderRows copy(final int fromIndex, final int toIndex)
    {
        final OrderRows copy = new OrderRows();
        for (int i = fromIndex; i < toIndex; i++)
        {
            copy.add(this, i);
        }
        return copy;
    }

    /**
     * Whether a row with the same venue, side, quantity, price and time (the engine's identity of a liquidation) is
     * here.
     */
    boolean contains(final OrderRows other, final int index)
    {
        final Venue venue = other.venues[index];
        final Side side = other.sides[index];
        final long quantityE8 = other.quantitiesE8[index];
        final long priceE8 = other.pricesE8[index];
        final long timeMs = other.timesMs[index];
        for (int i = 0; i < size; i++)
        {
            if (venues[i] == venue && sides[i] == side && quantitiesE8[i] == quantityE8 && pricesE8[i] == priceE8
                && timesMs[i] == timeMs)
            {
                return true;
            }
        }
        return false;
    }

    Venue venue(final int index)
    {
        return venues[index];
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
