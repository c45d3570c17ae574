package io.liqvol.gateway.server;

import io.liqvol.engine.Interval;
import io.liqvol.engine.Venue;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.concurrent.CompletionException;

/** {@code GET /api/v1/klines/{symbol}/{timeframe}} (relayed from the exchange) and {@code GET /api/v1/symbols}. */
final class MarketDataApi
{
    static final String KLINES_PREFIX = "/api/v1/klines/";
    static final String SYMBOLS_PATH = "/api/v1/symbols";
    static final int DEFAULT_KLINES = 500;
    static final int MAX_KLINES = 1500;
    private static final List<String> KLINES_PARAMETERS = List.of("start", "end", "start_time", "end_time", "limit");
    private static final System.Logger LOG = System.getLogger(MarketDataApi.class.getName());

    private final ServerHandlerParts context;

    MarketDataApi(final ServerHandlerParts context)
    {
        this.context = context;
    }

    /** {@code [{"time":SEC,"open","high","low","close","volume"}]}, the last 500 by default. */
    void klines(final ChannelHandlerContext ctx, final boolean keepAlive, final QueryStringDecoder query)
    {
        final String[] parts = RestApi.segments(query.path(), KLINES_PREFIX, 2);
        RequestTarget.requireKnownParameters(query, KLINES_PARAMETERS);
        final String symbol = context.validator().symbol(parts[0]);
        final Interval timeframe = RequestValidator.anyTimeframe(parts[1]);
        final Long startMs = epochMs(RestApi.parameter(query, "start", "start_time"), "start");
        final Long endMs = epochMs(RestApi.parameter(query, "end", "end_time"), "end");
        if (startMs != null && endMs != null && startMs >= endMs)
        {
            throw ApiException.badRequest("invalid_range", "start must be before end");
        }
        final int limit = RequestValidator.limit(RestApi.parameter(query, "limit", null), DEFAULT_KLINES, MAX_KLINES);
        // end is exclusive, as for volume (docs/API.md §2); the exchange's endTime is the last open time included
        final Long lastOpenMs = endMs == null ? null : endMs - 1;
        HttpResponses.pauseReads(ctx);
        context.marketData().klines(symbol, timeframe.code(), startMs, lastOpenMs, limit).whenComplete(
            (candles, failure) -> answerKlines(ctx, keepAlive, symbol + ' ' + timeframe.code(), candles, failure));
    }

    private static void answerKlines(final ChannelHandlerContext ctx, final boolean keepAlive, final String what,
        final List<Candle> candles, final Throwable failure)
    {
        if (failure instanceof CompletionException wrapped
            && wrapped.getCause() instanceof KlineRequests.BudgetSpent spent)
        {
            HttpResponses.error(ctx, keepAlive, ApiException.retryLater(HttpResponseStatus.SERVICE_UNAVAILABLE,
                "upstream_budget", spent.getMessage(), spent.retryAfterSeconds()));
            return;
        }
        if (failure != null)
        {
            // what failed, and the exchange's answer, stay in the log: the client gets the stable code only
            LOG.log(System.Logger.Level.WARNING, "klines of " + what + " failed", failure);
            HttpResponses.error(ctx, keepAlive, HttpResponseStatus.BAD_GATEWAY, "upstream_error",
                "the exchange did not answer");
            return;
        }
        final MessageWriter writer = MessageWriter.forThisThread();
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, writer.encode(ctx.alloc(), json ->
        {
            json.writeStartArray();
            for (final Candle candle : candles)
            {
                MessageWriter.candle(json, candle, false);
            }
            json.writeEndArray();
        }));
    }

    /** {@code [{"symbol","baseAsset","quoteAsset","pricePrecision","quantityPrecision","status","exchanges"}]}. */
    void symbols(final ChannelHandlerContext ctx, final boolean keepAlive)
    {
        final List<SymbolFormat> listed = context.symbols().listed();
        final MessageWriter writer = MessageWriter.forThisThread();
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, writer.encode(ctx.alloc(), json ->
        {
            json.writeStartArray();
            for (final SymbolFormat symbol : listed)
            {
                json.writeStartObject();
                json.writeStringField("symbol", symbol.symbol());
                json.writeStringField("baseAsset", symbol.baseAsset());
                json.writeStringField("quoteAsset", symbol.quoteAsset());
                json.writeNumberField("pricePrecision", symbol.pricePrecision());
                json.writeNumberField("quantityPrecision", symbol.quantityPrecision());
                json.writeStringField("status", symbol.status());
                json.writeArrayFieldStart("exchanges");
                final int venues = context.symbols().venues(symbol.symbol());
                for (final Venue venue : Venue.values())
                {
                    if ((venues & 1 << venue.ordinal()) != 0)
                    {
                        json.writeString(venue.code());
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }));
    }

    private static Long epochMs(final String raw, final String name)
    {
        if (raw == null)
        {
            return null;
        }
        try
        {
            final long value = Long.parseLong(raw);
            if (value >= 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // answered below
        }
        throw ApiException.badRequest("invalid_range", name + " must be epoch milliseconds, was " + raw);
    }
}
