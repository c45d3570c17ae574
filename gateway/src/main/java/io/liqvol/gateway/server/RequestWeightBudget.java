package io.liqvol.gateway.server;

/**
 * Binance's request weight, kept below a limit per minute: the exchange counts the weight of an IP's requests per
 * calendar minute and bans an IP that goes over (2,400 for USD-M futures), so requests beyond our own, lower limit
 * are refused here instead of sent. Thread-safe.
 */
final class RequestWeightBudget
{
    private static final long MINUTE_MS = 60_000L;

    private final int weightPerMinute;
    private long minute = Long.MIN_VALUE;
    private int used;

    RequestWeightBudget(final int weightPerMinute)
    {
        this.weightPerMinute = weightPerMinute;
    }

    int weightPerMinute()
    {
        return weightPerMinute;
    }

    /** {@code GET /fapi/v1/klines}: 1 below 100 candles, 2 below 500, 5 up to 1000, 10 above. */
    static int klinesWeight(final int limit)
    {
        if (limit < 100)
        {
            return 1;
        }
        if (limit < 500)
        {
            return 2;
        }
        return limit <= 1000 ? 5 : 10;
    }

    /** Takes {@code weight} from this minute's budget, or nothing and false when it has not that much left. */
    synchronized boolean tryAcquire(final int weight, final long nowMs)
    {
        final long thisMinute = Math.floorDiv(nowMs, MINUTE_MS);
        if (thisMinute != minute)
        {
            minute = thisMinute;
            used = 0;
        }
        if (used + weight > weightPerMinute)
        {
            return false;
        }
        used += weight;
        return true;
    }

    /** Whole seconds until the next minute, when the budget is full again (at least 1). */
    static int secondsToNextMinute(final long nowMs)
    {
        final long leftMs = MINUTE_MS - Math.floorMod(nowMs, MINUTE_MS);
        return (int)Math.max(1, (leftMs + 999) / 1000);
    }
}
