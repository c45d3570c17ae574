package io.liqvol.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;

/**
 * The admin port's requests (docs/API.md §4.7): {@code /metrics} and the full {@code /health}, for an allowed Host
 * (a page could otherwise reach a loopback port by DNS rebinding); nothing else.
 */
@ChannelHandler.Sharable
final class AdminRouter extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private final OriginPolicy origins;
    private final HealthEndpoints health;

    AdminRouter(final OriginPolicy origins, final HealthEndpoints health)
    {
        this.origins = origins;
        this.health = health;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        try
        {
            if (!request.decoderResult().isSuccess())
            {
                throw ApiException.badRequest("bad_request", "the request could not be decoded");
            }
            if (!origins.allowsHost(request.headers().get(HttpHeaderNames.HOST)))
            {
                throw new ApiException(HttpResponseStatus.MISDIRECTED_REQUEST, "host_not_allowed",
                    "this server does not serve that host; see --allowed-hosts");
            }
            if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method()))
            {
                throw new ApiException(
                    HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "only GET and HEAD are served");
            }
            final QueryStringDecoder query = RequestTarget.decode(request.uri());
            RequestTarget.requireKnownParameters(query, List.of());
            switch (query.path())
            {
                case "/metrics" -> health.metrics(ctx, keepAlive);
                case HealthEndpoints.PATH, HealthEndpoints.LIVE_PATH, HealthEndpoints.READY_PATH ->
                    health.answer(ctx, keepAlive, query.path(), true);
                default -> throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found",
                    "the admin port serves /metrics and /health");
            }
        }
        catch (final ApiException e)
        {
            HttpResponses.error(ctx, keepAlive, e);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }
}
