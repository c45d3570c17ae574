package io.liqvol.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;

/**
 * The {@code /health} answer: its status and reasons for anyone (orchestrators), the details (data, upstream, gaps,
 * clients) only where they are not exposed: on the admin port, or on the main port without admin port to an
 * authorised client (docs/API.md §4).
 */
final class HealthResponse
{
    private final GatewayMetrics metrics;
    private final HealthReport report;

    HealthResponse(final GatewayMetrics metrics, final HealthReport report)
    {
        this.metrics = metrics;
        this.report = report;
    }

    void send(final ChannelHandlerContext ctx, final boolean keepAlive, final boolean details)
    {
        final MessageWriter writer = MessageWriter.forThisThread();
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, writer.encode(ctx.alloc(), json ->
        {
            final List<String> reasons = report.degradedReasons();
            json.writeStartObject();
            json.writeStringField("status", reasons.isEmpty() ? "ok" : "degraded");
            json.writeArrayFieldStart("reasons");
            for (final String reason : reasons)
            {
                json.writeString(reason);
            }
            json.writeEndArray();
            if (details)
            {
                report.writeFields(json);
                json.writeObjectFieldStart("clients");
                json.writeNumberField("liquidations", metrics.liquidationClients());
                json.writeNumberField("klines", metrics.klineClients());
                json.writeNumberField("http_connections", metrics.httpConnections());
                json.writeNumberField("slow_closed", metrics.slowClientsClosed());
                json.writeEndObject();
            }
            json.writeEndObject();
        }));
    }

    void metrics(final ChannelHandlerContext ctx, final boolean keepAlive)
    {
        HttpResponses.text(ctx, keepAlive, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
    }
}
