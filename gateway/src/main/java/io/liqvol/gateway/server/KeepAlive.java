package io.liqvol.gateway.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket keep-alive of one client (docs/API.md §3.1): a ping every ping interval whatever else is written,
 * a {@link #QUIET} event to the stream handler after an interval in which nothing else was written (it sends a
 * heartbeat message), and a close with 1000 {@code pong timeout} once nothing at all (no pong, no message) has
 * arrived from the client for the pong timeout. Silence is counted in whole ping intervals, so the close comes
 * within one interval after the timeout. Sits right after the frame decoder, where pongs still pass.
 */
final class KeepAlive extends ChannelDuplexHandler implements Runnable
{
    /** Fired on the pipeline when a ping interval passed in which nothing but pings was written. */
    static final Object QUIET = new Object()
    {
        @Override
        public String toString()
        {
            return "KeepAlive.QUIET";
        }
    };
    static final String PONG_TIMEOUT_REASON = "pong timeout";

    private final long pingIntervalMs;
    private final long pongTimeoutMs;
    private final long closeTimeoutMs;
    private final GatewayMetrics metrics;
    private ChannelHandlerContext context;
    private ScheduledFuture<?> timer;
    private boolean heard = true;
    private boolean wrote;
    private long silentMs;

    KeepAlive(final ServerConfig config, final GatewayMetrics metrics)
    {
        this.pingIntervalMs = config.pingIntervalMs();
        this.pongTimeoutMs = config.pongTimeoutMs();
        this.closeTimeoutMs = config.closeTimeoutMs();
        this.metrics = metrics;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        context = ctx;
        timer = ctx.executor().scheduleAtFixedRate(this, pingIntervalMs, pingIntervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        stopTimer();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        stopTimer();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message) throws Exception
    {
        heard = true;
        super.channelRead(ctx, message);
    }

    @Override
    public void write(final ChannelHandlerContext ctx, final Object message, final ChannelPromise promise)
    {
        wrote = true;
        ctx.write(message, promise);
    }

    /** One tick of the ping interval; event loop. */
    @Override
    public void run()
    {
        if (!context.channel().isActive())
        {
            stopTimer();
            return;
        }
        silentMs = heard ? 0 : silentMs + pingIntervalMs;
        heard = false;
        if (silentMs >= pongTimeoutMs)
        {
            stopTimer();
            metrics.increment(GatewayMetrics.PONG_TIMEOUTS);
            ClientOutbound.closeWith(context.channel(), WebSocketCloseStatus.NORMAL_CLOSURE.code(),
                PONG_TIMEOUT_REASON, closeTimeoutMs);
            return;
        }
        if (!wrote)
        {
            context.fireUserEventTriggered(QUIET);
        }
        wrote = false;
        context.writeAndFlush(new PingWebSocketFrame(), context.voidPromise());
    }

    private void stopTimer()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }
}
