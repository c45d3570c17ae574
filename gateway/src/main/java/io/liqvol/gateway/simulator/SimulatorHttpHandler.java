package io.liqvol.gateway.simulator;

import io.liqvol.engine.Venue;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.Future;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** REST requests of the simulated exchange, and the WebSocket upgrade to its stream routes. */
final class SimulatorHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    static final int MAX_FRAME_BYTES = 1 << 20;

    private final SimulatorHandlerParts simulator;

    SimulatorHttpHandler(final SimulatorHandlerParts simulator)
    {
        this.simulator = simulator;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        final String path = query.path();
        if (request.method() != HttpMethod.GET)
        {
            respond(ctx, request, SimulatorRestApi.error(-1000, "Only GET is served."));
        }
        else if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true))
        {
            upgrade(ctx, request, query);
        }
        else if (path.endsWith("/v5/market/instruments-info"))
        {
            respond(ctx, request, new SimulatorRestApi.Response(HttpResponseStatus.OK,
                VenueInstruments.bybitInstruments(simulator.config().symbols(), intParameter(query, "cursor", 0),
                    intParameter(query, "limit", 500), simulator.nowMs())));
        }
        else if (path.endsWith("/api/v5/public/instruments"))
        {
            respond(ctx, request, new SimulatorRestApi.Response(HttpResponseStatus.OK,
                VenueInstruments.okxInstruments(simulator.config().symbols())));
        }
        else if (path.endsWith("/fapi/v1/exchangeInfo"))
        {
            onMarket(ctx, request, () -> simulator.restApi().exchangeInfo(simulator.nowMs()));
        }
        else if (path.endsWith("/fapi/v1/klines"))
        {
            simulator.counters().increment(SimulatorCounters.KLINES_REQUESTS);
            onMarket(ctx, request, () -> simulator.restApi().klines(query, simulator.nowMs()));
        }
        else if (path.endsWith("/fapi/v1/ping"))
        {
            respond(ctx, request, new SimulatorRestApi.Response(HttpResponseStatus.OK, "{}"));
        }
        else if (path.endsWith("/fapi/v1/time"))
        {
            respond(ctx, request,
                new SimulatorRestApi.Response(HttpResponseStatus.OK, "{\"serverTime\":" + simulator.nowMs() + "}"));
        }
        else
        {
            respond(ctx, request, new SimulatorRestApi.Response(HttpResponseStatus.NOT_FOUND,
                "{\"code\":-1000,\"msg\":\"Not found.\"}"));
        }
    }

    private static int intParameter(final QueryStringDecoder query, final String name, final int otherwise)
    {
        final List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() || !values.get(0).matches("[0-9]{1,6}")
            ? otherwise
            : Integer.parseInt(values.get(0));
    }

    private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final QueryStringDecoder query)
    {
        final Venue venue = query.path().endsWith("/v5/public/linear") ? Venue.BYBIT
            : query.path().endsWith("/ws/v5/public") ? Venue.OKX : null;
        if (venue != null)
        {
            upgradeVenue(ctx, request, venue);
            return;
        }
        final List<String> streamsParam = query.parameters().get("streams");
        final WebSocketRoute route = WebSocketRoute.parse(query.path(),
            streamsParam == null || streamsParam.isEmpty() ? null : streamsParam.get(0));
        if (route == null)
        {
            respond(ctx, request, new SimulatorRestApi.Response(HttpResponseStatus.NOT_FOUND,
                "{\"code\":-1000,\"msg\":\"No such stream route.\"}"));
            return;
        }
        if (route.streams().size() > simulator.config().maxStreamsPerConnection())
        {
            respond(ctx, request, SimulatorRestApi.error(-1000, "Too many streams for one connection."));
            return;
        }
        final SimulatorSession session = new SimulatorSession(ctx.channel(), route.combined());
        switchToWebSocket(ctx, request, new SimulatorWebSocketHandler(simulator, session), () ->
        {
            simulator.counters().increment(SimulatorCounters.CONNECTIONS_ACCEPTED);
            simulator.market().execute(() -> simulator.hub().open(session, route.streams()));
        });
    }

    private void upgradeVenue(final ChannelHandlerContext ctx, final FullHttpRequest request, final Venue venue)
    {
        final VenueSession session = new VenueSession(venue, ctx.channel(), simulator.nowMs());
        switchToWebSocket(ctx, request, new VenueWebSocketHandler(simulator, session),
            () -> simulator.market().execute(() -> simulator.venues().open(session)));
    }

    /** Completes the handshake, then hands the connection to the session's handler and runs {@code opened}. */
    private static void switchToWebSocket(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final ChannelHandler session, final Runnable opened)
    {
        final String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        final WebSocketServerHandshaker handshaker =
            new WebSocketServerHandshakerFactory(location, null, true, MAX_FRAME_BYTES).newHandshaker(request);
        if (handshaker == null)
        {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        handshaker.handshake(ctx.channel(), request).addListener(done ->
        {
            if (done.isSuccess())
            {
                ctx.pipeline().addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
                ctx.pipeline().addAfter("ws-aggregator", "ws-session", session);
                ctx.pipeline().remove(ctx.name());
                opened.run();
            }
        });
    }

    private void onMarket(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final Callable<SimulatorRestApi.Response> answer)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final Future<SimulatorRestApi.Response> answered = simulator.market().submit(answer);
        answered.addListener(done ->
        {
            final SimulatorRestApi.Response response = answered.isSuccess()
                ? answered.getNow()
                : new SimulatorRestApi.Response(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    "{\"code\":-1000,\"msg\":\"Internal error.\"}");
            write(ctx, keepAlive, response);
        });
    }

    private static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final SimulatorRestApi.Response response)
    {
        write(ctx, HttpUtil.isKeepAlive(request), response);
    }

    private static void write(final ChannelHandlerContext ctx, final boolean keepAlive,
        final SimulatorRestApi.Response response)
    {
        final FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
            Unpooled.copiedBuffer(response.json(), StandardCharsets.UTF_8));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(http, http.content().readableBytes());
        HttpUtil.setKeepAlive(http, keepAlive);
        final ChannelFuture written = ctx.writeAndFlush(http);
        if (!keepAlive)
        {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
