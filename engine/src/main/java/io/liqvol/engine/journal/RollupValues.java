package io.liqvol.engine.journal;

import io.liqvol.engine.Int128;
import org.agrona.DirectBuffer;

/**
 * The totals of a bucket as ten longs (128-bit notionals and quantities as high, low words; counts), the unit that
 * roll-ups store and history queries sum. Static helpers over arrays and buffers; no state.
 */
final class RollupValues
{
    static final int BUY_NOTIONAL = 0;
    static final int SELL_NOTIONAL = 2;
    static final int BUY_QUANTITY = 4;
    static final int SELL_QUANTITY = 6;
    static final int BUY_COUNT = 8;
    static final int SELL_COUNT = 9;
    static final int LENGTH = 10;

    private RollupValues()
    {
    }

    /** Adds one liquidation to the totals at {@code values[at, at + LENGTH)}. */
    static void addLiquidation(
        final long[] values, final int at, final int side, final long quantityE8, final long priceE8)
    {
        final int notional = at + (side == 0 ? BUY_NOTIONAL : SELL_NOTIONAL);
        final int quantity = at + (side == 0 ? BUY_QUANTITY : SELL_QUANTITY);
        add128(values, notional, Math.multiplyHigh(quantityE8, priceE8), quantityE8 * priceE8);
        add128(values, quantity, 0, quantityE8);
        values[at + (side == 0 ? BUY_COUNT : SELL_COUNT)]++;
    }

    /** Adds totals stored in {@code from[fromAt, fromAt + LENGTH)}. */
    static void addTotals(final long[] values, final int at, final long[] from, final int fromAt)
    {
        for (int field = 0; field < BUY_COUNT; field += 2)
        {
            add128(values, at + field, from[fromAt + field], from[fromAt + field + 1]);
        }
        values[at + BUY_COUNT] += from[fromAt + BUY_COUNT];
        values[at + SELL_COUNT] += from[fromAt + SELL_COUNT];
    }

    /** Adds totals stored as {@link #LENGTH} longs at {@code offset} in a buffer. */
    static void addTotals(final long[] values, final int at, final DirectBuffer from, final int offset)
    {
        for (int field = 0; field < BUY_COUNT; field += 2)
        {
            add128(values, at + field, from.getLong(offset + field * Long.BYTES),
                from.getLong(offset + (field + 1) * Long.BYTES));
        }
        values[at + BUY_COUNT] += from.getLong(offset + BUY_COUNT * Long.BYTES);
        values[at + SELL_COUNT] += from.getLong(offset + SELL_COUNT * Long.BYTES);
    }

    /** Hands the totals at {@code values[at, at + LENGTH)} to a consumer. */
    static void copyTo(final long[] values, final int at, final TotalsConsumer into)
    {
        into.accept(
            values[at + BUY_NOTIONAL], values[at + BUY_NOTIONAL + 1],
            values[at + SELL_NOTIONAL], values[at + SELL_NOTIONAL + 1],
            values[at + BUY_QUANTITY], values[at + BUY_QUANTITY + 1],
            values[at + SELL_QUANTITY], values[at + SELL_QUANTITY + 1],
            values[at + BUY_COUNT], values[at + SELL_COUNT]);
    }

    private static void add128(final long[] values, final int at, final long high, final long low)
    {
        values[at] = Int128.addHigh(values[at], values[at + 1], high, low);
        values[at + 1] = Int128.addLow(values[at + 1], low);
    }
}
