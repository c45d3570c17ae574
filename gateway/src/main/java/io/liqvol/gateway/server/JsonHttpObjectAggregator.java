package io.liqvol.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.concurrent.TimeUnit;

/**
 * Aggregates requests within the size limit; a larger one is answered with a JSON 413 and the connection closed.
 * The client may still be sending that body, and closing a socket with unread bytes resets the connection, which
 * can destroy the answer before the client reads it: so the server stops writing, drops what still arrives (the
 * aggregator discards an oversized body) and closes when the client does, or after the close timeout.
 */
final class JsonHttpObjectAggregator extends HttpObjectAggregator
{
    private final int maxContentBytes;
    private final long closeTimeoutMs;

    JsonHttpObjectAggregator(final int maxContentBytes, final long closeTimeoutMs)
    {
        super(maxContentBytes);
        this.maxContentBytes = maxContentBytes;
        this.closeTimeoutMs = closeTimeoutMs;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        final FullHttpResponse response = HttpResponses.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            HttpResponses.JSON, MessageWriter.forThisThread().restError(ctx.alloc(), "request_too_large",
                "requests are limited to " + maxContentBytes + " bytes"));
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(written ->
        {
            if (ctx.channel() instanceof DuplexChannel duplex && written.isSuccess())
            {
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), closeTimeoutMs, TimeUnit.MILLISECONDS);
            }
            else
            {
                ctx.close();
            }
        });
    }
}
