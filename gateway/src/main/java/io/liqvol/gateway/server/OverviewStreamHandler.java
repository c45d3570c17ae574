package io.liqvol.gateway.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * One client of {@code /api/v1/ws/overview[?window=]} (docs/API.md §3.7): the market overview of its window from
 * the shared {@link OverviewFeed}, at once and then whenever it changed, at most once a second.
 */
final class OverviewStreamHandler extends StreamHandler
{
    static final String PATH = "/api/v1/ws/overview";

    private String window;
    private VenueSelection venues;

    OverviewStreamHandler(final ServerHandlerParts context)
    {
        super(context);
    }

    /** The window label of an upgrade request; a 400 {@code invalid_window} before the upgrade when it is bad. */
    static String window(final QueryStringDecoder request)
    {
        return MarketWindow.parse(parameter(request, "window"), null, null, System.currentTimeMillis()).label();
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        window = window(request);
        venues = venues(request);
        outbound = new ClientOutbound(channel, context.config(), context.fanOutLoops().of(channel.eventLoop()));
        outbound.release();
        context.overview().join(window, venues, outbound);
    }

    @Override
    protected void onRange(final Channel channel, final ClientMessage message)
    {
        throw ApiException.badRequest("invalid_message", "the overview stream takes no range; connect with ?window=");
    }

    @Override
    protected void stop()
    {
        context.overview().leave(window, venues, outbound);
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().add(GatewayMetrics.OVERVIEW_CLIENTS, delta);
    }
}
