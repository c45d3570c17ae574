package io.liqvol.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The client-facing HTTP and WebSocket server (docs/API.md §3, §4): binds, and on {@link #close()} stops
 * accepting, closes every WebSocket client with 1001 and waits for them within the close timeout.
 */
public final class GatewayServer implements AutoCloseable
{
    private final ServerHandlerParts context;
    private final Channel serverChannel;
    private final QueryScheduler queries;

    private GatewayServer(
        final ServerHandlerParts context, final Channel serverChannel, final QueryScheduler queries)
    {
        this.context = context;
        this.serverChannel = serverChannel;
        this.queries = queries;
    }

    /** The parts the server is built from. */
    public record Parts(
        ServerConfig config,
        GatewayMetrics metrics,
        Subscriptions subscriptions,
        SymbolDirectory symbols,
        LiquidationHistory history,
        MarketData marketData,
        HealthReport healthReport,
        EventLoopGroup group)
    {
    }

    public static GatewayServer start(final Parts parts) throws InterruptedException
    {
        final ServerConfig config = parts.config().conclude();
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
            new FanOutLoops(parts.metrics(), config.outboundQueueMessages()));
        final ConnectionLimiter limiter = new ConnectionLimiter(config, parts.metrics());
        final StaticFiles staticFiles = new StaticFiles("static", GatewayServer.class.getClassLoader());
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(parts.group())
            .channel(Transport.serverChannel(parts.group()))
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(config.writeBufferLowBytes(), config.writeBufferHighBytes()))
            .childHandler(new GatewayServerInitializer(
                context, limiter, OriginPolicy.of(config), staticFiles, parts.healthReport()));
        if (config.socketSendBufferBytes() > 0)
        {
            bootstrap.childOption(ChannelOption.SO_SNDBUF, config.socketSendBufferBytes());
        }
        try
        {
            final Channel channel = bootstrap.bind(config.host(), config.port()).sync().channel();
            return new GatewayServer(context, channel, queries);
        }
        catch (final RuntimeException | InterruptedException e)
        {
            queries.interrupt();
            throw e;
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

    /**
     * Stops accepting, closes WebSocket clients with 1001 "server shutting down", waits for them within the
     * close timeout. An interrupt cuts the wait short and is kept on the thread.
     */
    @Override
    public void close()
    {
        serverChannel.close().syncUninterruptibly();
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
            queries.close(context.config().closeTimeoutMs());
        }
        catch (final InterruptedException e)
        {
            queries.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
