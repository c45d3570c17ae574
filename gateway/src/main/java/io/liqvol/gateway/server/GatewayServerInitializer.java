package io.liqvol.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/**
 * The pipeline of a client connection: connection limits, TLS when configured, HTTP codec within the
 * request-header deadline, the idle timeout of HTTP connections (replaced by {@link KeepAlive} on a WebSocket
 * upgrade), gzip, aggregation within the request-size limit, flow control (a request answered off the event loop
 * pauses reading, {@link HttpResponses#pauseReads}), then the router, which checks the Host and upgrades WebSocket
 * requests in place.
 */
final class GatewayServerInitializer extends ChannelInitializer<SocketChannel>
{
    /** The HTTP idle timeout's handler, which a WebSocket upgrade replaces with {@link KeepAlive}. */
    static final String IDLE = "idle";
    private static final int MAX_INITIAL_LINE_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 8192;
    private static final int MAX_CHUNK_BYTES = 8192;

    private final ServerHandlerParts context;
    private final ConnectionLimiter limiter;
    private final OriginPolicy origins;
    private final RestApi rest;
    private final MarketDataApi marketData;
    private final StaticFiles staticFiles;
    private final HealthEndpoints health;
    /** Null without TLS. */
    private final SslContext tls;

    GatewayServerInitializer(
        final ServerHandlerParts context, final ConnectionLimiter limiter, final OriginPolicy origins,
        final StaticFiles staticFiles, final HealthEndpoints health, final SslContext tls)
    {
        this.context = context;
        this.limiter = limiter;
        this.origins = origins;
        this.rest = new RestApi(context);
        this.marketData = new MarketDataApi(context);
        this.staticFiles = staticFiles;
        this.health = health;
        this.tls = tls;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline().addLast("limit", limiter);
        if (tls != null)
        {
            channel.pipeline().addLast("tls", tls.newHandler(channel.alloc()));
        }
        addHttpHandlers(channel.pipeline());
    }

    /** Everything after the connection limits: what a connection's bytes go through once it is admitted. */
    void addHttpHandlers(final ChannelPipeline pipeline)
    {
        final ServerConfig config = context.config();
        final HeaderDeadline headerDeadline = new HeaderDeadline(config.headerTimeoutMs(), context.metrics());
        pipeline.addLast(HeaderDeadline.START, headerDeadline.start());
        pipeline.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
        pipeline.addLast(HeaderDeadline.END, headerDeadline.end());
        pipeline.addLast(IDLE, new IdleStateHandler(ServerConfig.HTTP_IDLE_MS, 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("gzip", new HttpContentCompressor());
        pipeline.addLast("aggregate",
            new JsonHttpObjectAggregator(config.maxHttpRequestBytes(), config.closeTimeoutMs()));
        pipeline.addLast("flow", new FlowControlHandler());
        pipeline.addLast("router",
            new HttpRequestRouter(context, origins, rest, marketData, staticFiles, health));
    }
}
