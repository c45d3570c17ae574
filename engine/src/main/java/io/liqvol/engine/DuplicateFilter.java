package io.liqvol.engine;

import java.util.Arrays;

/**
 * Remembers the last {@link #KEYS_PER_SYMBOL} accepted liquidations of each symbol, so that one arriving twice
 * (overlapping upstream connections, a make-before-break rotation) is accepted once. Binance pushes at most one
 * liquidation per symbol per second, so this covers far more than any connection overlap. Decode thread only.
 */
final class DuplicateFilter
{
    static final int KEYS_PER_SYMBOL = 32;
    private static final int LONGS_PER_KEY = 3;

    private final long[] keys;
    private final int[] filled;
    private final int[] next;
    /** Per symbol, the newest trade time recorded: a later one cannot be a duplicate, the common case. */
    private final long[] newestTimeMs;

    DuplicateFilter(final int maxSymbols)
    {
        keys = new long[maxSymbols * KEYS_PER_SYMBOL * LONGS_PER_KEY];
        filled = new int[maxSymbols];
        next = new int[maxSymbols];
        newestTimeMs = new long[maxSymbols];
        Arrays.fill(newestTimeMs, Long.MIN_VALUE);
    }

    /** Records the liquidation and returns true if it is new; false if an identical one was recorded. */
    boolean firstSighting(
        final int symbolId, final int side, final long tradeTimeMs, final long quantityE8, final long priceE8)
    {
        final long timeAndSide = (tradeTimeMs << 1) | side;
        final int base = symbolId * KEYS_PER_SYMBOL * LONGS_PER_KEY;
        final int count = filled[symbolId];
        if (tradeTimeMs > newestTimeMs[symbolId])
        {
            newestTimeMs[symbolId] = tradeTimeMs;
            record(symbolId, base, count, timeAndSide, quantityE8, priceE8);
            return true;
        }
        for (int k = 0; k < count; k++)
        {
            final int at = base + k * LONGS_PER_KEY;
            if (keys[at] == timeAndSide && keys[at + 1] == quantityE8 && keys[at + 2] == priceE8)
            {
                return false;
            }
        }
        record(symbolId, base, count, timeAndSide, quantityE8, priceE8);
        return true;
    }

    private void record(
        final int symbolId,
        final int base,
        final int count,
        final long timeAndSide,
        final long quantityE8,
        final long priceE8)
    {
        final int slot = next[symbolId];
        final int at = base + slot * LONGS_PER_KEY;
        keys[at] = timeAndSide;
        keys[at + 1] = quantityE8;
        keys[at + 2] = priceE8;
        next[symbolId] = (slot + 1) % KEYS_PER_SYMBOL;
        if (count < KEYS_PER_SYMBOL)
        {
            filled[symbolId] = count + 1;
        }
    }
}
