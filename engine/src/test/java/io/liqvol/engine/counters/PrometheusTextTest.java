package io.liqvol.engine.counters;

import io.liqvol.engine.counters.CounterDescriptor.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest
{
    @Test
    void shouldWriteEveryCounterWithOneHeaderPerMetric()
    {
        final CounterDescriptors descriptors = new CounterDescriptors();
        final int clientsOfA = descriptors.gauge("liqvol_ws_clients", "Connected clients by stream", "stream=\"a\"");
        descriptors.gauge("liqvol_ws_clients", "Connected clients by stream", "stream=\"b\"");
        final int sent = descriptors.counter("liqvol_sent_total", "Messages sent");
        final CounterSet counters = new CounterSet(descriptors.list());
        counters.add(clientsOfA, 2);
        counters.increment(sent);
        counters.add(sent, 41);
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
    void shouldWriteOnlyTheSelectedCountersWithOneHeaderPerMetricWritten()
    {
        final CounterDescriptors descriptors = new CounterDescriptors();
        descriptors.counter("liqvol_sent_total", "Messages sent", "exchange=\"a\"");
        final int sentOfB = descriptors.counter("liqvol_sent_total", "Messages sent", "exchange=\"b\"");
        descriptors.counter("liqvol_lost_total", "Messages lost", "exchange=\"a\"");
        descriptors.counter("liqvol_lost_total", "Messages lost", "exchange=\"b\"");
        final CounterSet counters = new CounterSet(descriptors.list());
        counters.add(sentOfB, 7);
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, counters, descriptor -> descriptor.labels().contains("\"b\""));

        assertThat(out.toString()).isEqualTo("""
            # HELP liqvol_sent_total Messages sent
            # TYPE liqvol_sent_total counter
            liqvol_sent_total{exchange="b"} 7
            # HELP liqvol_lost_total Messages lost
            # TYPE liqvol_lost_total counter
            liqvol_lost_total{exchange="b"} 0
            """);
    }

    @Test
    void shouldWriteComputedMetricsAndHeaders()
    {
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, "liqvol_up", "1 while up", Kind.GAUGE, 1);
        PrometheusText.write(out, "liqvol_gaps_total", "Gaps", Kind.COUNTER, -3);
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
