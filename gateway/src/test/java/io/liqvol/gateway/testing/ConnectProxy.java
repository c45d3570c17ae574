package io.liqvol.gateway.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP CONNECT proxy on loopback, with basic authentication, that counts the tunnels it opened. It
 * resolves every target host to 127.0.0.1, like a desk's proxy that knows names the desk cannot resolve.
 */
public final class ConnectProxy implements AutoCloseable
{
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final String expectedAuthorization;
    private final Channel server;

    public ConnectProxy(final String user, final String password) throws InterruptedException
    {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
            .encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline().addLast("codec", new HttpServerCodec())
                        .addLast("aggregator", new HttpObjectAggregator(8192))
                        .addLast("connect", new ConnectHandler());
                }
            })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    }

    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** Hosts named in CONNECT requests, in order. */
    public List<String> targets()
    {
        return targets;
    }

    public int tunnels()
    {
        return tunnels.get();
    }

    public int refused()
    {
        return refused.get();
    }

    @Override
    public void close()
    {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class ConnectHandler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            if (request.method() != HttpMethod.CONNECT
                || !expectedAuthorization.equals(request.headers().get(HttpHeaderNames.PROXY_AUTHORIZATION)))
            {
                refused.incrementAndGet();
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.PROXY_AUTHENTICATION_REQUIRED, Unpooled.EMPTY_BUFFER))
                    .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            final String[] target = request.uri().split(":");
            targets.add(target[0]);
            final Channel inbound = ctx.channel();
            new Bootstrap()
                .group(inbound.eventLoop())
                .channel(NioSocketChannel.class)
                .handler(new Relay(inbound))
                .connect("127.0.0.1", Integer.parseInt(target[1]))
                .addListener((ChannelFutureListener)connected ->
                {
                    if (!connected.isSuccess())
                    {
                        inbound.close();
                        return;
                    }
                    tunnels.incrementAndGet();
                    inbound.pipeline().remove("codec");
                    inbound.pipeline().remove("aggregator");
                    inbound.pipeline().replace("connect", "relay", new Relay(connected.channel()));
                    inbound.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 200 Connection established\r\n\r\n",
                        StandardCharsets.US_ASCII));
                });
        }
    }

    /** Copies everything read on one side to the other; closes both together. */
    private static final class Relay extends ChannelInboundHandlerAdapter
    {
        private final Channel peer;

        Relay(final Channel peer)
        {
            this.peer = peer;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            peer.writeAndFlush(msg);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            peer.close();
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
