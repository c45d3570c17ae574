package io.liqvol.gateway.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport: Linux's native epoll where Netty's native library loads (fewer copies and system
 * calls per write, writev of several buffers), Java NIO elsewhere.
 */
public final class Transport
{
    private static final boolean NATIVE = Epoll.isAvailable();

    private Transport()
    {
    }

    /** {@code "epoll"} or {@code "nio"}. */
    public static String name()
    {
        return NATIVE ? "epoll" : "nio";
    }

    /** Event loops of the best transport; {@code threads} 0 means one per available processor. */
    public static IoEventLoopGroup group(final int threads, final String threadName)
    {
        final int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new MultiThreadIoEventLoopGroup(count, new DefaultThreadFactory(threadName),
            NATIVE ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** The server socket channel that fits the group's transport. */
    public static Class<? extends ServerSocketChannel> serverChannel(final EventLoopGroup group)
    {
        return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)
            ? EpollServerSocketChannel.class
            : NioServerSocketChannel.class;
    }
}
