package io.liqvol.engine.counters;

import io.liqvol.engine.counters.CounterDescriptor.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CounterDescriptorsTest
{
    @Test
    void shouldGiveEachCounterTheNextIdInOrderOfDeclaration()
    {
        final CounterDescriptors descriptors = new CounterDescriptors();

        final int clients = descriptors.gauge("liqvol_clients", "Clients");
        final int rejectedA = descriptors.counter("liqvol_rejected_total", "Rejected", "reason=\"a\"");
        final int rejectedB = descriptors.counter("liqvol_rejected_total", "Rejected", "reason=\"b\"");
        final int sent = descriptors.counter("liqvol_sent_total", "Sent");
        final int open = descriptors.gauge("liqvol_open", "Open", "stream=\"x\"");

        assertThat(new int[] {clients, rejectedA, rejectedB, sent, open}).containsExactly(0, 1, 2, 3, 4);
        assertThat(descriptors.size()).isEqualTo(5);
        assertThat(descriptors.list()).containsExactly(
            new CounterDescriptor(0, "liqvol_clients", "Clients", Kind.GAUGE, null),
            new CounterDescriptor(1, "liqvol_rejected_total", "Rejected", Kind.COUNTER, "reason=\"a\""),
            new CounterDescriptor(2, "liqvol_rejected_total", "Rejected", Kind.COUNTER, "reason=\"b\""),
            new CounterDescriptor(3, "liqvol_sent_total", "Sent", Kind.COUNTER, null),
            new CounterDescriptor(4, "liqvol_open", "Open", Kind.GAUGE, "stream=\"x\""));
    }

    @Test
    void shouldHandOutACopyThatLaterCountersDoNotChange()
    {
        final CounterDescriptors descriptors = new CounterDescriptors();
        descriptors.counter("liqvol_a_total", "A");

        final List<CounterDescriptor> first = descriptors.list();
        descriptors.counter("liqvol_b_total", "B");

        assertThat(first).hasSize(1);
        assertThat(descriptors.list()).hasSize(2);
    }
}
