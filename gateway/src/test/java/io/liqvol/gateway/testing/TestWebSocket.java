package io.liqvol.gateway.testing;

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
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real WebSocket client for tests, for the gateway's API and the exchange simulator alike: queues every text
 * message, records the close, counts the pings it gets and answers them unless told not to. All clients share
 * two daemon event-loop threads, so a test can open a thousand of them.
 */
public final class TestWebSocket implements AutoCloseable
{
    /** The close the server sent. */
    public record Close(int status, String reason)
    {
    }

    private static final int MAX_MESSAGE_BYTES = 16 << 20;
    private static final long MESSAGE_TIMEOUT_MS = 10_000;
    private static final long CLOSE_TIMEOUT_MS = 15_000;
    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
        2, new DefaultThreadFactory("test-websocket", true), NioIoHandler.newFactory());

    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final Channel channel;

    private TestWebSocket(final URI uri, final String origin, final boolean answerPings)
    {
        final HttpHeaders headers = new DefaultHttpHeaders();
        if (origin != null)
        {
            headers.set(HttpHeaderNames.ORIGIN, origin);
        }
        final WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
            uri, WebSocketVersion.V13, null, false, headers, MAX_MESSAGE_BYTES, true, false, -1, false, false);
        final Handler handler = new Handler(handshaker, answerPings);
        channel = new Bootstrap()
            .group(GROUP)
            .channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES),
                        new WebSocketFrameAggregator(MAX_MESSAGE_BYTES), handler);
                }
            })
            .connect(uri.getHost(), uri.getPort())
            .syncUninterruptibly()
            .channel();
        if (!handler.handshakeDone.awaitUninterruptibly(MESSAGE_TIMEOUT_MS) || !handler.handshakeDone.isSuccess())
        {
            channel.close();
            throw new IllegalStateException("no WebSocket to " + uri, handler.handshakeDone.cause());
        }
    }

    /** Connects without an {@code Origin} header, answering pings; fails if the upgrade is refused. */
    public static TestWebSocket connect(final URI uri)
    {
        return new TestWebSocket(uri, null, true);
    }

    public static TestWebSocket connect(final String uri)
    {
        return connect(URI.create(uri));
    }

    /** Connects as a page of that origin would. */
    public static TestWebSocket connect(final URI uri, final String origin)
    {
        return new TestWebSocket(uri, origin, true);
    }

    /** Connects as a client that never answers pings, as a hung peer would. */
    public static TestWebSocket connectIgnoringPings(final String uri)
    {
        return new TestWebSocket(URI.create(uri), null, false);
    }

    /** The next message, parsed; fails after 10 s. */
    public Map<String, Object> next()
    {
        final String text = nextText(MESSAGE_TIMEOUT_MS);
        if (text == null)
        {
            throw new AssertionError("no message within " + MESSAGE_TIMEOUT_MS + " ms");
        }
        return TestJson.object(text);
    }

    /** The next message of that type, skipping heartbeats. */
    public Map<String, Object> next(final String type)
    {
        while (true)
        {
            final Map<String, Object> message = next();
            if (type.equals(message.get("type")))
            {
                return message;
            }
            if (!"heartbeat".equals(message.get("type")))
            {
                throw new AssertionError("expected " + type + ", got " + message);
            }
        }
    }

    /** The next message, parsed, or null after the timeout. */
    public Map<String, Object> poll(final long timeoutMs)
    {
        final String text = nextText(timeoutMs);
        return text == null ? null : TestJson.object(text);
    }

    /** The next text message as it arrived, or null after the timeout. */
    public String nextText(final long timeoutMs)
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

    /** The next text message that contains the fragment, skipping others; null after the timeout. */
    public String nextTextContaining(final String fragment, final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadlineNs)
        {
            final String text = nextText(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
            if (text != null && text.contains(fragment))
            {
                return text;
            }
        }
        return null;
    }

    public void send(final String text)
    {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /** Sends a {@code ping} message and returns the {@code pong} it is answered with: the stream still serves. */
    public Map<String, Object> ping()
    {
        send("{\"type\":\"ping\"}");
        return next("pong");
    }

    /** Any frame as it is: a fragment, a binary message, a close with any payload. */
    public void sendFrame(final WebSocketFrame frame)
    {
        channel.writeAndFlush(frame).syncUninterruptibly();
    }

    public int pingsReceived()
    {
        return pings.get();
    }

    public boolean isOpen()
    {
        return channel.isActive();
    }

    /** The close frame the server sent; fails after 15 s, or if the connection ended without one. */
    public Close awaitClose()
    {
        return closed.orTimeout(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS).join();
    }

    /** The close received so far, or null. */
    public Close closeNow()
    {
        return closed.getNow(null);
    }

    /** Drops the connection without a close frame, as a crashed client would. */
    public void abort()
    {
        channel.close().syncUninterruptibly();
    }

    /**
     * Closes politely: a close frame (1000), then waits for the server to end the connection, so that it is
     * done with it before a test stops the server.
     */
    @Override
    public void close()
    {
        if (channel.isActive())
        {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
            channel.closeFuture().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        }
        abort();
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
            }
            else if (msg instanceof TextWebSocketFrame text)
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
                closed.complete(new Close(close.statusCode(), close.reasonText()));
                ctx.close();
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            closed.completeExceptionally(new AssertionError("connection ended without a close frame"));
            handshakeDone.tryFailure(new AssertionError("connection ended during the handshake"));
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            handshakeDone.tryFailure(cause);
            closed.completeExceptionally(cause);
            ctx.close();
        }
    }
}
