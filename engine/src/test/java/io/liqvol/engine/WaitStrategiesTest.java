package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

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
        assertThat(WaitStrategies.named("spin-park")).isInstanceOf(SpinThenParkWaitStrategy.class);
        assertThatThrownBy(() -> WaitStrategies.named("fast"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("waitStrategy must be spin-park, phased, blocking, sleeping, yielding or busy-spin, was fast");
    }

    @Test
    void shouldWakeAPhasedConsumerWhileItSpins() throws Exception
    {
        final WaitingConsumer waiter = new WaitingConsumer(WaitStrategies.phased(HOUR_NS, HOUR_NS));
        waiter.awaitReads(1_000);

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldWakeAPhasedConsumerWhileItYields() throws Exception
    {
        final WaitingConsumer waiter = new WaitingConsumer(WaitStrategies.phased(0, HOUR_NS));
        waiter.awaitReads(READS_PAST_SPIN_PHASE);

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldWakeAPhasedConsumerParkedOnTheLock() throws Exception
    {
        final WaitingConsumer waiter = new WaitingConsumer(WaitStrategies.phased(0, 0));
        while (!waiter.isParked())
        {
            Thread.onSpinWait();
        }

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }
}
