package io.liqvol.engine.counters;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest
{
    @Test
    void shouldWriteEveryCounterWithOneHeaderPerMetric()
    {
        final CounterSet counters = new CounterSet(List.of(
            CounterDescriptor.gauge(0, "liqvol_ws_clients", "Connected clients by stream", "stream=\"a\""),
            CounterDescriptor.gauge(1, "liqvol_ws_clients", "Connected clients by stream", "stream=\"b\""),
            CounterDescriptor.counter(2, "liqvol_sent_total", "Messages sent")));
        counters.add(0, 2);
        counters.increment(2);
        counters.add(2, 41);
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, counters);

        assertThat(out.toString()).isEqualTo("""
            # HELP liqvol_ws_clients Connected clients by stream
            # TYPE liqvol_ws_clients gauge
            liqvol_ws_clients{stream="a"} 2
            liqvol_ws_clients{stream="b"} 0
            # HELP liqvol_sent_total Messages sent
            # TYPE liqvol_sent_total counter
            liqvol_sent_total 42
            """);
    }

    @Test
    void shouldWriteComputedMetricsAndHeaders()
    {
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, "liqvol_up", "1 while up", CounterDescriptor.Kind.GAUGE, 1);
        PrometheusText.write(out, "liqvol_gaps_total", "Gaps", CounterDescriptor.Kind.COUNTER, -3);
        PrometheusText.header(out, "liqvol_latency_seconds", "Latency", "histogram");

        assertThat(out.toString()).isEqualTo("""
            # HELP liqvol_up 1 while up
            # TYPE liqvol_up gauge
            liqvol_up 1
            # HELP liqvol_gaps_total Gaps
            # TYPE liqvol_gaps_total counter
            liqvol_gaps_total -3
            # HELP liqvol_latency_seconds Latency
            # TYPE liqvol_latency_seconds histogram
            """);
    }
}
