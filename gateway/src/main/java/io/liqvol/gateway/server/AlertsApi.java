package io.liqvol.gateway.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The alert routes (docs/API.md §7): {@code /api/v1/alerts/rules} (GET, POST), {@code /api/v1/alerts/rules/{id}}
 * (GET, PUT, DELETE) and {@code /api/v1/alerts/events}. A change waits for its rule file to be written, off the event
 * loop, with the connection's reads paused meanwhile.
 */
final class AlertsApi
{
    static final String PREFIX = "/api/v1/alerts/";
    static final String RULES_PATH = "/api/v1/alerts/rules";
    static final String EVENTS_PATH = "/api/v1/alerts/events";
    static final int DEFAULT_EVENTS = 100;
    static final int MAX_EVENTS = 1000;
    private static final System.Logger LOG = System.getLogger(AlertsApi.class.getName());

    private final ServerHandlerParts context;

    AlertsApi(final ServerHandlerParts context)
    {
        this.context = context;
    }

    /** Whether the path is one of these routes, which answer other methods than GET and HEAD themselves. */
    static boolean routes(final String path)
    {
        return path.startsWith(PREFIX);
    }

    void answer(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpRequest request,
        final QueryStringDecoder query)
    {
        final AlertService alerts = context.alerts();
        if (alerts == null)
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "alerts are not enabled");
        }
        final String path = query.path();
        final HttpMethod method = request.method();
        if (path.equals(EVENTS_PATH))
        {
            if (!allows(ctx, keepAlive, method, "GET, HEAD", HttpMethod.GET, HttpMethod.HEAD))
            {
                return;
            }
            RequestTarget.requireKnownParameters(query, List.of("start", "end", "limit", "rule"));
            final VolumeRange range = RequestValidator.interval(parameter(query, "start"), parameter(query, "end"));
            final int limit = RequestValidator.limit(parameter(query, "limit"), DEFAULT_EVENTS, MAX_EVENTS);
            ok(ctx, keepAlive, HttpResponseStatus.OK,
                alerts.eventsJson(range.startMs(), range.endMs(), limit, parameter(query, "rule")));
        }
        else if (path.equals(RULES_PATH))
        {
            RequestTarget.requireKnownParameters(query, List.of());
            if (!allows(ctx, keepAlive, method, "GET, HEAD, POST", HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST))
            {
                return;
            }
            if (HttpMethod.POST.equals(method))
            {
                change(ctx, keepAlive, HttpResponseStatus.CREATED, alerts.create(body(request)));
            }
            else
            {
                ok(ctx, keepAlive, HttpResponseStatus.OK, alerts.rulesJson());
            }
        }
        else if (path.startsWith(RULES_PATH + "/") && path.indexOf('/', RULES_PATH.length() + 1) < 0)
        {
            RequestTarget.requireKnownParameters(query, List.of());
            if (allows(ctx, keepAlive, method, "GET, HEAD, PUT, DELETE", HttpMethod.GET, HttpMethod.HEAD,
                HttpMethod.PUT, HttpMethod.DELETE))
            {
                rule(ctx, keepAlive, request, alerts, path.substring(RULES_PATH.length() + 1));
            }
        }
        else
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such resource: " + path);
        }
    }

    private void rule(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpRequest request,
        final AlertService alerts, final String id)
    {
        if (HttpMethod.PUT.equals(request.method()))
        {
            change(ctx, keepAlive, HttpResponseStatus.OK, alerts.replace(id, body(request)));
        }
        else if (HttpMethod.DELETE.equals(request.method()))
        {
            change(ctx, keepAlive, HttpResponseStatus.NO_CONTENT,
                alerts.delete(id).thenApply(deleted -> deleted ? "" : null));
        }
        else
        {
            final String json = alerts.ruleJson(id);
            if (json == null)
            {
                throw noSuchRule(id);
            }
            ok(ctx, keepAlive, HttpResponseStatus.OK, json);
        }
    }

    /** Answers once the change was written; null: no such rule. */
    private void change(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final CompletableFuture<String> done)
    {
        HttpResponses.pauseReads(ctx);
        done.whenComplete((json, failure) -> ctx.executor().execute(() ->
        {
            final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof AlertService.RuleRefused refused)
            {
                context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
                HttpResponses.error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, refused.code(),
                    refused.getMessage());
            }
            else if (cause != null)
            {
                LOG.log(System.Logger.Level.ERROR, "an alert rule change failed", cause);
                HttpResponses.error(ctx, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "the rule could not be stored");
            }
            else if (json == null)
            {
                context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
                HttpResponses.error(ctx, keepAlive, noSuchRule(""));
            }
            else
            {
                ok(ctx, keepAlive, status, json);
            }
        }));
    }

    private static void ok(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpResponseStatus status,
        final String json)
    {
        final FullHttpResponse response = HttpResponses.response(status, HttpResponses.JSON,
            json.isEmpty() ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        if (HttpResponseStatus.NO_CONTENT.equals(status))
        {
            response.headers().remove(HttpHeaderNames.CONTENT_TYPE).remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        HttpResponses.send(ctx, keepAlive, response);
    }

    /** Whether the route takes the method; else answers 405 with {@code Allow}. */
    private boolean allows(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpMethod method,
        final String allowed, final HttpMethod... methods)
    {
        for (final HttpMethod accepted : methods)
        {
            if (accepted.equals(method))
            {
                return true;
            }
        }
        context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
        HttpResponses.methodNotAllowed(ctx, keepAlive, allowed, "this route takes " + allowed);
        return false;
    }

    private static ApiException noSuchRule(final String id)
    {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such rule" + (id.isEmpty() ? "" : ": "
            + id));
    }

    private static byte[] body(final FullHttpRequest request)
    {
        return ByteBufUtil.getBytes(request.content());
    }

    private static String parameter(final QueryStringDecoder query, final String name)
    {
        final List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
