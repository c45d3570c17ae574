package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTest
{
    /** What the test's counts render as: every metric, in the order and form /metrics publishes. */
    private static final String RENDERED = """
        # HELP liqvol_ws_clients Connected WebSocket clients by stream
        # TYPE liqvol_ws_clients gauge
        liqvol_ws_clients{stream="liquidations"} 2
        liqvol_ws_clients{stream="klines"} 0
        liqvol_ws_clients{stream="alerts"} 0
        liqvol_ws_clients{stream="overview"} 0
        liqvol_ws_clients{stream="market_liquidations"} 0
        # HELP liqvol_ws_overviews_computed_total Overviews computed for the overview stream
        # TYPE liqvol_ws_overviews_computed_total counter
        liqvol_ws_overviews_computed_total 0
        # HELP liqvol_http_connections Open HTTP connections (including WebSocket)
        # TYPE liqvol_http_connections gauge
        liqvol_http_connections 1
        # HELP liqvol_http_requests_total HTTP requests answered
        # TYPE liqvol_http_requests_total counter
        liqvol_http_requests_total 1
        # HELP liqvol_ws_messages_sent_total WebSocket messages written to clients
        # TYPE liqvol_ws_messages_sent_total counter
        liqvol_ws_messages_sent_total 1
        # HELP liqvol_ws_bytes_sent_total WebSocket payload bytes written to clients
        # TYPE liqvol_ws_bytes_sent_total counter
        liqvol_ws_bytes_sent_total 1500
        # HELP liqvol_ws_coalesced_updates_total \
        Volume updates replaced by a newer total of the same bucket for a lagging client
        # TYPE liqvol_ws_coalesced_updates_total counter
        liqvol_ws_coalesced_updates_total 0
        # HELP liqvol_ws_slow_clients_closed_total \
        Clients closed with 1013 because their orders could not be delivered within the bound
        # TYPE liqvol_ws_slow_clients_closed_total counter
        liqvol_ws_slow_clients_closed_total 0
        # HELP liqvol_ws_pong_timeouts_total \
        Clients closed because nothing, not even a pong, arrived from them within the pong timeout
        # TYPE liqvol_ws_pong_timeouts_total counter
        liqvol_ws_pong_timeouts_total 0
        # HELP liqvol_connections_rejected_total Connections refused by the connection limits
        # TYPE liqvol_connections_rejected_total counter
        liqvol_connections_rejected_total 0
        # HELP liqvol_requests_rate_limited_total Requests refused by the rate limit
        # TYPE liqvol_requests_rate_limited_total counter
        liqvol_requests_rate_limited_total 0
        # HELP liqvol_origins_rejected_total WebSocket upgrades refused for their Origin
        # TYPE liqvol_origins_rejected_total counter
        liqvol_origins_rejected_total 0
        # HELP liqvol_hosts_rejected_total Requests refused for their Host header (421)
        # TYPE liqvol_hosts_rejected_total counter
        liqvol_hosts_rejected_total 0
        # HELP liqvol_http_header_timeouts_total Connections closed because a request's headers did not arrive \
        within the deadline (408)
        # TYPE liqvol_http_header_timeouts_total counter
        liqvol_http_header_timeouts_total 0
        # HELP liqvol_auth_rejected_total Requests and upgrades refused for a missing or invalid API token (401)
        # TYPE liqvol_auth_rejected_total counter
        liqvol_auth_rejected_total 0
        # HELP liqvol_auth_revoked_streams_closed_total WebSocket streams closed with 1008 because their API token \
        was revoked
        # TYPE liqvol_auth_revoked_streams_closed_total counter
        liqvol_auth_revoked_streams_closed_total 0
        # HELP liqvol_client_errors_total Client requests answered with an error
        # TYPE liqvol_client_errors_total counter
        liqvol_client_errors_total 1
        # HELP liqvol_queries_refused_total History queries refused because a query budget was spent
        # TYPE liqvol_queries_refused_total counter
        liqvol_queries_refused_total{budget="address"} 0
        liqvol_queries_refused_total{budget="server"} 0
        # HELP liqvol_query_cost_held Buckets and rows of the history queries admitted and not yet written
        # TYPE liqvol_query_cost_held gauge
        liqvol_query_cost_held 0
        # HELP liqvol_http_answer_bytes_queued Bytes of streamed REST answers handed to connections and not yet \
        written to their sockets
        # TYPE liqvol_http_answer_bytes_queued gauge
        liqvol_http_answer_bytes_queued 0
        # HELP liqvol_klines_upstream_requests_total Kline requests sent to the exchange
        # TYPE liqvol_klines_upstream_requests_total counter
        liqvol_klines_upstream_requests_total 0
        # HELP liqvol_klines_cache_hits_total Kline requests answered from the candle cache
        # TYPE liqvol_klines_cache_hits_total counter
        liqvol_klines_cache_hits_total 0
        # HELP liqvol_klines_coalesced_total Kline requests that shared the answer of an identical one under way
        # TYPE liqvol_klines_coalesced_total counter
        liqvol_klines_coalesced_total 0
        # HELP liqvol_klines_budget_refused_total \
        Kline requests refused because the exchange's request weight for the minute was spent
        # TYPE liqvol_klines_budget_refused_total counter
        liqvol_klines_budget_refused_total 0
        # HELP liqvol_end_to_end_latency_seconds From upstream frame receipt to the write to a client
        # TYPE liqvol_end_to_end_latency_seconds histogram
        liqvol_end_to_end_latency_seconds_bucket{le="0.00005"} 0
        liqvol_end_to_end_latency_seconds_bucket{le="0.0001"} 0
        liqvol_end_to_end_latency_seconds_bucket{le="0.00025"} 0
        liqvol_end_to_end_latency_seconds_bucket{le="0.0005"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.001"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.0025"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.005"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.01"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.025"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.05"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.1"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="0.25"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="1"} 1
        liqvol_end_to_end_latency_seconds_bucket{le="+Inf"} 1
        liqvol_end_to_end_latency_seconds_sum 0.0003
        liqvol_end_to_end_latency_seconds_count 1
        liqvol_section 7
        """;

    private final GatewayMetrics metrics = new GatewayMetrics();

    @Test
    void shouldRenderCountersGaugesTheHistogramAndSectionsInTheirPublishedForm()
    {
        metrics.add(GatewayMetrics.LIQUIDATION_CLIENTS, 3);
        metrics.add(GatewayMetrics.LIQUIDATION_CLIENTS, -1);
        metrics.increment(GatewayMetrics.HTTP_CONNECTIONS);
        metrics.increment(GatewayMetrics.HTTP_REQUESTS);
        metrics.increment(GatewayMetrics.MESSAGES_SENT);
        metrics.add(GatewayMetrics.BYTES_SENT, 1500);
        metrics.increment(GatewayMetrics.CLIENT_ERRORS);
        metrics.endToEndLatency().record(300_000L);
        metrics.addSection(out -> out.append("liqvol_section 7\n"));

        assertThat(metrics.render()).isEqualTo(RENDERED);
        assertThat(metrics.liquidationClients()).isEqualTo(2);
        assertThat(metrics.httpConnections()).isEqualTo(1);
    }
}
