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
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

import java.io.IOException;
import java.util.List;

/**
 * Routes one connection's HTTP requests: WebSocket upgrades to a stream handler (after the Origin check),
 * the REST API, health, metrics and the static page; applies the request-rate limit. Every error is JSON.
 */
final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest>
{
    static final String WS_PREFIX = "/api/v1/ws/";

    private final ServerHandlerParts context;
    private final RestApi rest;
    private final MarketDataApi marketData;
    private final StaticFiles staticFiles;
    private final HealthReport healthReport;
    private TokenBucket rate;

    HttpRequestRouter(
        final ServerHandlerParts context, final RestApi rest, final MarketDataApi marketData,
        final StaticFiles staticFiles, final HealthReport healthReport)
    {
        this.context = context;
        this.rest = rest;
        this.marketData = marketData;
        this.staticFiles = staticFiles;
        this.healthReport = healthReport;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        rate = new TokenBucket(context.config().requestsPerSecond(), System.nanoTime());
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
        if (!rate.tryAcquire(System.nanoTime()))
        {
            context.metrics().increment(GatewayMetrics.REQUESTS_RATE_LIMITED);
            reject(ctx, keepAlive, HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited",
                "more than " + context.config().requestsPerSecond() + " requests per second");
            return;
        }
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        final String path = query.path();
        try
        {
            if (path.startsWith(WS_PREFIX))
            {
                upgrade(ctx, request, path);
            }
            else if (!HttpMethod.GET.equals(request.method()))
            {
                throw new ApiException(
                    HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "only GET is served");
            }
            else if (path.startsWith(RestApi.VOLUME_PREFIX))
            {
                rest.volume(ctx, keepAlive, query);
            }
            else if (path.startsWith(RestApi.LIQUIDATIONS_PREFIX))
            {
                rest.liquidations(ctx, keepAlive, query);
            }
            else if (path.equals(RestApi.GAPS_PATH))
            {
                rest.gaps(ctx, keepAlive, query);
            }
            else if (path.startsWith(MarketDataApi.KLINES_PREFIX))
            {
                marketData.klines(ctx, keepAlive, query);
            }
            else if (path.equals(MarketDataApi.SYMBOLS_PATH))
            {
                marketData.symbols(ctx, keepAlive);
            }
            else if (path.equals("/health"))
            {
                health(ctx, keepAlive);
            }
            else if (path.equals("/metrics"))
            {
                HttpResponses.text(
                    ctx, keepAlive, "text/plain; version=0.0.4; charset=utf-8", context.metrics().render());
            }
            else
            {
                staticFile(ctx, keepAlive, request, path);
            }
        }
        catch (final ApiException e)
        {
            context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
            HttpResponses.error(ctx, keepAlive, e);
        }
    }

    private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest request, final String path)
    {
        if (!HttpMethod.GET.equals(request.method())
            || !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true))
        {
            throw ApiException.badRequest("websocket_expected", "this path is a WebSocket endpoint");
        }
        if (!OriginPolicy.allows(
            request.headers().get(HttpHeaderNames.ORIGIN), request.headers().get(HttpHeaderNames.HOST),
            context.config().allowedOrigins()))
        {
            context.metrics().increment(GatewayMetrics.ORIGINS_REJECTED);
            throw new ApiException(HttpResponseStatus.FORBIDDEN, "origin_not_allowed",
                "origin not allowed: " + request.headers().get(HttpHeaderNames.ORIGIN));
        }
        final ChannelHandler stream;
        if (path.startsWith(LiquidationStreamHandler.PATH_PREFIX))
        {
            stream = new LiquidationStreamHandler(context);
        }
        else if (path.startsWith(KlineStreamHandler.PATH_PREFIX))
        {
            stream = new KlineStreamHandler(context);
        }
        else
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such stream: " + path);
        }
        final ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), "ws-protocol", new WebSocketServerProtocolHandler(protocolConfig()));
        pipeline.addAfter("ws-protocol", "ws-stream", stream);
        pipeline.remove(this);
        ctx.fireChannelRead(request.retain());
    }

    private WebSocketServerProtocolConfig protocolConfig()
    {
        return WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/api/v1/ws")
            .checkStartsWith(true)
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .forceCloseTimeoutMillis(context.config().closeTimeoutMs())
            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(context.config().maxClientFrameBytes())
                .allowExtensions(false)
                .build())
            .build();
    }

    private void health(final ChannelHandlerContext ctx, final boolean keepAlive)
    {
        final MessageWriter writer = MessageWriter.forThisThread();
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, writer.encode(ctx.alloc(), json ->
        {
            final List<String> reasons = healthReport.degradedReasons();
            json.writeStartObject();
            json.writeStringField("status", reasons.isEmpty() ? "ok" : "degraded");
            json.writeArrayFieldStart("reasons");
            for (final String reason : reasons)
            {
                json.writeString(reason);
            }
            json.writeEndArray();
            healthReport.writeFields(json);
            json.writeObjectFieldStart("clients");
            json.writeNumberField("liquidations", context.metrics().liquidationClients());
            json.writeNumberField("klines", context.metrics().klineClients());
            json.writeNumberField("http_connections", context.metrics().httpConnections());
            json.writeNumberField("slow_closed", context.metrics().slowClientsClosed());
            json.writeEndObject();
            json.writeEndObject();
        }));
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
