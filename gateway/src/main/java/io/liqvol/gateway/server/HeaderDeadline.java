package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for a request's headers (docs/API.md §5): a client that sends them a byte at a time would otherwise
 * hold its connection for as long as it keeps sending, and a few addresses could hold every connection. The clock
 * starts at the first byte of a request, seen in front of the HTTP codec ({@link #start()}), and stops when the
 * codec has decoded the headers ({@link #end()}); a body and a WebSocket's frames are not timed. A connection past
 * the deadline gets a JSON 408 and is closed, and counted. One instance per connection, on its event loop.
 */
final class HeaderDeadline
{
    static final String START = "header-deadline";
    static final String END = "header-deadline-end";
    private static final byte[] TIMEOUT = HttpResponses.closingError(
        "408 Request Timeout", "request_timeout", "the request headers did not arrive in time");

    private final long timeoutMs;
    private final GatewayMetrics metrics;
    private ScheduledFuture<?> timer;
    /** Between a request's headers and its last content: its bytes are not a new request's. */
    private boolean inBody;

    HeaderDeadline(final long timeoutMs, final GatewayMetrics metrics)
    {
        this.timeoutMs = timeoutMs;
        this.metrics = metrics;
    }

    /** Goes in front of the HTTP codec: starts the clock at a request's first byte. */
    ChannelHandler start()
    {
        return new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object msg)
            {
                if (timer == null && !inBody && msg instanceof ByteBuf bytes && bytes.isReadable())
                {
                    timer = ctx.executor().schedule(() -> expire(ctx), timeoutMs, TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(final ChannelHandlerContext ctx)
            {
                stop();
                ctx.fireChannelInactive();
            }

            @Override
            public void handlerRemoved(final ChannelHandlerContext ctx)
            {
                stop();
            }
        };
    }

    /** Goes behind the HTTP codec: stops the clock once the headers are decoded. */
    ChannelHandler end()
    {
        return new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object msg)
            {
                if (msg instanceof HttpRequest)
                {
                    stop();
                    inBody = true;
                }
                if (msg instanceof LastHttpContent)
                {
                    inBody = false;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void expire(final ChannelHandlerContext ctx)
    {
        timer = null;
        metrics.increment(GatewayMetrics.HEADER_TIMEOUTS);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
    }

    private void stop()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }
}
