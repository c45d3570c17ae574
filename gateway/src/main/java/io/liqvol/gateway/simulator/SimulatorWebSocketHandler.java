package io.liqvol.gateway.simulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * One stream connection under Binance's rules: control messages go to the hub, the server pings and drops a
 * client that stops ponging, a client sending more messages per window than allowed is disconnected, and the
 * connection is cut at its maximum age.
 */
final class SimulatorWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private final SimulatorHandlerParts simulator;
    private final SimulatorSession session;
    private long windowStartMs;
    private int messagesInWindow;
    private long lastPongMs;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> ageCut;

    SimulatorWebSocketHandler(final SimulatorHandlerParts simulator, final SimulatorSession session)
    {
        this.simulator = simulator;
        this.session = session;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        final SimulatorConfig config = simulator.config();
        lastPongMs = simulator.nowMs();
        pinger = ctx.executor().scheduleAtFixedRate(() -> ping(ctx), config.pingIntervalMs(),
            config.pingIntervalMs(), TimeUnit.MILLISECONDS);
        ageCut = ctx.executor().schedule(() ->
        {
            simulator.counters().increment(SimulatorCounters.AGE_CUTS);
            simulator.market()
                .execute(() -> simulator.hub().closeGracefully(session, WebSocketCloseStatus.NORMAL_CLOSURE));
        }, config.maxConnectionAgeMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof CloseWebSocketFrame)
        {
            simulator.market()
                .execute(() -> simulator.hub().closeGracefully(session, WebSocketCloseStatus.NORMAL_CLOSURE));
            return;
        }
        if (overRateLimit())
        {
            simulator.counters().increment(SimulatorCounters.RATE_LIMIT_DISCONNECTS);
            simulator.market().execute(() -> simulator.hub().remove(session));
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "Too many messages"))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (frame instanceof TextWebSocketFrame text)
        {
            final String message = text.text();
            simulator.market().execute(() -> simulator.hub().control(session, message));
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof PongWebSocketFrame)
        {
            simulator.counters().increment(SimulatorCounters.PONGS_RECEIVED);
            lastPongMs = simulator.nowMs();
        }
        else
        {
            simulator.counters().increment(SimulatorCounters.INVALID_REQUESTS);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        pinger.cancel(false);
        ageCut.cancel(false);
        simulator.market().execute(() -> simulator.hub().remove(session));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    /** Counts every incoming message (text, ping, pong) in fixed windows, as Binance's limit does. */
    private boolean overRateLimit()
    {
        final long nowMs = simulator.nowMs();
        if (nowMs - windowStartMs >= simulator.config().rateWindowMs())
        {
            windowStartMs = nowMs;
            messagesInWindow = 0;
        }
        return ++messagesInWindow > simulator.config().maxMessagesPerWindow();
    }

    private void ping(final ChannelHandlerContext ctx)
    {
        if (simulator.nowMs() - lastPongMs > simulator.config().pongTimeoutMs())
        {
            simulator.counters().increment(SimulatorCounters.PONG_TIMEOUT_DISCONNECTS);
            simulator.market().execute(() -> simulator.hub().remove(session));
            ctx.close();
            return;
        }
        simulator.counters().increment(SimulatorCounters.PINGS_SENT);
        ctx.writeAndFlush(new PingWebSocketFrame());
    }
}
