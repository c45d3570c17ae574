package io.liqvol.engine;

import java.util.Arrays;

/**
 * Remembers each symbol's accepted liquidations of the last {@link #HORIZON_MS} of trade time, so that one arriving
 * twice is accepted once. Binance sends a liquidation twice only while two connections carry the same stream: the
 * make-before-break rotation, whose old connection is closed within seconds of its successor going live, and
 * whose frames cannot lag by more than the 60 s after which a silent connection is dropped. A reconnect after a
 * loss replays nothing (that is a gap). Two minutes cover the rotation twice over; Binance pushes at most one
 * liquidation per symbol per second, so {@link #KEYS_PER_SYMBOL} keys hold a whole horizon (more than that in one
 * horizon, from embedders or peer fills, forgets the oldest first). A symbol's keys (3 KB) are taken at its first
 * liquidation. Decode thread only.
 */
final class DuplicateFilter
{
    /** How far back in trade time, behind the symbol's newest, a copy is still caught. */
    static final long HORIZON_MS = 120_000;
    /** At least the horizon at Binance's one liquidation per symbol per second. */
    static final int KEYS_PER_SYMBOL = 128;
    private static final int QUANTITIES = KEYS_PER_SYMBOL;
    private static final int PRICES = 2 * KEYS_PER_SYMBOL;
    /** The heap one symbol's keys take. */
    static final long BYTES_PER_SYMBOL = 3L * KEYS_PER_SYMBOL * Long.BYTES;

    /**
     * Per symbol, its keys as a ring in three runs: times and sides, then quantities, then prices, so that a look-up
     * scans the times alone; null before its first liquidation.
     */
    private final long[][] keys;
    private final int[] filled;
    private final int[] next;
    /** Per symbol, the newest trade time recorded: a later one cannot be a duplicate, the common case. */
    private final long[] newestTimeMs;

    DuplicateFilter(final int maxSymbols)
    {
        keys = new long[maxSymbols][];
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
        if (tradeTimeMs > newestTimeMs[symbolId])
        {
            newestTimeMs[symbolId] = tradeTimeMs;
            record(symbolId, timeAndSide, quantityE8, priceE8);
            return true;
        }
        final long[] symbolKeys = keys[symbolId];
        final int count = filled[symbolId];
        for (int k = 0; k < count; k++)
        {
            if (symbolKeys[k] == timeAndSide && symbolKeys[QUANTITIES + k] == quantityE8
                && symbolKeys[PRICES + k] == priceE8)
            {
                return false;
            }
        }
        record(symbolId, timeAndSide, quantityE8, priceE8);
        return true;
    }

    private void record(final int symbolId, final long timeAndSide, final long quantityE8, final long priceE8)
    {
        long[] symbolKeys = keys[symbolId];
        if (symbolKeys == null)
        {
            symbolKeys = new long[(int)(BYTES_PER_SYMBOL / Long.BYTES)];
            keys[symbolId] = symbolKeys;
        }
        final int slot = next[symbolId];
        symbolKeys[slot] = timeAndSide;
        symbolKeys[QUANTITIES + slot] = quantityE8;
        symbolKeys[PRICES + slot] = priceE8;
        next[symbolId] = slot + 1 == KEYS_PER_SYMBOL ? 0 : slot + 1;
        if (filled[symbolId] < KEYS_PER_SYMBOL)
        {
            filled[symbolId]++;
        }
    }
}
