package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitStrategiesTest
{
    private static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);
    /** The phased strategy reads the clock once per 10,000 spins: past two rounds it has left the spin phase. */
    private static final long READS_PAST_SPIN_PHASE = 30_000;

    @Test
    void shouldNameEveryStrategyAndRefuseOthers()
    {
        assertThat(WaitStrategies.named("blocking")).isInstanceOf(BlockingWaitStrategy.class);
        assertThat(WaitStrategies.named("busy-spin")).isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(WaitStrategies.named("phased")).isInstanceOf(PhasedBackoffWaitStrategy.class);
        assertThatThrownBy(() -> WaitStrategies.named("fast"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("waitStrategy must be phased, blocking, sleeping, yielding or busy-spin, was fast");
    }

    @Test
    void shouldWakeAPhasedConsumerWhileItSpins() throws Exception
    {
        final Waiter waiter = new Waiter(WaitStrategies.phased(HOUR_NS, HOUR_NS));
        waiter.awaitReads(1_000);

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldWakeAPhasedConsumerWhileItYields() throws Exception
    {
        final Waiter waiter = new Waiter(WaitStrategies.phased(0, HOUR_NS));
        waiter.awaitReads(READS_PAST_SPIN_PHASE);

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldWakeAPhasedConsumerParkedOnTheLock() throws Exception
    {
        final Waiter waiter = new Waiter(WaitStrategies.phased(0, 0));
        while (waiter.thread.get().getState() != Thread.State.WAITING)
        {
            Thread.onSpinWait();
        }

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    /** A consumer thread waiting for sequence 0 of a cursor that counts how often it is read. */
    private static final class Waiter
    {
        private final AtomicLong reads = new AtomicLong();
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private final WaitStrategy strategy;
        private final Sequence cursor = new Sequence()
        {
            @Override
            public long get()
            {
                reads.incrementAndGet();
                return super.get();
            }
        };
        private final CompletableFuture<Long> waited = new CompletableFuture<>();

        Waiter(final WaitStrategy strategy)
        {
            this.strategy = strategy;
            final SequenceBarrier barrier =
                RingBuffer.createSingleProducer(() -> new long[1], 8, strategy).newBarrier();
            final Thread consumer = new Thread(() ->
            {
                try
                {
                    waited.complete(strategy.waitFor(0, cursor, cursor, barrier));
                }
                catch (final Exception ex)
                {
                    waited.completeExceptionally(ex);
                }
            }, "waiter");
            consumer.setDaemon(true);
            thread.set(consumer);
            consumer.start();
        }

        void awaitReads(final long count)
        {
            while (reads.get() < count)
            {
                Thread.onSpinWait();
            }
        }

        void publish()
        {
            cursor.set(0);
            strategy.signalAllWhenBlocking();
        }

        long result() throws Exception
        {
            return waited.get(30, TimeUnit.SECONDS);
        }
    }
}
