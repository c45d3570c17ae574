package io.liqvol.gateway;

import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.server.MarketData;
import io.liqvol.gateway.upstream.BinanceRestClient;
import io.liqvol.gateway.upstream.BinanceUpstream;
import io.liqvol.gateway.upstream.Kline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The server's market data from the Binance (or simulator) upstream client and REST client. */
final class UpstreamMarketData implements MarketData
{
    private final BinanceUpstream upstream;
    private final BinanceRestClient rest;

    UpstreamMarketData(final BinanceUpstream upstream, final BinanceRestClient rest)
    {
        this.upstream = upstream;
        this.rest = rest;
    }

    @Override
    public CompletableFuture<List<Candle>> klines(
        final String symbol, final String interval, final Long startMs, final Long lastOpenMs, final int limit)
    {
        return rest.klines(symbol, interval, startMs, lastOpenMs, limit).thenApply(klines ->
        {
            final List<Candle> candles = new ArrayList<>(klines.size());
            for (final Kline kline : klines)
            {
                candles.add(candle(kline));
            }
            return candles;
        });
    }

    @Override
    public AutoCloseable subscribeKlines(final String symbol, final String interval, final CandleListener listener)
    {
        return upstream.subscribeKlines(symbol, interval,
            (klineSymbol, klineInterval, kline) -> listener.onCandle(candle(kline)));
    }

    @Override
    public void watch(final String symbol)
    {
        upstream.acquire(symbol);
    }

    @Override
    public void unwatch(final String symbol)
    {
        upstream.release(symbol);
    }

    private static Candle candle(final Kline kline)
    {
        return new Candle(kline.openTimeMs(), kline.open(), kline.high(), kline.low(), kline.close(), kline.volume(),
            kline.closed());
    }
}
