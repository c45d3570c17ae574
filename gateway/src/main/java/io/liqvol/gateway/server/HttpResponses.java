package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses; every error is a JSON body {@code {"error":{"code","message"}}}. */
final class HttpResponses
{
    static final String JSON = "application/json; charset=utf-8";
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

    static void json(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final ByteBuf body)
    {
        send(ctx, keepAlive, response(status, JSON, body));
    }

    /** A 405 also says what is allowed: {@code GET} and {@code HEAD} everywhere (docs/API.md §4). */
    static void error(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final String code, final String message)
    {
        final FullHttpResponse response =
            response(status, JSON, MessageWriter.forThisThread().restError(ctx.alloc(), code, message));
        if (HttpResponseStatus.METHOD_NOT_ALLOWED.equals(status))
        {
            response.headers().set(HttpHeaderNames.ALLOW, ALLOWED_METHODS);
        }
        send(ctx, keepAlive, response);
    }

    static void error(final ChannelHandlerContext ctx, final boolean keepAlive, final ApiException error)
    {
        error(ctx, keepAlive, error.status(), error.code(), error.getMessage());
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

    static void send(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpResponse response)
    {
        if (keepAlive)
        {
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response);
        }
        else
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
