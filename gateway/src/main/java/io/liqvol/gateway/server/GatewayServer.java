package io.liqvol.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.liqvol.engine.InvalidSettingException;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client-facing HTTP and WebSocket server (docs/API.md §3, §4): binds, and on {@link #close()} stops
 * accepting, closes every WebSocket client with 1001 and waits for them within the close timeout. With an API
 * tokens file, reads it every second and closes the streams of revoked tokens with 1008; with an admin port, serves
 * /metrics and the full /health there.
 */
public final class GatewayServer implements AutoCloseable
{
    /** How often the API tokens file is read again. */
    static final long TOKENS_RELOAD_MS = 1_000L;

    private final ServerHandlerParts context;
    private final Channel serverChannel;
    /** Null without admin port. */
    private final Channel adminChannel;
    private final QueryScheduler queries;
    /** Null without tokens file. */
    private final ScheduledExecutorService tokenReloads;

    private GatewayServer(final ServerHandlerParts context, final Channel serverChannel, final Channel adminChannel,
        final QueryScheduler queries, final ScheduledExecutorService tokenReloads)
    {
        this.context = context;
        this.serverChannel = serverChannel;
        this.adminChannel = adminChannel;
        this.queries = queries;
        this.tokenReloads = tokenReloads;
    }

    /** The parts the server is built from; {@code alerts} may be null (no alert routes). */
    public record Parts(
        ServerConfig config,
        GatewayMetrics metrics,
        Subscriptions subscriptions,
        SymbolDirectory symbols,
        LiquidationHistory history,
        MarketData marketData,
        HealthReport healthReport,
        EventLoopGroup group,
        AlertService alerts)
    {
        /** Without alerts. */
        public Parts(final ServerConfig config, final GatewayMetrics metrics, final Subscriptions subscriptions,
            final SymbolDirectory symbols, final LiquidationHistory history, final MarketData marketData,
            final HealthReport healthReport, final EventLoopGroup group)
        {
            this(config, metrics, subscriptions, symbols, history, marketData, healthReport, group, null);
        }
    }

    public static GatewayServer start(final Parts parts) throws InterruptedException
    {
        final ServerConfig config = parts.config().conclude();
        final AccessTokens tokens = new AccessTokens(config.apiToken(), config.apiTokensFile());
        final SslContext tls = tls(config);
        final QueryScheduler queries = new QueryScheduler(
            config.queryThreads(), config.queryBudget(), config.queryBudgetPerAddress(), parts.metrics());
        final KlineRequests klines = new KlineRequests(parts.marketData(), new KlineCache(KlineRequests.CACHE_CANDLES),
            new RequestWeightBudget(config.upstreamWeightPerMinute()), parts.metrics());
        final ChannelGroup webSockets = new DefaultChannelGroup("liqvol-websockets", GlobalEventExecutor.INSTANCE);
        final ServerHandlerParts context = new ServerHandlerParts(
            config,
            parts.metrics(),
            parts.subscriptions(),
            parts.symbols(),
            parts.history(),
            new RequestValidator(
                parts.symbols(), parts.history(), config.maxRangeBuckets(), config.defaultRangeBuckets()),
            queries,
            webSockets,
            klines,
            new KlineRelay(klines, PooledByteBufAllocator.DEFAULT),
            new FanOutLoops(parts.metrics(), config.outboundQueueMessages()),
            tokens,
            parts.alerts(),
            new OverviewFeed(parts.history(), parts.metrics(), FanOutPublisher.allocator()));
        final ConnectionLimiter limiter = new ConnectionLimiter(config, parts.metrics());
        final StaticFiles staticFiles = new StaticFiles("static", GatewayServer.class.getClassLoader());
        final OriginPolicy origins = OriginPolicy.of(config);
        final HealthEndpoints health = new HealthEndpoints(parts.healthReport(), parts.metrics());
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(parts.group())
            .channel(Transport.serverChannel(parts.group()))
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes()))
            .childHandler(new GatewayServerInitializer(
                context, limiter, origins, staticFiles, health, tls));
        if (config.socketSendBufferBytes() > 0)
        {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.socketSendBufferBytes());
        }
        Channel channel = null;
        try
        {
            channel = bootstrap.bind(config.host(), config.port()).sync().channel();
            final Channel admin = config.adminPortEnabled() ? bindAdmin(parts, origins, health) : null;
            final ScheduledExecutorService reloads = config.apiTokensFile() == null ? null : watchTokens(context);
            return new GatewayServer(context, channel, admin, queries, reloads);
        }
        catch (final RuntimeException | InterruptedException e)
        {
            if (channel != null)
            {
                channel.close();
            }
            queries.interrupt();
            context.overview().close();
            throw e;
        }
    }

    private static SslContext tls(final ServerConfig config)
    {
        if (!config.tlsEnabled())
        {
            return null;
        }
        try
        {
            return SslContextBuilder.forServer(config.tlsCertFile().toFile(), config.tlsKeyFile().toFile()).build();
        }
        catch (final javax.net.ssl.SSLException | IllegalArgumentException e)
        {
            throw new InvalidSettingException("tlsCert", "and tlsKey are not a PEM certificate chain and its PKCS#8"
                + " key: " + e.getMessage());
        }
    }

    private static Channel bindAdmin(final Parts parts, final OriginPolicy origins, final HealthEndpoints health)
        throws InterruptedException
    {
        final AdminRouter router = new AdminRouter(origins, health);
        return new ServerBootstrap()
            .group(parts.group())
            .channel(Transport.serverChannel(parts.group()))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), router);
                }
            })
            .bind(parts.config().adminHost(), parts.config().adminPort()).sync().channel();
    }

    private static ScheduledExecutorService watchTokens(final ServerHandlerParts context)
    {
        final ScheduledExecutorService reloads =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("liqvol-tokens", true));
        reloads.scheduleWithFixedDelay(() ->
        {
            if (context.tokens().reload())
            {
                closeRevoked(context);
            }
        }, TOKENS_RELOAD_MS, TOKENS_RELOAD_MS, TimeUnit.MILLISECONDS);
        return reloads;
    }

    /** Closes with 1008 every stream whose token is no longer accepted. */
    private static void closeRevoked(final ServerHandlerParts context)
    {
        for (final Channel channel : context.webSockets())
        {
            final String token = channel.attr(AccessTokens.CHANNEL_TOKEN).get();
            if (token != null && !context.tokens().accepts(token))
            {
                context.metrics().increment(GatewayMetrics.TOKENS_REVOKED_CLOSED);
                channel.eventLoop().execute(() -> ClientOutbound.closeWith(channel,
                    WebSocketCloseStatus.POLICY_VIOLATION.code(), "token revoked", context.config().closeTimeoutMs()));
            }
        }
    }

    /** The bound port (useful with port 0). */
    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    public String host()
    {
        return context.config().host();
    }

    public String scheme()
    {
        return context.config().tlsEnabled() ? "https" : "http";
    }

    /** The bound admin port, or -1 without one. */
    public int adminPort()
    {
        return adminChannel == null ? -1 : ((InetSocketAddress)adminChannel.localAddress()).getPort();
    }

    /**
     * Stops accepting, closes WebSocket clients with 1001 "server shutting down", waits for them within the
     * close timeout. An interrupt cuts the wait short and is kept on the thread.
     */
    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
        if (adminChannel != null)
        {
            adminChannel.close().syncUninterruptibly();
        }
        if (tokenReloads != null)
        {
            tokenReloads.shutdownNow();
        }
        final int goingAway = WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code();
        final long closeTimeoutMs = context.config().closeTimeoutMs();
        for (final Channel channel : context.webSockets())
        {
            channel.eventLoop().execute(
                () -> ClientOutbound.closeWith(channel, goingAway, "server shutting down", closeTimeoutMs));
        }
        try
        {
            context.webSockets().newCloseFuture()
                .await(context.config().closeTimeoutMs() + 1000, TimeUnit.MILLISECONDS);
            context.overview().close();
            queries.close(context.config().closeTimeoutMs());
        }
        catch (final InterruptedException e)
        {
            queries.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
