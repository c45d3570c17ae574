package io.liqvol.engine;

import com.lmax.disruptor.AlertException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpinThenParkWaitStrategyTest
{
    private static final long HOUR_NS = TimeUnit.HOURS.toNanos(1);

    @Test
    void shouldReturnAsSoonAsTheSequenceIsPublishedWhileSpinning() throws Exception
    {
        final WaitingConsumer waiter = new WaitingConsumer(new SpinThenParkWaitStrategy(HOUR_NS));
        waiter.awaitReads(1_000);

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldParkAfterItsSpinAndWakeWhenPublished() throws Exception
    {
        final WaitingConsumer waiter = new WaitingConsumer(new SpinThenParkWaitStrategy(0));
        while (!waiter.isParked())
        {
            Thread.onSpinWait();
        }

        waiter.publish();

        assertThat(waiter.result()).isEqualTo(0);
    }

    @Test
    void shouldWakeAParkedConsumerWhenTheRingHalts()
    {
        final WaitingConsumer waiter = new WaitingConsumer(new SpinThenParkWaitStrategy(0));
        while (!waiter.isParked())
        {
            Thread.onSpinWait();
        }

        waiter.alert();

        assertThatThrownBy(waiter::result).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(AlertException.class);
    }

    @Test
    void shouldNeverMissAPublicationRacingThePark() throws Exception
    {
        for (int i = 0; i < 2_000; i++)
        {
            final WaitingConsumer waiter = new WaitingConsumer(new SpinThenParkWaitStrategy(i % 50 * 1_000L));
            waiter.awaitReads(i % 7);

            waiter.publish();

            assertThat(waiter.result()).as("round %d", i).isEqualTo(0);
        }
    }
}
