package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

class ClockGapProbeTest
{
    private final ReentrantLock clockLock = new ReentrantLock();
    private final AtomicLong reads = new AtomicLong();

    /** The probe's clock: it must take the lock to read, so a test holding the lock holds the probe. */
    private long lockedClockNs()
    {
        clockLock.lock();
        try
        {
            reads.incrementAndGet();
            return System.nanoTime();
        }
        finally
        {
            clockLock.unlock();
        }
    }

    @Test
    void shouldRecordAGapSpanningTheTimeItWasHeld() throws Exception
    {
        final ClockGapProbe probe = new ClockGapProbe(this::lockedClockNs, 1_000_000, 1024).start();
        awaitReads(1_000);

        clockLock.lock();
        final long heldFromNs = System.nanoTime();
        Thread.sleep(20);
        final long heldToNs = System.nanoTime();
        clockLock.unlock();
        awaitReads(reads.get() + 1_000);
        probe.stop();

        assertThat(probe.gapsNs().getMaxValue()).isGreaterThanOrEqualTo(heldToNs - heldFromNs - 20_000);
        assertThat(probe.gapsOver(heldToNs - heldFromNs - 1)).isGreaterThanOrEqualTo(1);
        assertThat(probe.overlapsGap(heldFromNs, heldToNs, heldToNs - heldFromNs - 1)).isTrue();
        assertThat(probe.reads()).isGreaterThan(2_000);
        assertThat(probe.summary()).contains("> 1 ms: ");
    }

    @Test
    void shouldFindOnlyGapsThatOverlapAnIntervalAndAreLongEnough() throws Exception
    {
        final long[] timesNs = {0, 10, 5_000, 5_010, 20_000, 20_010};
        final AtomicInteger next = new AtomicInteger();
        final ClockGapProbe probe = new ClockGapProbe(
            () -> timesNs[Math.min(next.getAndIncrement(), timesNs.length - 1)], 100, 16);

        probe.start();
        while (next.get() < timesNs.length)
        {
            Thread.onSpinWait();
        }
        probe.stop();

        assertThat(probe.gapsOver(100)).isEqualTo(2);
        assertThat(probe.overlapsGap(100, 200, 100)).isTrue();
        assertThat(probe.overlapsGap(5_000, 5_010, 100)).isFalse();
        assertThat(probe.overlapsGap(6_000, 7_000, 10_000)).isTrue();
        assertThat(probe.overlapsGap(6_000, 7_000, 20_000)).isFalse();
        assertThat(probe.overlapsGap(25_000, 30_000, 100)).isFalse();
    }

    private void awaitReads(final long count)
    {
        while (reads.get() < count)
        {
            Thread.onSpinWait();
        }
    }
}
