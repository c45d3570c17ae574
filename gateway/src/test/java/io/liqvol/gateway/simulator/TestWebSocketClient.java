package io.liqvol.gateway.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bare WebSocket client for tests: records what arrives, answers pings only when told to. */
public final class TestWebSocketClient implements AutoCloseable
{
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final Channel channel;
    private volatile int closeStatus = -1;

    private TestWebSocketClient(final URI uri, final boolean answerPings) throws InterruptedException
    {
        final WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
            uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 1 << 20);
        final Handler handler = new Handler(handshaker, answerPings);
        channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536), handler);
                }
            })
            .connect(uri.getHost(), uri.getPort())
            .sync()
            .channel();
        handler.handshakeDone.sync();
    }

    public static TestWebSocketClient connect(final String uri, final boolean answerPings)
    {
        try
        {
            return new TestWebSocketClient(URI.create(uri), answerPings);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    public void send(final String text)
    {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    public void sendPing()
    {
        channel.writeAndFlush(new PingWebSocketFrame()).syncUninterruptibly();
    }

    /** The next text frame, or null after the timeout. */
    public String next(final long timeoutMs)
    {
        try
        {
            return texts.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The next text frame that contains the fragment, skipping others; null after the timeout. */
    public String nextContaining(final String fragment, final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadlineNs)
        {
            final String text = next(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
            if (text != null && text.contains(fragment))
            {
                return text;
            }
        }
        return null;
    }

    public int pingsReceived()
    {
        return pings.get();
    }

    public boolean isOpen()
    {
        return channel.isActive();
    }

    /** The status of the close frame the server sent, -1 if none. */
    public int closeStatus()
    {
        return closeStatus;
    }

    @Override
    public void close()
    {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object>
    {
        private final WebSocketClientHandshaker handshaker;
        private final boolean answerPings;
        private ChannelPromise handshakeDone;

        Handler(final WebSocketClientHandshaker handshaker, final boolean answerPings)
        {
            this.handshaker = handshaker;
            this.answerPings = answerPings;
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            handshakeDone = ctx.newPromise();
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx)
        {
            handshaker.handshake(ctx.channel());
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!handshaker.isHandshakeComplete())
            {
                handshaker.finishHandshake(ctx.channel(), (FullHttpResponse)msg);
                handshakeDone.setSuccess();
                return;
            }
            if (msg instanceof TextWebSocketFrame text)
            {
                texts.add(text.text());
            }
            else if (msg instanceof PingWebSocketFrame ping)
            {
                pings.incrementAndGet();
                if (answerPings)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                }
            }
            else if (msg instanceof CloseWebSocketFrame close)
            {
                closeStatus = close.statusCode();
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            if (!handshakeDone.isDone())
            {
                handshakeDone.setFailure(cause);
            }
            ctx.close();
        }
    }
}
