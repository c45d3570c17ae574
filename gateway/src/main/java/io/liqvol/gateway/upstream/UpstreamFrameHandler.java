package io.liqvol.gateway.upstream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

/** The last handler of an upstream connection: frames to the router, lifecycle events to the connection. */
final class UpstreamFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private final UpstreamConnection connection;
    private final InboundRouter router;
    private final UpstreamCounters counters;

    UpstreamFrameHandler(final UpstreamConnection connection, final InboundRouter router,
        final UpstreamCounters counters)
    {
        this.connection = connection;
        this.router = router;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        final long receiveTimeNs = System.nanoTime();
        connection.onRead();
        if (frame instanceof TextWebSocketFrame)
        {
            router.route(frame.content(), receiveTimeNs, connection);
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            connection.onCloseFrame();
        }
        else if (frame instanceof BinaryWebSocketFrame)
        {
            counters.increment(UpstreamCounters.FRAMES_RECEIVED);
            counters.increment(UpstreamCounters.MALFORMED_FRAMES);
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
        {
            connection.onHandshakeComplete();
        }
        else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            ctx.close();
        }
        else if (event instanceof IdleStateEvent)
        {
            connection.onIdle();
        }
        else
        {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        connection.onError(cause);
        ctx.close();
    }
}
