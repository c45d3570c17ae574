package io.liqvol.gateway.server;

import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Timeframe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Candles of custom timeframes (docs/API.md §4.3), built from the candles of their base as {@link KlineRequests}
 * gives them (through the kline cache and its request budget): open of the first, close of the last, highest high,
 * lowest low, summed volume.
 */
final class CustomKlines
{
    /** At most this many base candles make one answer, as many base buckets as a volume answer reads. */
    static final int MAX_BASE_CANDLES = 5_000;
    private static final int BASE_CANDLES_PER_REQUEST = 1_500;

    private final MarketData exchange;

    /** {@code exchange}: where base candles come from, the kline cache's requests. */
    CustomKlines(final MarketData exchange)
    {
        this.exchange = exchange;
    }

    /** How many candles of the timeframe one answer may hold. */
    static int maxCandles(final Interval timeframe, final int limit)
    {
        return Math.min(limit, MAX_BASE_CANDLES / timeframe.baseBuckets());
    }

    /** As {@link MarketData#klines} in a custom timeframe, at most {@link #maxCandles} of them. */
    CompletableFuture<List<Candle>> klines(final CustomTimeframe custom, final String symbol, final Long startMs,
        final Long lastOpenMs, final int limit)
    {
        final long current = custom.bucketIndex(System.currentTimeMillis());
        long last = lastOpenMs == null ? current : Math.min(current, custom.bucketIndex(lastOpenMs));
        final long first;
        final int count = maxCandles(custom, limit);
        if (startMs != null)
        {
            final long index = custom.bucketIndex(startMs);
            first = custom.bucketStartMs(index) < startMs ? index + 1 : index;
            last = Math.min(last, first + count - 1);
        }
        else
        {
            first = last - count + 1;
        }
        if (last < first)
        {
            return CompletableFuture.completedFuture(List.of());
        }
        return baseCandles(symbol, custom.base(), custom.bucketStartMs(first), custom.bucketStartMs(last + 1) - 1)
            .thenApply(base -> combine(custom, base));
    }

    /** The base candles opening in {@code [fromMs, lastOpenMs]}, in requests of at most 1500. */
    private CompletableFuture<List<Candle>> baseCandles(
        final String symbol, final Timeframe base, final long fromMs, final long lastOpenMs)
    {
        final List<CompletableFuture<List<Candle>>> parts = new ArrayList<>();
        final long chunkMs = BASE_CANDLES_PER_REQUEST * base.sizeMs();
        for (long chunkStartMs = fromMs; chunkStartMs <= lastOpenMs; chunkStartMs += chunkMs)
        {
            final long chunkLastMs = Math.min(lastOpenMs, chunkStartMs + chunkMs - 1);
            final int candles = (int)((chunkLastMs - chunkStartMs) / base.sizeMs() + 1);
            parts.add(exchange.klines(symbol, base.code(), chunkStartMs, chunkLastMs, candles));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done ->
        {
            final List<Candle> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.join()));
            return all;
        });
    }

    /** One candle per custom bucket that has base candles; closed once its last base candle is. */
    static List<Candle> combine(final CustomTimeframe custom, final List<Candle> base)
    {
        final List<Candle> candles = new ArrayList<>();
        int from = 0;
        while (from < base.size())
        {
            final long index = custom.bucketIndex(base.get(from).openTimeMs());
            int to = from + 1;
            while (to < base.size() && custom.bucketIndex(base.get(to).openTimeMs()) == index)
            {
                to++;
            }
            candles.add(candle(custom, index, base.subList(from, to)));
            from = to;
        }
        return candles;
    }

    private static Candle candle(final CustomTimeframe custom, final long index, final List<Candle> parts)
    {
        final Candle first = parts.get(0);
        final Candle last = parts.get(parts.size() - 1);
        String high = first.high();
        String low = first.low();
        BigDecimal volume = BigDecimal.ZERO;
        for (final Candle part : parts)
        {
            high = new BigDecimal(part.high()).compareTo(new BigDecimal(high)) > 0 ? part.high() : high;
            low = new BigDecimal(part.low()).compareTo(new BigDecimal(low)) < 0 ? part.low() : low;
            volume = volume.add(new BigDecimal(part.volume()));
        }
        final long lastBaseOpenMs = custom.bucketStartMs(index + 1) - custom.base().sizeMs();
        final boolean closed = last.closed() && last.openTimeMs() == lastBaseOpenMs;
        return new Candle(custom.bucketStartMs(index), first.open(), high, low, last.close(), volume.toPlainString(),
            closed);
    }

    /**
     * A custom timeframe's live candle: on each base candle, the base candles of its bucket so far (from the cache,
     * which the relayed candle has just refreshed) combined; a slower answer older than one already sent is dropped.
     */
    AutoCloseable subscribeKlines(
        final CustomTimeframe custom, final String symbol, final MarketData.CandleListener listener)
    {
        final AtomicLong issued = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        return exchange.subscribeKlines(symbol, custom.base().code(), candle ->
        {
            final long sequence = issued.incrementAndGet();
            final long startMs = custom.bucketStartMs(custom.bucketIndex(candle.openTimeMs()));
            exchange.klines(symbol, custom.base().code(), startMs, candle.openTimeMs(), custom.baseBuckets())
                .thenAccept(base ->
                {
                    final List<Candle> combined = combine(custom, base);
                    if (!combined.isEmpty() && delivered.getAndAccumulate(sequence, Math::max) < sequence)
                    {
                        listener.onCandle(combined.get(combined.size() - 1));
                    }
                });
        });
    }
}
