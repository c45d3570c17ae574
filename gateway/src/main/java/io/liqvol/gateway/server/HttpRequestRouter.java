package io.liqvol.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * Routes one connection's HTTP requests for an allowed Host: WebSocket upgrades to a stream handler (after the
 * Origin check), the REST API, health, metrics and the static page; applies the request-rate limit. Every error is
 * JSON.
 */
final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest>
{
    static final String WS_PREFIX = "/api/v1/ws/";
    /** Everything under it needs an API token when tokens are configured. */
    static final String API_PREFIX = "/api/";
    static final int CATCHING_UP_RETRY_SECONDS = 1;

    private final ServerHandlerParts context;
    private final OriginPolicy origins;
    private final RestApi rest;
    private final MarketDataApi marketData;
    private final StaticFiles staticFiles;
    private final HealthEndpoints health;
    private final AlertsApi alerts;
    private TokenBucket rate;
    private List<InetAddress> trustedProxies;

    HttpRequestRouter(
        final ServerHandlerParts context, final OriginPolicy origins, final RestApi rest,
        final MarketDataApi marketData, final StaticFiles staticFiles, final HealthEndpoints health)
    {
        this.context = context;
        this.origins = origins;
        this.rest = rest;
        this.marketData = marketData;
        this.staticFiles = staticFiles;
        this.health = health;
        this.alerts = new AlertsApi(context);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        rate = new TokenBucket(context.config().requestsPerSecond(), System.nanoTime());
        trustedProxies = context.config().trustedProxyAddresses();
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        context.metrics().increment(GatewayMetrics.HTTP_REQUESTS);
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess())
        {
            reject(ctx, false, HttpResponseStatus.BAD_REQUEST, "bad_request", "the request could not be decoded");
            return;
        }
        if (!origins.allowsHost(request.headers().get(HttpHeaderNames.HOST)))
        {
            context.metrics().increment(GatewayMetrics.HOSTS_REJECTED);
            reject(ctx, false, HttpResponseStatus.MISDIRECTED_REQUEST, "host_not_allowed",
                "this server does not serve that host; see --allowed-hosts");
            return;
        }
        if (!rate.tryAcquire(System.nanoTime()))
        {
            context.metrics().increment(GatewayMetrics.REQUESTS_RATE_LIMITED);
            reject(ctx, keepAlive, HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited",
                "more than " + context.config().requestsPerSecond() + " requests per second");
            return;
        }
        ClientAddress.update(ctx.channel(), request.headers(), trustedProxies);
        final QueryStringDecoder query;
        try
        {
            query = RequestTarget.decode(request.uri());
        }
        catch (final ApiException e)
        {
            // as for any request that cannot be decoded, the connection is closed
            reject(ctx, false, e.status(), e.code(), e.getMessage());
            return;
        }
        try
        {
            if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())
                && !AlertsApi.routes(query.path()))
            {
                throw new ApiException(
                    HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "only GET and HEAD are served");
            }
            if (query.path().startsWith(API_PREFIX) && !context.config().clientsAdmitted())
            {
                throw ApiException.retryLater(HttpResponseStatus.SERVICE_UNAVAILABLE, "catching_up",
                    "this edge is catching up with its recorder", CATCHING_UP_RETRY_SECONDS);
            }
            if (query.path().startsWith(WS_PREFIX))
            {
                upgrade(ctx, request, query);
            }
            else
            {
                route(ctx, keepAlive, request, query);
            }
        }
        catch (final ApiException e)
        {
            context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
            HttpResponses.error(ctx, keepAlive, e);
        }
    }

    /**
     * A GET or HEAD of a plain path, or any request to an alert route; the HTTP codec leaves the body out of an answer
     * to HEAD.
     */
    private void route(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpRequest request,
        final QueryStringDecoder query)
    {
        final String path = query.path();
        final String token = PresentedToken.bearer(request.headers());
        if (path.startsWith(API_PREFIX))
        {
            authorize(token);
        }
        if (path.startsWith(RestApi.VOLUME_PREFIX))
        {
            rest.volume(ctx, keepAlive, request, query);
        }
        else if (path.startsWith(RestApi.LIQUIDATIONS_PREFIX))
        {
            rest.liquidations(ctx, keepAlive, request, query);
        }
        else if (path.equals(RestApi.ALL_LIQUIDATIONS_PATH))
        {
            rest.allLiquidations(ctx, keepAlive, request, query);
        }
        else if (AlertsApi.routes(path))
        {
            alerts.answer(ctx, keepAlive, request, query);
        }
        else if (path.startsWith(RestApi.HEATMAP_PREFIX))
        {
            rest.heatmap(ctx, keepAlive, request, query);
        }
        else if (path.equals(RestApi.GAPS_PATH))
        {
            rest.gaps(ctx, keepAlive, query);
        }
        else if (path.equals(RestApi.OVERVIEW_PATH))
        {
            rest.overview(ctx, keepAlive, query);
        }
        else if (path.equals(RestApi.MARKET_VOLUME_PATH))
        {
            rest.marketVolume(ctx, keepAlive, request, query);
        }
        else if (path.equals(RestApi.DISTRIBUTION_PATH))
        {
            rest.distribution(ctx, keepAlive, query);
        }
        else if (path.startsWith(MarketDataApi.KLINES_PREFIX))
        {
            marketData.klines(ctx, keepAlive, query);
        }
        else if (path.equals(MarketDataApi.SYMBOLS_PATH))
        {
            RequestTarget.requireKnownParameters(query, List.of());
            marketData.symbols(ctx, keepAlive);
        }
        else if (HealthEndpoints.handles(path))
        {
            RequestTarget.requireKnownParameters(query, List.of());
            health.answer(ctx, keepAlive, path,
                !context.config().adminPortEnabled() && context.tokens().accepts(token));
        }
        else if (path.equals("/metrics") && !context.config().adminPortEnabled())
        {
            RequestTarget.requireKnownParameters(query, List.of());
            authorize(token);
            health.metrics(ctx, keepAlive);
        }
        else
        {
            staticFile(ctx, keepAlive, request, path);
        }
    }

    /** Throws 401 unless the token is a current one or none is required; which tokens exist is never said. */
    private void authorize(final String token)
    {
        if (!context.tokens().accepts(token))
        {
            context.metrics().increment(GatewayMetrics.AUTH_REJECTED);
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "unauthorized",
                token == null ? "an API token is required" : "the API token is not valid");
        }
    }

    private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final QueryStringDecoder query)
    {
        final String path = query.path();
        if (!HttpMethod.GET.equals(request.method())
            || !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true))
        {
            throw ApiException.badRequest("websocket_expected", "this path is a WebSocket endpoint");
        }
        if (!origins.allowsOrigin(
            request.headers().get(HttpHeaderNames.ORIGIN), request.headers().get(HttpHeaderNames.HOST)))
        {
            context.metrics().increment(GatewayMetrics.ORIGINS_REJECTED);
            throw new ApiException(HttpResponseStatus.FORBIDDEN, "origin_not_allowed",
                "origin not allowed: " + request.headers().get(HttpHeaderNames.ORIGIN));
        }
        final String token = PresentedToken.webSocket(request.headers(), query);
        authorize(token);
        if (context.tokens().required())
        {
            ctx.channel().attr(AccessTokens.CHANNEL_TOKEN).set(token);
        }
        final ChannelHandler stream;
        if (path.equals(MarketStreamHandler.PATH))
        {
            MarketStreamHandler.minUsdtE8(query);
            StreamHandler.venues(query);
            stream = new MarketStreamHandler(context);
        }
        else if (path.equals(OverviewStreamHandler.PATH))
        {
            OverviewStreamHandler.window(query);
            StreamHandler.venues(query);
            stream = new OverviewStreamHandler(context);
        }
        else if (path.startsWith(LiquidationStreamHandler.PATH_PREFIX))
        {
            LiquidationStreamHandler.volume(query);
            stream = new LiquidationStreamHandler(context);
        }
        else if (path.startsWith(KlineStreamHandler.PATH_PREFIX))
        {
            stream = new KlineStreamHandler(context);
        }
        else if (path.equals(AlertStreamHandler.PATH) && context.alerts() != null)
        {
            stream = new AlertStreamHandler(context);
        }
        else
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such stream: " + path);
        }
        final ChannelPipeline pipeline = ctx.pipeline();
        // a stream's frames are not request headers
        pipeline.remove(HeaderDeadline.START);
        pipeline.remove(HeaderDeadline.END);
        pipeline.addAfter(ctx.name(), "ws-protocol", new WebSocketServerProtocolHandler(
            protocolConfig(PresentedToken.subprotocol(request.headers()))));
        pipeline.addBefore("ws-protocol", "ws-close-check", CloseCodeCheck.INSTANCE);
        // a message may come in fragments; together they may carry no more than one frame may
        pipeline.addAfter("ws-protocol", "ws-aggregate",
            new WebSocketFrameAggregator(context.config().maxClientFrameBytes()));
        pipeline.addAfter("ws-aggregate", "ws-stream", stream);
        pipeline.remove(this);
        ctx.fireChannelRead(request.retain());
    }

    /** The token's subprotocol entry, if the client sent one, is echoed as the chosen protocol (browsers need it). */
    private WebSocketServerProtocolConfig protocolConfig(final String tokenProtocol)
    {
        return WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/api/v1/ws")
            .subprotocols(tokenProtocol)
            .checkStartsWith(true)
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .forceCloseTimeoutMillis(context.config().closeTimeoutMs())
            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(context.config().maxClientFrameBytes())
                .allowExtensions(false)
                // the stream answers a violation with its close code; netty's answer to a bad close is empty
                .closeOnProtocolViolation(false)
                .build())
            .build();
    }

    private void staticFile(
        final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpRequest request, final String path)
    {
        final StaticFiles.StaticFile file = staticFiles.find(path);
        if (file == null)
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such resource: " + path);
        }
        final FullHttpResponse response;
        if (file.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH)))
        {
            response =
                HttpResponses.response(HttpResponseStatus.NOT_MODIFIED, file.contentType(), Unpooled.EMPTY_BUFFER);
        }
        else
        {
            response = HttpResponses.response(
                HttpResponseStatus.OK, file.contentType(), Unpooled.wrappedBuffer(file.content()));
        }
        response.headers()
            .set(HttpHeaderNames.ETAG, file.etag())
            .set(HttpHeaderNames.CACHE_CONTROL, file.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        HttpResponses.send(ctx, keepAlive, response);
    }

    private void reject(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final String code, final String message)
    {
        context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
        HttpResponses.error(ctx, keepAlive, status, code, message);
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE)
        {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof IOException))
        {
            context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
        }
        ctx.close();
    }
}
