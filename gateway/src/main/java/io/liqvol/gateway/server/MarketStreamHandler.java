package io.liqvol.gateway.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * One client of {@code /api/v1/ws/liquidations[?min_usdt=&exchange=]} (docs/API.md §3.8): every liquidation of the
 * market as it is published, only those of the selected venues and of at least {@code min_usdt} notional, filtered
 * before they are encoded.
 */
final class MarketStreamHandler extends StreamHandler
{
    static final String PATH = "/api/v1/ws/liquidations";

    private long minUsdtE8;
    private VenueSelection venues;

    MarketStreamHandler(final ServerHandlerParts context)
    {
        super(context);
    }

    /** The threshold of an upgrade request; a 400 {@code invalid_min_usdt} before the upgrade when it is bad. */
    static long minUsdtE8(final QueryStringDecoder request)
    {
        return RequestValidator.minUsdtE8(parameter(request, "min_usdt"));
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        minUsdtE8 = minUsdtE8(request);
        venues = venues(request);
        outbound = new ClientOutbound(channel, context.config(), context.fanOutLoops().of(channel.eventLoop()));
        outbound.release();
        context.subscriptions().market().add(minUsdtE8, venues.mask(), outbound);
    }

    @Override
    protected void onRange(final Channel channel, final ClientMessage message)
    {
        throw ApiException.badRequest("invalid_message", "the all-symbols stream takes no range");
    }

    @Override
    protected void stop()
    {
        context.subscriptions().market().remove(minUsdtE8, venues.mask(), outbound);
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().add(GatewayMetrics.MARKET_CLIENTS, delta);
    }
}
