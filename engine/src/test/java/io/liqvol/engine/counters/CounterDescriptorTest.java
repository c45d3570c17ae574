package io.liqvol.engine.counters;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterDescriptorTest
{
    @Test
    void shouldDescribeACounterOrAGaugeWithOrWithoutLabels()
    {
        final CounterDescriptor rejected =
            CounterDescriptor.counter(3, "liqvol_events_rejected_total", "Rejected, by reason", "reason=\"overflow\"");
        final CounterDescriptor clients = CounterDescriptor.gauge(0, "liqvol_ws_clients", "Clients");

        assertThat(rejected.id()).isEqualTo(3);
        assertThat(rejected.kind().text()).isEqualTo("counter");
        assertThat(rejected.labels()).isEqualTo("reason=\"overflow\"");
        assertThat(clients.kind().text()).isEqualTo("gauge");
        assertThat(clients.labels()).isNull();
    }

    @Test
    void shouldTellSamplesOfOneMetricByName()
    {
        final CounterDescriptor a = CounterDescriptor.gauge(0, "liqvol_ws_clients", "Clients", "stream=\"a\"");
        final CounterDescriptor b = CounterDescriptor.gauge(1, "liqvol_ws_clients", "Clients", "stream=\"b\"");
        final CounterDescriptor other = CounterDescriptor.gauge(2, "liqvol_http_connections", "Connections");

        assertThat(a.sameMetric(b)).isTrue();
        assertThat(a.sameMetric(other)).isFalse();
    }

    @Test
    void shouldRefuseWhatPrometheusCannotRead()
    {
        assertThatThrownBy(() -> CounterDescriptor.counter(-1, "liqvol_total", "Help"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "liqvol-total", "Help"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liqvol-total");
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "1st_total", "Help"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "liqvol_total", "two\nlines"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "liqvol_total", " "))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "liqvol_total", "Help", "reason=overflow"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=overflow");
        assertThatThrownBy(() -> CounterDescriptor.counter(0, "liqvol_total", "Help", "reason=\"a\"b\""))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", "Help", null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    }

    @Test
    void shouldAcceptSeveralLabels()
    {
        assertThat(CounterDescriptor.counter(0, "liqvol_total", "Help", "a=\"1\",b_2=\"x y\"").labels())
            .isEqualTo("a=\"1\",b_2=\"x y\"");
    }
}
