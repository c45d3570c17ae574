package io.liqvol.gateway.alerts;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers alert events to webhooks on Netty's HTTP client, on one event loop of their own: per URL a queue of at
 * most {@code queueBound} events (a full one drops and counts), one POST in flight at a time (in order), each within
 * the timeout, retried after a failure or a non-2xx answer with a capped, jittered back-off, up to {@code maxAttempts}
 * times. Every attempt of one event carries the same {@code Idempotency-Key}. A dead endpoint holds up only its own
 * queue.
 */
final class Webhooks
{
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final EventLoop loop;
    private final WebhookSettings settings;
    private final Map<String, Target> targets = new HashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private SslContext tls;

    /** Delivery settings: the timeout of an attempt, the per-URL queue bound and the back-off. */
    record WebhookSettings(long timeoutMs, int queueBound, int maxAttempts, long firstBackoffMs, long maxBackoffMs)
    {
    }

    private record Delivery(String key, String json)
    {
    }

    Webhooks(final EventLoop loop, final WebhookSettings settings)
    {
        this.loop = loop;
        this.settings = settings;
    }

    /** Queues the event for the URL. Any thread. */
    void deliver(final String url, final String idempotencyKey, final String json)
    {
        loop.execute(() -> targets.computeIfAbsent(url, Target::new).offer(new Delivery(idempotencyKey, json)));
    }

    long delivered()
    {
        return delivered.get();
    }

    long failedAttempts()
    {
        return failedAttempts.get();
    }

    long givenUp()
    {
        return givenUp.get();
    }

    long dropped()
    {
        return dropped.get();
    }

    /** Back-off before attempt {@code attempt + 1}: half of min(cap, first × 2^(attempt − 1)), plus up to as much. */
    static long backoffMs(final WebhookSettings settings, final int attempt, final long randomBits)
    {
        final long doubled = settings.firstBackoffMs() << Math.min(attempt - 1, 30);
        final long capped = Math.min(settings.maxBackoffMs(), doubled);
        final long half = capped / 2;
        return half + Math.floorMod(randomBits, half + 1);
    }

    /** One URL's queue, on the loop. */
    private final class Target
    {
        private final URI uri;
        private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
        private boolean busy;
        private int attempt;

        Target(final String url)
        {
            this.uri = URI.create(url);
        }

        void offer(final Delivery delivery)
        {
            if (queue.size() >= settings.queueBound())
            {
                dropped.incrementAndGet();
                return;
            }
            queue.addLast(delivery);
            if (!busy)
            {
                busy = true;
                attempt = 0;
                send();
            }
        }

        private void send()
        {
            attempt++;
            final Delivery delivery = queue.peekFirst();
            final boolean secure = "https".equalsIgnoreCase(uri.getScheme());
            final int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
            final Attempt handler = new Attempt(this);
            final ChannelFuture connect = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)settings.timeoutMs())
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel channel) throws SSLException
                    {
                        if (secure)
                        {
                            channel.pipeline().addLast(tls().newHandler(channel.alloc(), uri.getHost(), port));
                        }
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES),
                            handler);
                    }
                })
                .connect(uri.getHost(), port);
            handler.timeout = loop.schedule(() -> handler.finish(connect.channel(), false),
                settings.timeoutMs(), TimeUnit.MILLISECONDS);
            connect.addListener(done ->
            {
                if (!done.isSuccess())
                {
                    handler.finish(connect.channel(), false);
                    return;
                }
                connect.channel().writeAndFlush(request(delivery));
            });
        }

        private FullHttpRequest request(final Delivery delivery)
        {
            final String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(),
                Unpooled.copiedBuffer(delivery.json(), StandardCharsets.UTF_8));
            request.headers()
                .set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost())
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.USER_AGENT, "liqvol-alerts")
                .set("Idempotency-Key", delivery.key());
            return request;
        }

        /** The attempt ended: the next event, a retry after the back-off, or giving up on this one. */
        void attempted(final boolean success)
        {
            if (success)
            {
                delivered.incrementAndGet();
            }
            else
            {
                failedAttempts.incrementAndGet();
                if (attempt < settings.maxAttempts())
                {
                    loop.schedule(this::send, backoffMs(settings, attempt, ThreadLocalRandom.current().nextLong()),
                        TimeUnit.MILLISECONDS);
                    return;
                }
                givenUp.incrementAndGet();
            }
            queue.removeFirst();
            attempt = 0;
            if (queue.isEmpty())
            {
                busy = false;
            }
            else
            {
                send();
            }
        }
    }

    private SslContext tls() throws SSLException
    {
        if (tls == null)
        {
            tls = SslContextBuilder.forClient().build();
        }
        return tls;
    }

    /** One POST: a 2xx answer succeeds; anything else, a failure or the timeout, fails. Ends once. */
    private static final class Attempt extends SimpleChannelInboundHandler<FullHttpResponse>
    {
        private final Target target;
        private ScheduledFuture<?> timeout;
        private boolean finished;

        Attempt(final Target target)
        {
            this.target = target;
        }

        void finish(final Channel channel, final boolean success)
        {
            if (finished)
            {
                return;
            }
            finished = true;
            if (timeout != null)
            {
                timeout.cancel(false);
            }
            channel.close();
            target.attempted(success);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
        {
            final int status = response.status().code();
            finish(ctx.channel(), status >= 200 && status < 300);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            finish(ctx.channel(), false);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            finish(ctx.channel(), false);
        }
    }
}
