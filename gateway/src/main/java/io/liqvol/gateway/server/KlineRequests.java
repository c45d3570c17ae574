package io.liqvol.gateway.server;

import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Timeframe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchange's candles, asked for as rarely as possible: a request that the {@link KlineCache} can answer is
 * answered there; identical requests while one is under way share its answer; the rest are sent within a
 * {@link RequestWeightBudget} and fail with {@link BudgetSpent} beyond it. Live candles relayed from the exchange
 * also fill the cache. Custom timeframes are built from their base's candles by {@link CustomKlines}, which asks
 * for them here.
 */
final class KlineRequests implements MarketData
{
    /** About 30 MB of candles. */
    static final int CACHE_CANDLES = 100_000;

    private final MarketData exchange;
    private final KlineCache cache;
    private final RequestWeightBudget budget;
    private final GatewayMetrics metrics;
    private final ConcurrentHashMap<Request, CompletableFuture<List<Candle>>> underWay = new ConcurrentHashMap<>();
    private final CustomKlines custom = new CustomKlines(this);

    KlineRequests(final MarketData exchange, final KlineCache cache, final RequestWeightBudget budget,
        final GatewayMetrics metrics)
    {
        this.exchange = exchange;
        this.cache = cache;
        this.budget = budget;
        this.metrics = metrics;
    }

    /** The exchange's request weight for this minute is spent; the request may succeed after the delay. */
    static final class BudgetSpent extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        private final int retryAfterSeconds;

        BudgetSpent(final int weightPerMinute, final int retryAfterSeconds)
        {
            super("the exchange's request weight for this minute (" + weightPerMinute + ") is spent", null, false,
                false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        int retryAfterSeconds()
        {
            return retryAfterSeconds;
        }
    }

    private record Request(String symbol, String interval, Long startMs, Long lastOpenMs, int limit)
    {
    }

    @Override
    public CompletableFuture<List<Candle>> klines(
        final String symbol, final String interval, final Long startMs, final Long lastOpenMs, final int limit)
    {
        if (Interval.parse(interval) instanceof CustomTimeframe customTimeframe)
        {
            return custom.klines(customTimeframe, symbol, startMs, lastOpenMs, limit);
        }
        final Timeframe timeframe = Timeframe.fromCode(interval);
        final long nowMs = System.currentTimeMillis();
        final List<Candle> cached = cache.select(symbol, timeframe, startMs, lastOpenMs, limit, nowMs);
        if (cached != null)
        {
            metrics.increment(GatewayMetrics.KLINE_CACHE_HITS);
            return CompletableFuture.completedFuture(cached);
        }
        final Request request = new Request(symbol, interval, startMs, lastOpenMs, limit);
        final CompletableFuture<List<Candle>> answer = new CompletableFuture<>();
        final CompletableFuture<List<Candle>> joined = underWay.putIfAbsent(request, answer);
        if (joined != null)
        {
            metrics.increment(GatewayMetrics.KLINE_COALESCED);
            return joined.copy();
        }
        if (!budget.tryAcquire(RequestWeightBudget.klinesWeight(limit), nowMs))
        {
            metrics.increment(GatewayMetrics.KLINE_BUDGET_REFUSED);
            underWay.remove(request, answer);
            answer.completeExceptionally(
                new BudgetSpent(budget.weightPerMinute(), RequestWeightBudget.secondsToNextMinute(nowMs)));
            return answer.copy();
        }
        metrics.increment(GatewayMetrics.KLINE_UPSTREAM_REQUESTS);
        exchange.klines(symbol, interval, startMs, lastOpenMs, limit).whenComplete((candles, failure) ->
        {
            underWay.remove(request, answer);
            if (failure != null)
            {
                answer.completeExceptionally(failure);
                return;
            }
            cache.store(symbol, timeframe, candles, System.currentTimeMillis());
            answer.complete(candles);
        });
        return answer.copy();
    }

    @Override
    public AutoCloseable subscribeKlines(final String symbol, final String interval, final CandleListener listener)
    {
        if (Interval.parse(interval) instanceof CustomTimeframe customTimeframe)
        {
            return custom.subscribeKlines(customTimeframe, symbol, listener);
        }
        final Timeframe timeframe = Timeframe.fromCode(interval);
        return exchange.subscribeKlines(symbol, interval, candle ->
        {
            cache.store(symbol, timeframe, List.of(candle), System.currentTimeMillis());
            listener.onCandle(candle);
        });
    }

    @Override
    public void watch(final String symbol)
    {
        exchange.watch(symbol);
    }

    @Override
    public void unwatch(final String symbol)
    {
        exchange.unwatch(symbol);
    }
}
