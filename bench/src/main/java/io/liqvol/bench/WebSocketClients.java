package io.liqvol.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many real WebSocket clients (Netty) on a few event-loop threads. Each complete text message is handed to the
 * listener on the client's event loop with the {@link System#nanoTime()} at which it was read.
 */
final class WebSocketClients implements AutoCloseable
{
    /** Receives every text message of every client; called on the clients' event loops. */
    interface TextListener
    {
        void onText(int client, ByteBuf content, long receivedNs);
    }

    private static final int MAX_MESSAGE_BYTES = 4 << 20;

    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile boolean closing;

    WebSocketClients(final int threads)
    {
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-client"),
            NioIoHandler.newFactory());
    }

    /**
     * Opens {@code count} clients on {@code uri}, numbered from {@code firstClient}, at most {@code inFlight}
     * handshakes at a time, and waits until each has received its first message (the initial snapshot). Returns how
     * many did within the timeout.
     */
    int open(final URI uri, final int firstClient, final int count, final int inFlight, final TextListener listener,
        final long timeoutMs) throws InterruptedException
    {
        int ready = 0;
        for (int from = firstClient; from < firstClient + count; from += inFlight)
        {
            final int to = Math.min(firstClient + count, from + inFlight);
            final CountDownLatch firstMessages = new CountDownLatch(to - from);
            final List<ChannelFuture> connects = new ArrayList<>(to - from);
            for (int client = from; client < to; client++)
            {
                connects.add(bootstrap(uri, new ClientHandler(client, listener, firstMessages))
                    .connect(uri.getHost(), uri.getPort()));
            }
            for (final ChannelFuture connect : connects)
            {
                connect.awaitUninterruptibly(timeoutMs);
                if (connect.isSuccess())
                {
                    channels.add(connect.channel());
                }
            }
            firstMessages.await(timeoutMs, TimeUnit.MILLISECONDS);
            ready += (to - from) - (int)firstMessages.getCount();
            if (firstMessages.getCount() > 0)
            {
                break;
            }
        }
        return ready;
    }

    int openChannels()
    {
        int open = 0;
        for (final Channel channel : channels)
        {
            open += channel.isActive() ? 1 : 0;
        }
        return open;
    }

    long closedByServer()
    {
        return closedByServer.get();
    }

    @Override
    public void close()
    {
        closing = true;
        for (final Channel channel : channels)
        {
            channel.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Bootstrap bootstrap(final URI uri, final ClientHandler handler)
    {
        final WebSocketClientProtocolConfig protocol = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .generateOriginHeader(false)
            .maxFramePayloadLength(MAX_MESSAGE_BYTES)
            .handshakeTimeoutMillis(30_000)
            .build();
        return new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(65_536))
                        .addLast(new WebSocketClientProtocolHandler(protocol))
                        .addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                        .addLast(handler);
                }
            });
    }

    /** Hands each text message to the listener; counts the first message and a close the harness did not ask for. */
    private final class ClientHandler extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        private final int client;
        private final TextListener listener;
        private final CountDownLatch firstMessages;
        private boolean first = true;

        ClientHandler(final int client, final TextListener listener, final CountDownLatch firstMessages)
        {
            this.client = client;
            this.listener = listener;
            this.firstMessages = firstMessages;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
        {
            final long receivedNs = System.nanoTime();
            listener.onText(client, frame.content(), receivedNs);
            if (first)
            {
                first = false;
                firstMessages.countDown();
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (!closing)
            {
                closedByServer.incrementAndGet();
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
