package io.liqvol.engine.counters;

import org.agrona.concurrent.AtomicBuffer;
import io.liqvol.engine.counters.CounterDescriptor.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterSetTest
{
    private static final List<CounterDescriptor> THREE = List.of(
        new CounterDescriptor(0, "liqvol_a_total", "A", Kind.COUNTER, null),
        new CounterDescriptor(1, "liqvol_b_total", "B", Kind.COUNTER, null),
        new CounterDescriptor(2, "liqvol_c", "C", Kind.GAUGE, null));

    private final CounterSet counters = new CounterSet(THREE);

    @Test
    void shouldPutEachCounterOnItsOwnPairOfAlignedCacheLines()
    {
        final AtomicBuffer buffer = counters.buffer();

        assertThat(CounterSet.COUNTER_LENGTH).isEqualTo(128);
        assertThat(buffer.addressOffset() % 64).isZero();
        assertThat(buffer.capacity()).isEqualTo(3 * 128);
        assertThat(CounterSet.offset(0)).isZero();
        assertThat(CounterSet.offset(2)).isEqualTo(256);

        counters.add(1, -1);

        for (int index = 0; index < buffer.capacity(); index++)
        {
            final boolean valueOfB = index >= CounterSet.offset(1) && index < CounterSet.offset(1) + Long.BYTES;
            assertThat(buffer.getByte(index)).as("byte %d", index).isEqualTo(valueOfB ? (byte)-1 : 0);
        }
    }

    @Test
    void shouldKeepCountersApart()
    {
        counters.incrementOrdered(0);
        counters.incrementOrdered(0);
        counters.increment(1);
        counters.add(2, 5);
        counters.add(2, -2);

        assertThat(counters.get(0)).isEqualTo(2);
        assertThat(counters.get(1)).isEqualTo(1);
        assertThat(counters.get(2)).isEqualTo(3);
        assertThat(counters.size()).isEqualTo(3);
        assertThat(counters.descriptors()).isEqualTo(THREE);
    }

    @Test
    void shouldShowASingleWritersIncrementsToAnotherThreadInOrder() throws Exception
    {
        final int increments = 1_000_000;
        final AtomicLong decreases = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            long previous = 0;
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (previous < increments && System.nanoTime() < deadlineNs)
            {
                final long value = counters.get(0);
                if (value < previous)
                {
                    decreases.incrementAndGet();
                }
                previous = Math.max(previous, value);
            }
        });
        reader.start();
        final Thread writer = new Thread(() ->
        {
            for (int i = 0; i < increments; i++)
            {
                counters.incrementOrdered(0);
            }
        });
        writer.start();
        writer.join();
        reader.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(reader.isAlive()).as("the reader saw the last increment").isFalse();
        assertThat(counters.get(0)).isEqualTo(increments);
        assertThat(decreases.get()).isZero();
    }

    @Test
    void shouldLoseNoIncrementOfManyWriters() throws Exception
    {
        final int perThread = 200_000;
        final List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final Thread writer = new Thread(() ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    counters.increment(1);
                    counters.add(2, 3);
                    counters.add(2, -1);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (final Thread writer : writers)
        {
            writer.join();
        }

        assertThat(counters.get(1)).isEqualTo(4L * perThread);
        assertThat(counters.get(2)).isEqualTo(2L * 4 * perThread);
        assertThat(counters.get(0)).isZero();
    }

    @Test
    void shouldRefuseIdsThatAreNotTheirPosition()
    {
        assertThatThrownBy(() -> new CounterSet(List.of(
            new CounterDescriptor(0, "liqvol_a_total", "A", Kind.COUNTER, null),
            new CounterDescriptor(2, "liqvol_b_total", "B", Kind.COUNTER, null))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liqvol_b_total has id 2 at index 1");
    }

    @Test
    void shouldRefuseAMetricDescribedTwiceOrSplitApart()
    {
        assertThatThrownBy(() -> new CounterSet(List.of(
            new CounterDescriptor(0, "liqvol_a_total", "A", Kind.COUNTER, null),
            new CounterDescriptor(1, "liqvol_a_total", "A", Kind.COUNTER, null))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("described twice");
        assertThatThrownBy(() -> new CounterSet(List.of(
            new CounterDescriptor(0, "liqvol_a_total", "A", Kind.COUNTER, "r=\"x\""),
            new CounterDescriptor(1, "liqvol_a_total", "Other help", Kind.COUNTER, "r=\"y\""))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("described twice");
        assertThatThrownBy(() -> new CounterSet(List.of(
            new CounterDescriptor(0, "liqvol_a_total", "A", Kind.COUNTER, "r=\"x\""),
            new CounterDescriptor(1, "liqvol_b_total", "B", Kind.COUNTER, null),
            new CounterDescriptor(2, "liqvol_a_total", "A", Kind.COUNTER, "r=\"y\""))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not adjacent");
        assertThatThrownBy(() -> new CounterSet(List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }
}
