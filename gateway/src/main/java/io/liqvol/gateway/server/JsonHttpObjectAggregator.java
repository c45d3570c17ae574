package io.liqvol.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/** Aggregates requests within the size limit; a larger one is answered with a JSON 413 and the connection closed. */
final class JsonHttpObjectAggregator extends HttpObjectAggregator
{
    private final int maxContentBytes;

    JsonHttpObjectAggregator(final int maxContentBytes)
    {
        super(maxContentBytes);
        this.maxContentBytes = maxContentBytes;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        HttpResponses.error(ctx, false, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
            "requests are limited to " + maxContentBytes + " bytes");
    }
}
