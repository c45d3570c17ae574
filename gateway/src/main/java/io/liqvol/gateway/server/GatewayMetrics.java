package io.liqvol.gateway.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's own counters and gauges, updated from any thread, rendered in the Prometheus text format
 * together with sections contributed by the engine and the upstream client.
 */
public final class GatewayMetrics
{
    /** Another component's metrics, appended to the exposition. */
    @FunctionalInterface
    public interface Section
    {
        void writeTo(StringBuilder out);
    }

    final AtomicLong liquidationClients = new AtomicLong();
    final AtomicLong klineClients = new AtomicLong();
    final AtomicLong httpConnections = new AtomicLong();
    final LongAdder bytesSent = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder coalescedUpdates = new LongAdder();
    final LongAdder slowClientsClosed = new LongAdder();
    final LongAdder connectionsRejected = new LongAdder();
    final LongAdder requestsRateLimited = new LongAdder();
    final LongAdder originsRejected = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder httpRequests = new LongAdder();
    final LatencyHistogram endToEndLatency = new LatencyHistogram();
    private final List<Section> sections = new CopyOnWriteArrayList<>();

    public void addSection(final Section section)
    {
        sections.add(section);
    }

    public long liquidationClients()
    {
        return liquidationClients.get();
    }

    public long klineClients()
    {
        return klineClients.get();
    }

    public long slowClientsClosed()
    {
        return slowClientsClosed.sum();
    }

    public long coalescedUpdates()
    {
        return coalescedUpdates.sum();
    }

    public long connectionsRejected()
    {
        return connectionsRejected.sum();
    }

    public LatencyHistogram endToEndLatency()
    {
        return endToEndLatency;
    }

    /** The whole exposition, {@code text/plain; version=0.0.4}. */
    public String render()
    {
        final StringBuilder out = new StringBuilder(4096);
        gauge(out, "liqvol_ws_clients", "Connected WebSocket clients by stream",
            "stream=\"liquidations\"", liquidationClients.get());
        sample(out, "liqvol_ws_clients", "stream=\"klines\"", klineClients.get());
        gauge(out, "liqvol_http_connections", "Open HTTP connections (including WebSocket)", null, httpConnections.get());
        counter(out, "liqvol_http_requests_total", "HTTP requests answered", httpRequests.sum());
        counter(out, "liqvol_ws_messages_sent_total", "WebSocket messages written to clients", messagesSent.sum());
        counter(out, "liqvol_ws_bytes_sent_total", "WebSocket payload bytes written to clients", bytesSent.sum());
        counter(out, "liqvol_ws_coalesced_updates_total",
            "Volume updates replaced by a newer total of the same bucket for a lagging client", coalescedUpdates.sum());
        counter(out, "liqvol_ws_slow_clients_closed_total",
            "Clients closed with 1013 because their orders could not be delivered within the bound",
            slowClientsClosed.sum());
        counter(out, "liqvol_connections_rejected_total", "Connections refused by the connection limits",
            connectionsRejected.sum());
        counter(out, "liqvol_requests_rate_limited_total", "Requests refused by the rate limit",
            requestsRateLimited.sum());
        counter(out, "liqvol_origins_rejected_total", "WebSocket upgrades refused for their Origin", originsRejected.sum());
        counter(out, "liqvol_client_errors_total", "Client requests answered with an error", clientErrors.sum());
        out.append("# HELP liqvol_end_to_end_latency_seconds From upstream frame receipt to the write to a client\n");
        out.append("# TYPE liqvol_end_to_end_latency_seconds histogram\n");
        endToEndLatency.writeTo(out, "liqvol_end_to_end_latency_seconds");
        for (final Section section : sections)
        {
            section.writeTo(out);
        }
        return out.toString();
    }

    public static void gauge(
        final StringBuilder out, final String name, final String help, final String labels, final long value)
    {
        header(out, name, help, "gauge");
        sample(out, name, labels, value);
    }

    public static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        header(out, name, help, "counter");
        sample(out, name, null, value);
    }

    public static void header(final StringBuilder out, final String name, final String help, final String type)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    public static void sample(final StringBuilder out, final String name, final String labels, final long value)
    {
        out.append(name);
        if (labels != null)
        {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }
}
