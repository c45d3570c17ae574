package io.liqvol.gateway;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.server.MarketData;
import io.liqvol.gateway.upstream.SymbolInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An edge's market data from its recorders' client API (--from-http) instead of an exchange: their symbols with the
 * exchange's precisions, their klines (the server's kline cache and request budget sit in front, as on a recorder)
 * and their live kline streams. An edge records every symbol its recorders send, so there is nothing to watch.
 */
final class RecorderMarketData implements MarketData
{
    private final RecorderApi api;

    RecorderMarketData(final RecorderApi api)
    {
        this.api = api;
    }

    /** The recorders' symbol list, as their {@code /api/v1/symbols} gives it. */
    CompletableFuture<List<SymbolInfo>> symbols()
    {
        return api.get("/api/v1/symbols").thenApply(RecorderJson::symbols);
    }

    @Override
    public CompletableFuture<List<Candle>> klines(
        final String symbol, final String interval, final Long startMs, final Long lastOpenMs, final int limit)
    {
        final Timeframe timeframe = Timeframe.fromCode(interval);
        final StringBuilder path = new StringBuilder("/api/v1/klines/")
            .append(URLEncoder.encode(symbol, StandardCharsets.UTF_8)).append('/')
            .append(URLEncoder.encode(interval, StandardCharsets.UTF_8)).append("?limit=").append(limit);
        if (startMs != null)
        {
            path.append("&start=").append(startMs);
        }
        if (lastOpenMs != null)
        {
            // the API's end is exclusive, the exchange's endTime (lastOpenMs) the last open time included
            path.append("&end=").append(lastOpenMs + 1);
        }
        return api.get(path.toString())
            .thenApply(body -> RecorderJson.klines(body, timeframe, System.currentTimeMillis()));
    }

    @Override
    public AutoCloseable subscribeKlines(final String symbol, final String interval, final CandleListener listener)
    {
        final RecorderKlineStream stream = new RecorderKlineStream(api, symbol, interval, listener);
        stream.connect();
        return stream;
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
