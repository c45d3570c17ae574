package io.liqvol.gateway.simulator;

/**
 * One symbol's prices as minute candles (open, high, low, close in price units), the newest {@code capacity}
 * minutes: the generated history, then every live price. The candles of every interval are built from it, so a
 * liquidation priced on the path lies within the candles of its minute, hour and day. Market thread only.
 */
final class MinutePath
{
    private static final long MINUTE_MS = 60_000L;

    private final int capacity;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private long oldestMinute;
    private long newestMinute = Long.MIN_VALUE;

    MinutePath(final int capacity)
    {
        this.capacity = capacity;
        this.open = new long[capacity];
        this.high = new long[capacity];
        this.low = new long[capacity];
        this.close = new long[capacity];
    }

    /** A price at {@code timeMs}, not older than the newest minute; minutes skipped stand at the last close. */
    void onPrice(final long timeMs, final long priceUnits)
    {
        final long minute = Math.floorDiv(timeMs, MINUTE_MS);
        if (newestMinute == Long.MIN_VALUE)
        {
            oldestMinute = minute;
            newestMinute = minute - 1;
        }
        if (minute < newestMinute)
        {
            return;
        }
        final long last = newestMinute >= oldestMinute ? close[slot(newestMinute)] : priceUnits;
        // A minute opens at the close before it, as the exchange's candles do, so that they join up.
        while (newestMinute < minute)
        {
            newestMinute++;
            final int slot = slot(newestMinute);
            open[slot] = last;
            high[slot] = last;
            low[slot] = last;
            close[slot] = last;
        }
        oldestMinute = Math.max(oldestMinute, newestMinute - capacity + 1);
        final int slot = slot(minute);
        high[slot] = Math.max(high[slot], priceUnits);
        low[slot] = Math.min(low[slot], priceUnits);
        close[slot] = priceUnits;
    }

    boolean isEmpty()
    {
        return newestMinute == Long.MIN_VALUE;
    }

    long oldestMinute()
    {
        return oldestMinute;
    }

    long newestMinute()
    {
        return newestMinute;
    }

    /** The latest price, or {@code fallback} while empty. */
    long lastPrice(final long fallback)
    {
        return isEmpty() ? fallback : close[slot(newestMinute)];
    }

    /**
     * Fills {@code candle}'s open, high, low and close from the minutes of {@code [fromMs, toMs]} that the path
     * holds; false (the candle untouched) when it holds none of them.
     */
    boolean fill(final CandleSeries.Candle candle, final long fromMs, final long toMs)
    {
        final long first = Math.max(oldestMinute, Math.floorDiv(fromMs, MINUTE_MS));
        final long last = Math.min(newestMinute, Math.floorDiv(toMs, MINUTE_MS));
        if (isEmpty() || first > last)
        {
            return false;
        }
        candle.open = open[slot(first)];
        candle.close = close[slot(last)];
        candle.high = Long.MIN_VALUE;
        candle.low = Long.MAX_VALUE;
        for (long minute = first; minute <= last; minute++)
        {
            candle.high = Math.max(candle.high, high[slot(minute)]);
            candle.low = Math.min(candle.low, low[slot(minute)]);
        }
        return true;
    }

    private int slot(final long minute)
    {
        return (int)Math.floorMod(minute, (long)capacity);
    }
}
