package io.liqvol.gateway.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Market data without an exchange (an edge): no candles (the page shows liquidations only), nothing to watch. */
public final class NoMarketData implements MarketData
{
    @Override
    public CompletableFuture<List<Candle>> klines(
        final String symbol, final String interval, final Long startMs, final Long lastOpenMs, final int limit)
    {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public AutoCloseable subscribeKlines(final String symbol, final String interval, final CandleListener listener)
    {
        return () ->
        {
        };
    }

    @Override
    public void watch(final String symbol)
    {
    }

    @Override
    public void unwatch(final String symbol)
    {
    }
}
