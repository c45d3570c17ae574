package io.liqvol.gateway.replication;

import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.server.MarketData;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An edge has no exchange connection: no candles (the page shows liquidations only), nothing to watch. */
public final class EdgeMarketData implements MarketData
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
