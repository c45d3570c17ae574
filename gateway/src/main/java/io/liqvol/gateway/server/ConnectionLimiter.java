package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections, in total and per remote address, and keeps the last of them in reserve for addresses that
 * hold only a few (docs/API.md §5): addresses that took everything else cannot lock newcomers out. A connection
 * over a cap gets a JSON 503 and is closed before any request is read.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter
{
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("liqvol.counted");
    private static final byte[] REFUSAL = HttpResponses.closingError(
        "503 Service Unavailable", "too_many_connections", "connection limit reached");

    private final int maxConnections;
    private final int maxPerAddress;
    /** Above this many open connections, only addresses holding fewer than the reserve's share get one. */
    private final int unreservedConnections;
    private final GatewayMetrics metrics;
    /** Their connections carry many clients: counted only toward the total. */
    private final List<InetAddress> trustedProxies;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> openByAddress = new ConcurrentHashMap<>();

    ConnectionLimiter(final ServerConfig config, final GatewayMetrics metrics)
    {
        this.maxConnections = config.maxConnections();
        this.maxPerAddress = config.maxConnectionsPerAddress();
        this.unreservedConnections = config.maxConnections() - config.reservedConnections();
        this.metrics = metrics;
        this.trustedProxies = config.trustedProxyAddresses();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        final InetAddress address = addressOf(ctx.channel().remoteAddress());
        final int openConnections = open.incrementAndGet();
        if (openConnections > maxConnections || !admitAddress(address, openConnections > unreservedConnections))
        {
            open.decrementAndGet();
            metrics.increment(GatewayMetrics.CONNECTIONS_REJECTED);
            final ByteBuf refusal = Unpooled.wrappedBuffer(REFUSAL);
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.channel().attr(COUNTED).set(address);
        metrics.increment(GatewayMetrics.HTTP_CONNECTIONS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception
    {
        if (ctx.channel().hasAttr(COUNTED))
        {
            super.channelRead(ctx, msg);
        }
        else
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        final InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null)
        {
            open.decrementAndGet();
            metrics.add(GatewayMetrics.HTTP_CONNECTIONS, -1);
            openByAddress.computeIfPresent(address, (key, count) -> count.decrementAndGet() == 0 ? null : count);
            super.channelInactive(ctx);
        }
    }

    private boolean admitAddress(final InetAddress address, final boolean fromReserve)
    {
        if (trustedProxies.contains(address))
        {
            return true;
        }
        final int perAddress =
            fromReserve ? Math.min(maxPerAddress, ServerConfig.RESERVE_PER_ADDRESS) : maxPerAddress;
        final boolean[] admitted = new boolean[1];
        openByAddress.compute(address, (key, count) ->
        {
            final AtomicInteger current = count == null ? new AtomicInteger() : count;
            admitted[0] = current.get() < perAddress;
            if (admitted[0])
            {
                current.incrementAndGet();
            }
            return current.get() == 0 ? null : current;
        });
        return admitted[0];
    }

    /** The remote address of a connection (loopback for channels without one, as in tests). */
    static InetAddress addressOf(final SocketAddress remote)
    {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }
}
