package io.liqvol.engine.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits, for at most ten seconds, for what a background thread does. */
final class Await
{
    private Await()
    {
    }

    static void until(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadlineNs)
        {
            LockSupport.parkNanos(1_000_000L);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
