package io.liqvol.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Refuses a client's close frame whose code RFC 6455 §7.4 does not allow on the wire instead of letting the protocol
 * handler echo it: Netty's decoder refuses most such codes itself but lets codes above 4999 through. Both become the
 * same protocol violation, which the stream answers with 1002 (docs/API.md §3.5).
 */
@ChannelHandler.Sharable
final class CloseCodeCheck extends ChannelInboundHandlerAdapter
{
    static final CloseCodeCheck INSTANCE = new CloseCodeCheck();
    private static final int NO_CODE = -1;
    private static final int MAX_PRIVATE_CODE = 4999;

    private CloseCodeCheck()
    {
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof CloseWebSocketFrame close && close.statusCode() != NO_CODE
            && (close.statusCode() > MAX_PRIVATE_CODE || !WebSocketCloseStatus.isValidStatusCode(close.statusCode())))
        {
            final int code = close.statusCode();
            close.release();
            ctx.fireExceptionCaught(new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.PROTOCOL_ERROR, "invalid close code " + code));
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
