package io.liqvol.engine.counters;

import io.liqvol.engine.counters.CounterDescriptor.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterDescriptorTest
{
    @Test
    void shouldDescribeACounterOrAGaugeWithOrWithoutLabels()
    {
        final CounterDescriptor rejected =
            new CounterDescriptor(3, "liqvol_rejected_total", "By reason", Kind.COUNTER, "reason=\"overflow\"");
        final CounterDescriptor clients = new CounterDescriptor(0, "liqvol_ws_clients", "Clients", Kind.GAUGE, null);

        assertThat(rejected.id()).isEqualTo(3);
        assertThat(rejected.kind().text()).isEqualTo("counter");
        assertThat(rejected.labels()).isEqualTo("reason=\"overflow\"");
        assertThat(clients.kind().text()).isEqualTo("gauge");
        assertThat(clients.labels()).isNull();
    }

    @Test
    void shouldTellSamplesOfOneMetricByName()
    {
        final CounterDescriptor a = new CounterDescriptor(0, "liqvol_clients", "Clients", Kind.GAUGE, "stream=\"a\"");
        final CounterDescriptor b = new CounterDescriptor(1, "liqvol_clients", "Clients", Kind.GAUGE, "stream=\"b\"");
        final CounterDescriptor other = new CounterDescriptor(2, "liqvol_connections", "Connections", Kind.GAUGE, null);

        assertThat(a.sameMetric(b)).isTrue();
        assertThat(a.sameMetric(other)).isFalse();
    }

    @Test
    void shouldRefuseWhatPrometheusCannotRead()
    {
        assertThatThrownBy(() -> new CounterDescriptor(-1, "liqvol_total", "Help", Kind.COUNTER, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol-total", "Help", Kind.COUNTER, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liqvol-total");
        assertThatThrownBy(() -> new CounterDescriptor(0, "1st_total", "Help", Kind.COUNTER, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", "two\nlines", Kind.COUNTER, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", " ", Kind.COUNTER, null))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", "Help", Kind.COUNTER, "reason=overflow"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason=overflow");
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", "Help", Kind.COUNTER, "reason=\"a\"b\""))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterDescriptor(0, "liqvol_total", "Help", null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    }

    @Test
    void shouldAcceptSeveralLabels()
    {
        assertThat(new CounterDescriptor(0, "liqvol_total", "Help", Kind.COUNTER, "a=\"1\",b_2=\"x y\"").labels())
            .isEqualTo("a=\"1\",b_2=\"x y\"");
    }
}
