package io.liqvol.gateway.simulator;

import io.liqvol.engine.Timeframe;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;

/** Binance's REST answers for the simulated exchange: {@code exchangeInfo} and {@code klines}. Market thread. */
final class SimulatorRestApi
{
    /** A status and a JSON body. */
    record Response(HttpResponseStatus status, String json)
    {
    }

    private static final int DEFAULT_KLINES = 500;
    private static final int MAX_KLINES = 1500;

    private final MarketGenerator market;
    private final long startTimeMs;

    SimulatorRestApi(final MarketGenerator market, final long startTimeMs)
    {
        this.market = market;
        this.startTimeMs = startTimeMs;
    }

    Response exchangeInfo(final long nowMs)
    {
        final StringBuilder out = new StringBuilder(1024 + market.symbols().size() * 900);
        out.append("{\"timezone\":\"UTC\",\"serverTime\":").append(nowMs)
            .append(",\"futuresType\":\"U_MARGINED\",\"rateLimits\":[")
            .append("{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":2400},")
            .append("{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1200}]")
            .append(",\"exchangeFilters\":[],\"assets\":[{\"asset\":\"USDT\",\"marginAvailable\":true}],\"symbols\":[");
        final List<SimulatedSymbol> symbols = market.symbols();
        for (int i = 0; i < symbols.size(); i++)
        {
            final SimulatedSymbol symbol = symbols.get(i);
            if (i > 0)
            {
                out.append(',');
            }
            out.append("{\"symbol\":\"").append(symbol.symbol()).append("\",\"pair\":\"").append(symbol.symbol())
                .append("\",\"contractType\":\"PERPETUAL\",\"deliveryDate\":4133404800000,\"onboardDate\":")
                .append(startTimeMs - 365 * 86_400_000L)
                .append(",\"status\":\"TRADING\",\"baseAsset\":\"").append(symbol.baseAsset())
                .append("\",\"quoteAsset\":\"").append(symbol.quoteAsset())
                .append("\",\"marginAsset\":\"").append(symbol.quoteAsset())
                .append("\",\"pricePrecision\":").append(symbol.pricePrecision())
                .append(",\"quantityPrecision\":").append(symbol.quantityPrecision())
                .append(",\"baseAssetPrecision\":8,\"quotePrecision\":8,\"underlyingType\":\"COIN\"")
                .append(",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"").append(symbol.tickSize())
                .append("\",\"maxPrice\":\"1000000\",\"tickSize\":\"").append(symbol.tickSize())
                .append("\"},{\"filterType\":\"LOT_SIZE\",\"minQty\":\"").append(symbol.stepSize())
                .append("\",\"maxQty\":\"10000000\",\"stepSize\":\"").append(symbol.stepSize())
                .append("\"},{\"filterType\":\"MIN_NOTIONAL\",\"notional\":\"5\"}]")
                .append(",\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"timeInForce\":[\"GTC\",\"IOC\",\"FOK\"]}");
        }
        return new Response(HttpResponseStatus.OK, out.append("]}").toString());
    }

    Response klines(final QueryStringDecoder query, final long nowMs)
    {
        final String symbol = single(query, "symbol");
        if (symbol == null)
        {
            return error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        final int index = market.indexOf(symbol);
        if (index < 0)
        {
            return error(-1121, "Invalid symbol.");
        }
        final String intervalCode = single(query, "interval");
        final Timeframe interval = intervalCode == null ? null : Timeframe.fromCode(intervalCode);
        if (interval == null)
        {
            return error(-1120, "Invalid interval.");
        }
        final Long startMs;
        final Long endMs;
        final int limit;
        try
        {
            startMs = optionalLong(query, "startTime");
            endMs = optionalLong(query, "endTime");
            final Long limitParam = optionalLong(query, "limit");
            limit = limitParam == null ? DEFAULT_KLINES : limitParam.intValue();
        }
        catch (final NumberFormatException ex)
        {
            return error(-1100, "Illegal characters found in a parameter.");
        }
        if (limit < 1 || limit > MAX_KLINES)
        {
            return error(-1130, "Data sent for parameter 'limit' is not valid.");
        }
        if (startMs != null && endMs != null && startMs > endMs)
        {
            return error(-1023, "Start time is greater than end time.");
        }
        final CandleSeries series = market.candles(index, interval, nowMs);
        return new Response(HttpResponseStatus.OK,
            KlineEvents.restArray(series.symbol(), series.select(startMs, endMs, limit)));
    }

    static Response error(final int code, final String message)
    {
        return new Response(HttpResponseStatus.BAD_REQUEST, "{\"code\":" + code + ",\"msg\":\"" + message + "\"}");
    }

    private static String single(final QueryStringDecoder query, final String name)
    {
        final List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static Long optionalLong(final QueryStringDecoder query, final String name)
    {
        final String value = single(query, name);
        return value == null ? null : Long.parseLong(value);
    }
}
