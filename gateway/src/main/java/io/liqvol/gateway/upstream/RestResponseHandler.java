package io.liqvol.gateway.upstream;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Completes a REST request's future with the body of a 200 answer, or fails it with the reason. */
final class RestResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse>
{
    private final CompletableFuture<byte[]> body;

    RestResponseHandler(final CompletableFuture<byte[]> body)
    {
        this.body = body;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
    {
        final byte[] bytes = ByteBufUtil.getBytes(response.content());
        final int status = response.status().code();
        if (status == 200)
        {
            body.complete(bytes);
        }
        else
        {
            body.completeExceptionally(new UpstreamHttpException(status, new String(bytes, StandardCharsets.UTF_8)));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        body.completeExceptionally(new IOException("upstream closed the connection before answering"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        body.completeExceptionally(cause);
        ctx.close();
    }
}
