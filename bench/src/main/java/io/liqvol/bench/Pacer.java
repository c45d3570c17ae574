package io.liqvol.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed schedule of planned send times, one every {@code intervalNs}. The sender waits for an event's planned
 * time but never for the system under test: when it falls behind it sends at once, and the latency is still taken
 * from the planned time, so a stall is charged to every event it delayed (no coordinated omission).
 */
public final class Pacer
{
    private static final long PARK_SLACK_NS = 120_000;

    private final long startNs;
    private final long intervalNs;

    public Pacer(final long startNs, final long ratePerSecond)
    {
        this.startNs = startNs;
        this.intervalNs = 1_000_000_000L / ratePerSecond;
    }

    long plannedNs(final long index)
    {
        return startNs + index * intervalNs;
    }

    /**
     * Waits until the planned time of the event: parks while it is further away than the timer's slack, so that a
     * slow schedule leaves the cores to the system under test, then spins. Returns that planned time.
     */
    public long awaitPlanned(final long index)
    {
        final long plannedNs = plannedNs(index);
        long waitNs;
        while ((waitNs = plannedNs - System.nanoTime()) > PARK_SLACK_NS)
        {
            LockSupport.parkNanos(waitNs - PARK_SLACK_NS);
        }
        while (System.nanoTime() < plannedNs)
        {
            Thread.onSpinWait();
        }
        return plannedNs;
    }
}
