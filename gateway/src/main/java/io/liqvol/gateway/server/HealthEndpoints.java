package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.util.List;

/**
 * {@code /health} (always 200: its status and reasons for anyone, the details — data, upstream, gaps, clients — only
 * where they are not exposed: on the admin port, or on the main port without one to an authorised client, docs/API.md
 * §4), for orchestrators {@code /health/live} (503 once a stage thread is stuck: restart) and {@code /health/ready}
 * (503 while the upstream is not subscribed or the journal cannot grow: send no traffic), each with its reasons; and
 * {@code /metrics}.
 */
final class HealthEndpoints
{
    static final String PATH = "/health";
    static final String LIVE_PATH = "/health/live";
    static final String READY_PATH = "/health/ready";

    private final HealthReport report;
    private final GatewayMetrics metrics;

    HealthEndpoints(final HealthReport report, final GatewayMetrics metrics)
    {
        this.report = report;
        this.metrics = metrics;
    }

    static boolean handles(final String path)
    {
        return path.equals(PATH) || path.equals(LIVE_PATH) || path.equals(READY_PATH);
    }

    void answer(final ChannelHandlerContext ctx, final boolean keepAlive, final String path, final boolean details)
    {
        if (path.equals(LIVE_PATH))
        {
            probe(ctx, keepAlive, report.notLiveReasons(), "live", "stalled");
        }
        else if (path.equals(READY_PATH))
        {
            probe(ctx, keepAlive, report.notReadyReasons(), "ready", "not_ready");
        }
        else
        {
            health(ctx, keepAlive, details);
        }
    }

    void metrics(final ChannelHandlerContext ctx, final boolean keepAlive)
    {
        HttpResponses.text(ctx, keepAlive, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
    }

    private static void probe(final ChannelHandlerContext ctx, final boolean keepAlive, final List<String> reasons,
        final String pass, final String fail)
    {
        final boolean passed = reasons.isEmpty();
        HttpResponses.json(ctx, keepAlive, passed ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
            MessageWriter.forThisThread().encode(ctx.alloc(), json ->
            {
                json.writeStartObject();
                writeStatus(json, passed ? pass : fail, reasons);
                json.writeEndObject();
            }));
    }

    private void health(final ChannelHandlerContext ctx, final boolean keepAlive, final boolean details)
    {
        HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, MessageWriter.forThisThread().encode(ctx.alloc(),
            json ->
            {
                final List<String> reasons = report.degradedReasons();
                json.writeStartObject();
                writeStatus(json, reasons.isEmpty() ? "ok" : "degraded", reasons);
                json.writeBooleanField("live", report.notLiveReasons().isEmpty());
                json.writeBooleanField("ready", report.notReadyReasons().isEmpty());
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

    private static void writeStatus(final JsonGenerator json, final String status, final List<String> reasons)
        throws IOException
    {
        json.writeStringField("status", status);
        json.writeArrayFieldStart("reasons");
        for (final String reason : reasons)
        {
            json.writeString(reason);
        }
        json.writeEndArray();
    }
}
