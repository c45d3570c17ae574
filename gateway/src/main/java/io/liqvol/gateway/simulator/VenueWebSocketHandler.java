package io.liqvol.gateway.simulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** One connection of the simulated Bybit or OKX: text requests go to the venue hub on the market executor. */
final class VenueWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private final SimulatorHandlerParts simulator;
    private final VenueSession session;

    VenueWebSocketHandler(final SimulatorHandlerParts simulator, final VenueSession session)
    {
        this.simulator = simulator;
        this.session = session;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof TextWebSocketFrame text)
        {
            final String message = text.text();
            simulator.market().execute(() -> simulator.venues().onText(session, message));
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(done -> ctx.close());
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        simulator.market().execute(() -> simulator.venues().remove(session));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }
}
