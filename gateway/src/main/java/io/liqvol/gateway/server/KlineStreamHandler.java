package io.liqvol.gateway.server;

import io.liqvol.engine.Interval;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * One client of {@code /api/v1/ws/klines/{symbol}?timeframe=}: relays the exchange's live candles through
 * the shared {@link KlineRelay}, so the page needs one origin only.
 */
final class KlineStreamHandler extends StreamHandler
{
    static final String PATH_PREFIX = "/api/v1/ws/klines/";

    private String interval;

    KlineStreamHandler(final ServerHandlerParts context)
    {
        super(context);
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        symbol = context.validator().symbol(request.path().substring(PATH_PREFIX.length()));
        final Interval timeframe = RequestValidator.anyTimeframe(parameter(request, "timeframe"));
        interval = timeframe.code();
        outbound = new ClientOutbound(channel, context.config(), context.fanOutLoops().of(channel.eventLoop()));
        context.klines().join(symbol, interval, outbound);
        outbound.release();
    }

    @Override
    protected void onRange(final Channel channel, final ClientMessage message)
    {
        throw ApiException.badRequest("invalid_message", "a kline stream takes no range; use GET /api/v1/klines");
    }

    @Override
    protected void stop()
    {
        context.klines().leave(symbol, interval, outbound);
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().add(GatewayMetrics.KLINE_CLIENTS, delta);
    }
}
