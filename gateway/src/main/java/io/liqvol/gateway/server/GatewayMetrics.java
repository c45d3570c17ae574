package io.liqvol.gateway.server;

import io.liqvol.engine.counters.CounterDescriptors;
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

    private static final String WS_CLIENTS = "liqvol_ws_clients";
    private static final String WS_CLIENTS_HELP = "Connected WebSocket clients by stream";
    private static final CounterDescriptors DESCRIPTORS = new CounterDescriptors();
    static final int LIQUIDATION_CLIENTS = DESCRIPTORS.gauge(WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"liquidations\"");
    static final int KLINE_CLIENTS = DESCRIPTORS.gauge(WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"klines\"");
    static final int ALERT_CLIENTS = DESCRIPTORS.gauge(WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"alerts\"");
    static final int OVERVIEW_CLIENTS = DESCRIPTORS.gauge(WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"overview\"");
    static final int MARKET_CLIENTS =
        DESCRIPTORS.gauge(WS_CLIENTS, WS_CLIENTS_HELP, "stream=\"market_liquidations\"");
    /** Once per window and change, whatever the number of subscribers. */
    static final int OVERVIEWS_COMPUTED = DESCRIPTORS.counter("liqvol_ws_overviews_computed_total",
        "Overviews computed for the overview stream");
    static final int HTTP_CONNECTIONS = DESCRIPTORS.gauge("liqvol_http_connections",
        "Open HTTP connections (including WebSocket)");
    static final int HTTP_REQUESTS = DESCRIPTORS.counter("liqvol_http_requests_total", "HTTP requests answered");
    static final int MESSAGES_SENT = DESCRIPTORS.counter("liqvol_ws_messages_sent_total",
        "WebSocket messages written to clients");
    static final int BYTES_SENT = DESCRIPTORS.counter("liqvol_ws_bytes_sent_total",
        "WebSocket payload bytes written to clients");
    static final int COALESCED_UPDATES = DESCRIPTORS.counter("liqvol_ws_coalesced_updates_total",
        "Volume updates replaced by a newer total of the same bucket for a lagging client");
    static final int SLOW_CLIENTS_CLOSED = DESCRIPTORS.counter("liqvol_ws_slow_clients_closed_total",
        "Clients closed with 1013 because their orders could not be delivered within the bound");
    static final int PONG_TIMEOUTS = DESCRIPTORS.counter("liqvol_ws_pong_timeouts_total",
        "Clients closed because nothing, not even a pong, arrived from them within the pong timeout");
    static final int CONNECTIONS_REJECTED = DESCRIPTORS.counter("liqvol_connections_rejected_total",
        "Connections refused by the connection limits");
    static final int REQUESTS_RATE_LIMITED = DESCRIPTORS.counter("liqvol_requests_rate_limited_total",
        "Requests refused by the rate limit");
    static final int ORIGINS_REJECTED = DESCRIPTORS.counter("liqvol_origins_rejected_total",
        "WebSocket upgrades refused for their Origin");
    static final int HOSTS_REJECTED = DESCRIPTORS.counter("liqvol_hosts_rejected_total",
        "Requests refused for their Host header (421)");
    static final int HEADER_TIMEOUTS = DESCRIPTORS.counter("liqvol_http_header_timeouts_total",
        "Connections closed because a request's headers did not arrive within the deadline (408)");
    static final int AUTH_REJECTED = DESCRIPTORS.counter("liqvol_auth_rejected_total",
        "Requests and upgrades refused for a missing or invalid API token (401)");
    static final int TOKENS_REVOKED_CLOSED = DESCRIPTORS.counter("liqvol_auth_revoked_streams_closed_total",
        "WebSocket streams closed with 1008 because their API token was revoked");
    static final int CLIENT_ERRORS = DESCRIPTORS.counter("liqvol_client_errors_total",
        "Client requests answered with an error");

    private static final String QUERIES_REFUSED = "liqvol_queries_refused_total";
    private static final String QUERIES_REFUSED_HELP = "History queries refused because a query budget was spent";
    static final int QUERIES_REFUSED_ADDRESS =
        DESCRIPTORS.counter(QUERIES_REFUSED, QUERIES_REFUSED_HELP, "budget=\"address\"");
    static final int QUERIES_REFUSED_SERVER =
        DESCRIPTORS.counter(QUERIES_REFUSED, QUERIES_REFUSED_HELP, "budget=\"server\"");
    static final int QUERY_COST_HELD = DESCRIPTORS.gauge("liqvol_query_cost_held",
        "Buckets and rows of the history queries admitted and not yet written");
    static final int ANSWER_BYTES_QUEUED = DESCRIPTORS.gauge("liqvol_http_answer_bytes_queued",
        "Bytes of streamed REST answers handed to connections and not yet written to their sockets");
    static final int KLINE_UPSTREAM_REQUESTS = DESCRIPTORS.counter("liqvol_klines_upstream_requests_total",
        "Kline requests sent to the exchange");
    static final int KLINE_CACHE_HITS = DESCRIPTORS.counter("liqvol_klines_cache_hits_total",
        "Kline requests answered from the candle cache");
    static final int KLINE_COALESCED = DESCRIPTORS.counter("liqvol_klines_coalesced_total",
        "Kline requests that shared the answer of an identical one under way");
    static final int KLINE_BUDGET_REFUSED = DESCRIPTORS.counter("liqvol_klines_budget_refused_total",
        "Kline requests refused because the exchange's request weight for the minute was spent");

    private final CounterSet values = new CounterSet(DESCRIPTORS.list());
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

    /** Clients of the all-symbols stream. */
    public long marketClients()
    {
        return values.get(MARKET_CLIENTS);
    }

    public long httpConnections()
    {
        return values.get(HTTP_CONNECTIONS);
    }

    public long slowClientsClosed()
    {
        return values.get(SLOW_CLIENTS_CLOSED);
    }

    public long pongTimeouts()
    {
        return values.get(PONG_TIMEOUTS);
    }

    public long coalescedUpdates()
    {
        return values.get(COALESCED_UPDATES);
    }

    public long connectionsRejected()
    {
        return values.get(CONNECTIONS_REJECTED);
    }

    /** Bytes of streamed answers queued in connections, not yet on their sockets. */
    public long answerBytesQueued()
    {
        return values.get(ANSWER_BYTES_QUEUED);
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
