package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Writes complete HTTP responses; every error is a JSON body {@code {"error":{"code","message"}}}. */
final class HttpResponses
{
    static final String JSON = "application/json; charset=utf-8";
    /** The longest a refused connection is not read. */
    static final int MAX_READ_PAUSE_SECONDS = 1;
    static final String ALLOWED_METHODS = "GET, HEAD";

    private HttpResponses()
    {
    }

    /**
     * A whole error response as bytes, for a handler in front of the HTTP codec that answers once and closes:
     * {@code status} is the status line's tail ({@code "503 Service Unavailable"}).
     */
    static byte[] closingError(final String status, final String code, final String message)
    {
        final String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
        return ("HTTP/1.1 " + status + "\r\n"
            + "Content-Type: " + JSON + "\r\n"
            + "Connection: close\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n"
            + body).getBytes(StandardCharsets.US_ASCII);
    }

    static ChannelFuture json(final ChannelHandlerContext ctx, final boolean keepAlive,
        final HttpResponseStatus status, final ByteBuf body)
    {
        return send(ctx, keepAlive, response(status, JSON, body));
    }

    static ChannelFuture error(final ChannelHandlerContext ctx, final boolean keepAlive,
        final HttpResponseStatus status, final String code, final String message)
    {
        return send(ctx, keepAlive, errorResponse(ctx, status, code, message));
    }

    /**
     * A 405 also says what is allowed: {@code GET} and {@code HEAD} everywhere (docs/API.md §4); a 401 how to
     * authenticate.
     */
    private static FullHttpResponse errorResponse(final ChannelHandlerContext ctx, final HttpResponseStatus status,
        final String code, final String message)
    {
        final FullHttpResponse response =
            response(status, JSON, MessageWriter.forThisThread().restError(ctx.alloc(), code, message));
        if (HttpResponseStatus.METHOD_NOT_ALLOWED.equals(status))
        {
            response.headers().set(HttpHeaderNames.ALLOW, ALLOWED_METHODS);
        }
        else if (HttpResponseStatus.UNAUTHORIZED.equals(status))
        {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"liqvol\"");
        }
        return response;
    }

    /** A 405 from a route that takes other methods than GET and HEAD, which it names in {@code Allow}. */
    static ChannelFuture methodNotAllowed(final ChannelHandlerContext ctx, final boolean keepAlive,
        final String allowed, final String message)
    {
        final FullHttpResponse response = errorResponse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED,
            "method_not_allowed", message);
        response.headers().set(HttpHeaderNames.ALLOW, allowed);
        return send(ctx, keepAlive, response);
    }

    /**
     * The error's status and body; a refusal for now also with {@code Retry-After}, and the connection's next request
     * is read only after that (at most {@link #MAX_READ_PAUSE_SECONDS}), so that a client which does not wait does
     * not spin on refusals.
     */
    static ChannelFuture error(final ChannelHandlerContext ctx, final boolean keepAlive, final ApiException error)
    {
        final FullHttpResponse response = errorResponse(ctx, error.status(), error.code(), error.getMessage());
        if (error.retryAfterSeconds() == 0)
        {
            return send(ctx, keepAlive, response);
        }
        response.headers().setInt(HttpHeaderNames.RETRY_AFTER, error.retryAfterSeconds());
        pauseReads(ctx);
        return send(ctx, keepAlive, response, Math.min(error.retryAfterSeconds(), MAX_READ_PAUSE_SECONDS) * 1000L);
    }

    /**
     * Reads no further request from the connection until its answer to this one is sent ({@link #send}), so that
     * pipelined requests are answered in order and wait in the socket, not in the server, while one is under way.
     * Called before the answer can be sent, on the event loop.
     */
    static void pauseReads(final ChannelHandlerContext ctx)
    {
        ctx.channel().config().setAutoRead(false);
    }

    static void text(final ChannelHandlerContext ctx, final boolean keepAlive, final String contentType,
        final String body)
    {
        send(ctx, keepAlive, response(HttpResponseStatus.OK, contentType,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)));
    }

    static FullHttpResponse response(final HttpResponseStatus status, final String contentType, final ByteBuf body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .set("X-Content-Type-Options", "nosniff")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    static ChannelFuture send(final ChannelHandlerContext ctx, final boolean keepAlive,
        final FullHttpResponse response)
    {
        return send(ctx, keepAlive, response, 0);
    }

    /**
     * Writes the response; on a keep-alive connection whose reads were paused for it ({@link #pauseReads}), resumes
     * reading {@code resumeDelayMs} after it was written, and always in a later task of the event loop, so that the
     * answer's other listeners (which give its query's price back) have run before the next request is read.
     */
    private static ChannelFuture send(final ChannelHandlerContext ctx, final boolean keepAlive,
        final FullHttpResponse response, final long resumeDelayMs)
    {
        connectionHeader(response, keepAlive);
        return finish(ctx, keepAlive, ctx.writeAndFlush(response), resumeDelayMs);
    }

    /** Says whether the connection stays open after this response. */
    static void connectionHeader(final HttpResponse response, final boolean keepAlive)
    {
        if (keepAlive)
        {
            HttpUtil.setKeepAlive(response, true);
        }
        else
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }

    /**
     * The last part of a response whose head ({@link #connectionHeader}) and other parts were written before: as
     * {@link #send}, the connection is closed or its reads resumed once it is written.
     */
    static ChannelFuture sendLast(final ChannelHandlerContext ctx, final boolean keepAlive, final LastHttpContent last)
    {
        return finish(ctx, keepAlive, ctx.writeAndFlush(last), 0);
    }

    private static ChannelFuture finish(final ChannelHandlerContext ctx, final boolean keepAlive,
        final ChannelFuture written, final long resumeDelayMs)
    {
        if (!keepAlive)
        {
            return written.addListener(ChannelFutureListener.CLOSE);
        }
        final Channel channel = ctx.channel();
        if (!channel.config().isAutoRead())
        {
            written.addListener(done -> channel.eventLoop().schedule(
                () -> channel.config().setAutoRead(true), resumeDelayMs, TimeUnit.MILLISECONDS));
        }
        return written;
    }
}
