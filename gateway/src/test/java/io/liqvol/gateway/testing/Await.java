package io.liqvol.gateway.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition over real sockets; generous timeouts, short polls, no fixed sleeps in assertions. */
public final class Await
{
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Await()
    {
    }

    public static void until(final String what, final BooleanSupplier condition)
    {
        until(what, TIMEOUT, condition);
    }

    public static void until(final String what, final Duration timeout, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            pause(10);
        }
    }

    /** Lets time pass for conditions that must stay true (a connection that must not be dropped). */
    public static void pause(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
