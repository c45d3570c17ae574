package io.liqvol.gateway.server;

import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.CounterSet;
import io.liqvol.engine.counters.PrometheusText;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's own counters and gauges, updated from any event loop with atomic adds, rendered in the Prometheus
 * text format together with sections contributed by the engine and the upstream client.
 */
public final class GatewayMetrics
{
    /** Another component's metrics, appended to the exposition. */
    @FunctionalInterface
    public interface Section
    {
        void writeTo(StringBuilder out);
    }

    static final int LIQUIDATION_CLIENTS = 0;
    static final int KLINE_CLIENTS = 1;
    static final int HTTP_CONNECTIONS = 2;
    static final int HTTP_REQUESTS = 3;
    static final int MESSAGES_SENT = 4;
    static final int BYTES_SENT = 5;
    static final int COALESCED_UPDATES = 6;
    static final int SLOW_CLIENTS_CLOSED = 7;
    static final int CONNECTIONS_REJECTED = 8;
    static final int REQUESTS_RATE_LIMITED = 9;
    static final int ORIGINS_REJECTED = 10;
    static final int CLIENT_ERRORS = 11;

    private static final String WS_CLIENTS = "liqvol_ws_clients";
    private static final String WS_CLIENTS_HELP = "Connected WebSocket clients by stream";
    private static final List<CounterDescriptor> DESCRIPTORS = List.of(
        CounterDescriptor.gauge(LIQUIDATION_CLIENTS, WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"liquidations\""),
        CounterDescriptor.gauge(KLINE_CLIENTS, WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"klines\""),
        CounterDescriptor.gauge(HTTP_CONNECTIONS, "liqvol_http_connections",
            "Open HTTP connections (including WebSocket)"),
        CounterDescriptor.counter(HTTP_REQUESTS, "liqvol_http_requests_total", "HTTP requests answered"),
        CounterDescriptor.counter(MESSAGES_SENT, "liqvol_ws_messages_sent_total",
            "WebSocket messages written to clients"),
        CounterDescriptor.counter(BYTES_SENT, "liqvol_ws_bytes_sent_total", "WebSocket payload bytes written to clients"),
        CounterDescriptor.counter(COALESCED_UPDATES, "liqvol_ws_coalesced_updates_total",
            "Volume updates replaced by a newer total of the same bucket for a lagging client"),
        CounterDescriptor.counter(SLOW_CLIENTS_CLOSED, "liqvol_ws_slow_clients_closed_total",
            "Clients closed with 1013 because their orders could not be delivered within the bound"),
        CounterDescriptor.counter(CONNECTIONS_REJECTED, "liqvol_connections_rejected_total",
            "Connections refused by the connection limits"),
        CounterDescriptor.counter(REQUESTS_RATE_LIMITED, "liqvol_requests_rate_limited_total",
            "Requests refused by the rate limit"),
        CounterDescriptor.counter(ORIGINS_REJECTED, "liqvol_origins_rejected_total",
            "WebSocket upgrades refused for their Origin"),
        CounterDescriptor.counter(CLIENT_ERRORS, "liqvol_client_errors_total", "Client requests answered with an error"));

    private final CounterSet values = new CounterSet(DESCRIPTORS);
    final LatencyHistogram endToEndLatency = new LatencyHistogram();
    private final List<Section> sections = new CopyOnWriteArrayList<>();

    public void addSection(final Section section)
    {
        sections.add(section);
    }

    /** Every gateway counter and gauge with its description. */
    public CounterSet counterSet()
    {
        return values;
    }

    public long liquidationClients()
    {
        return values.get(LIQUIDATION_CLIENTS);
    }

    public long klineClients()
    {
        return values.get(KLINE_CLIENTS);
    }

    public long httpConnections()
    {
        return values.get(HTTP_CONNECTIONS);
    }

    public long slowClientsClosed()
    {
        return values.get(SLOW_CLIENTS_CLOSED);
    }

    public long coalescedUpdates()
    {
        return values.get(COALESCED_UPDATES);
    }

    public long connectionsRejected()
    {
        return values.get(CONNECTIONS_REJECTED);
    }

    public LatencyHistogram endToEndLatency()
    {
        return endToEndLatency;
    }

    /** The whole exposition, {@code text/plain; version=0.0.4}. */
    public String render()
    {
        final StringBuilder out = new StringBuilder(4096);
        PrometheusText.write(out, values);
        PrometheusText.header(out, "liqvol_end_to_end_latency_seconds",
            "From upstream frame receipt to the write to a client", "histogram");
        endToEndLatency.writeTo(out, "liqvol_end_to_end_latency_seconds");
        for (final Section section : sections)
        {
            section.writeTo(out);
        }
        return out.toString();
    }

    void increment(final int id)
    {
        values.increment(id);
    }

    void add(final int id, final long delta)
    {
        values.add(id, delta);
    }
}
