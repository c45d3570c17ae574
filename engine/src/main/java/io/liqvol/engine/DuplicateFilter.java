package io.liqvol.engine;

import java.util.Arrays;

/**
 * Remembers each series' (a symbol on a venue: the same order on two venues is two liquidations) accepted
 * liquidations of the last {@link #HORIZON_MS} of trade time, so that one arriving twice is accepted once. Binance
 * sends a liquidation twice only while two connections carry the same stream: the make-before-break rotation, whose
 * old connection is closed within seconds of its successor going live, and whose frames cannot lag by more than the
 * 60 s after which a silent connection is dropped. A reconnect after a loss replays nothing (that is a gap). Two
 * minutes cover the rotation twice over; Binance pushes at most one liquidation per symbol per second, so
 * {@link #KEYS_PER_SYMBOL} keys hold a whole horizon (more than that in one horizon, from embedders, peer fills or
 * venues that push every liquidation, forgets the oldest first). A series' keys (3 KB) are taken at its first
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
    /** The longs one series' keys take. */
    private static final int LONGS_PER_SERIES = 3 * KEYS_PER_SYMBOL;
    /** The heap one series' keys take. */
    static final long BYTES_PER_SERIES = (long)LONGS_PER_SERIES * Long.BYTES;

    /**
     * Per series, its keys as a ring in three runs: times and sides, then quantities, then prices, so that a look-up
     * scans the times alone; null before its first liquidation.
     */
    private final long[][] keys;
    private final int[] filled;
    private final int[] next;
    /** Per series, the newest trade time recorded: a later one cannot be a duplicate, the common case. */
    private final long[] newestTimeMs;

    DuplicateFilter(final int maxSymbols)
    {
        final int series = Series.capacity(maxSymbols);
        keys = new long[series][];
        filled = new int[series];
        next = new int[series];
        newestTimeMs = new long[series];
        Arrays.fill(newestTimeMs, Long.MIN_VALUE);
    }

    /** Records the liquidation and returns true if it is new; false if an identical one was recorded. */
    boolean firstSighting(
        final int symbolId,
        final int venue,
        final int side,
        final long tradeTimeMs,
        final long quantityE8,
        final long priceE8)
    {
        final int series = Series.of(symbolId, venue);
        final long timeAndSide = (tradeTimeMs << 1) | side;
        if (tradeTimeMs > newestTimeMs[series])
        {
            newestTimeMs[series] = tradeTimeMs;
            record(series, timeAndSide, quantityE8, priceE8);
            return true;
        }
        final long[] seriesKeys = keys[series];
        final int count = filled[series];
        for (int k = 0; k < count; k++)
        {
            if (seriesKeys[k] == timeAndSide && seriesKeys[QUANTITIES + k] == quantityE8
                && seriesKeys[PRICES + k] == priceE8)
            {
                return false;
            }
        }
        record(series, timeAndSide, quantityE8, priceE8);
        return true;
    }

    private void record(final int series, final long timeAndSide, final long quantityE8, final long priceE8)
    {
        long[] seriesKeys = keys[series];
        if (seriesKeys == null)
        {
            seriesKeys = new long[LONGS_PER_SERIES];
            keys[series] = seriesKeys;
        }
        final int slot = next[series];
        seriesKeys[slot] = timeAndSide;
        seriesKeys[QUANTITIES + slot] = quantityE8;
        seriesKeys[PRICES + slot] = priceE8;
        next[series] = slot + 1 == KEYS_PER_SYMBOL ? 0 : slot + 1;
        if (filled[series] < KEYS_PER_SYMBOL)
        {
            filled[series]++;
        }
    }
}
