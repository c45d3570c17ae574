package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candles already fetched or relayed, to answer kline requests without the exchange. A closed candle never
 * changes, so it is kept (at most {@code maxCandles} in all, the least recently used series dropped first); the
 * open one only for {@link #OPEN_CANDLE_FRESH_MS} and never beyond its close. A request is answered only when every
 * candle it selects is here, so an answer from the cache is the exchange's. Thread-safe.
 */
final class KlineCache
{
    /** How long a fetched or relayed open candle stands for the current one (live streams push every 250 ms). */
    static final long OPEN_CANDLE_FRESH_MS = 1_000L;

    private final int maxCandles;
    private final LinkedHashMap<String, Series> series = new LinkedHashMap<>(16, 0.75f, true);
    private int closedCandles;

    KlineCache(final int maxCandles)
    {
        this.maxCandles = maxCandles;
    }

    /** Keeps what the exchange sent: the closed candles, and the open one as of {@code nowMs}. */
    synchronized void store(final String symbol, final Timeframe timeframe, final List<Candle> candles,
        final long nowMs)
    {
        final Series kept = series.computeIfAbsent(symbol + "@" + timeframe.code(), key -> new Series());
        for (final Candle candle : candles)
        {
            keep(kept, timeframe, candle, nowMs);
        }
        evict(kept);
    }

    /**
     * The candles the exchange would select (with a start, the first {@code limit} opening at or after it;
     * otherwise the last {@code limit} up to the end or now; both bounds inclusive on the open time), or null
     * when any of them is not here.
     */
    synchronized List<Candle> select(final String symbol, final Timeframe timeframe, final Long startMs,
        final Long lastOpenMs, final int limit, final long nowMs)
    {
        final Series kept = series.get(symbol + "@" + timeframe.code());
        if (kept == null)
        {
            return null;
        }
        final long current = timeframe.bucketIndex(nowMs);
        final long last = lastOpenMs == null ? current : Math.min(current, timeframe.bucketIndex(lastOpenMs));
        final long first;
        final long count;
        if (startMs != null)
        {
            final long index = timeframe.bucketIndex(startMs);
            first = timeframe.bucketStartMs(index) < startMs ? index + 1 : index;
            count = Math.min(limit, last - first + 1);
        }
        else
        {
            first = last - limit + 1;
            count = limit;
        }
        if (count < 1)
        {
            return null;
        }
        final List<Candle> selected = new ArrayList<>((int)count);
        for (long index = first; index < first + count; index++)
        {
            final long openTimeMs = timeframe.bucketStartMs(index);
            final Candle candle = index == current ? kept.freshOpen(openTimeMs, nowMs) : kept.closed.get(openTimeMs);
            if (candle == null)
            {
                return null;
            }
            selected.add(candle);
        }
        return selected;
    }

    synchronized int closedCandles()
    {
        return closedCandles;
    }

    private void keep(final Series kept, final Timeframe timeframe, final Candle candle, final long nowMs)
    {
        if (candle.closed())
        {
            if (kept.closed.put(candle.openTimeMs(), candle) == null)
            {
                closedCandles++;
            }
        }
        else if (timeframe.bucketStartMs(timeframe.bucketIndex(nowMs)) == candle.openTimeMs())
        {
            kept.open = candle;
            kept.openSeenMs = nowMs;
            kept.openClosesMs = timeframe.bucketStartMs(timeframe.bucketIndex(nowMs) + 1);
        }
    }

    /** Drops the least recently used series, then the oldest candles of the one just used, until within bounds. */
    private void evict(final Series justUsed)
    {
        final Iterator<Map.Entry<String, Series>> eldest = series.entrySet().iterator();
        while (closedCandles > maxCandles && eldest.hasNext())
        {
            final Series victim = eldest.next().getValue();
            if (victim != justUsed)
            {
                closedCandles -= victim.closed.size();
                eldest.remove();
            }
        }
        while (closedCandles > maxCandles)
        {
            justUsed.closed.pollFirstEntry();
            closedCandles--;
        }
    }

    /** One symbol and interval. */
    private static final class Series
    {
        private final TreeMap<Long, Candle> closed = new TreeMap<>();
        private Candle open;
        private long openSeenMs;
        private long openClosesMs;

        Candle freshOpen(final long openTimeMs, final long nowMs)
        {
            return open != null && open.openTimeMs() == openTimeMs && nowMs - openSeenMs <= OPEN_CANDLE_FRESH_MS
                && nowMs < openClosesMs ? open : null;
        }
    }
}
