package io.liqvol.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Hands a heartbeat into the ring every interval, so that the journal stage marks when the engine was last alive even
 * while no liquidation arrives (a quiet market): after a crash the next start knows when recording stopped. One event
 * an interval, never one per liquidation.
 */
final class Heartbeat implements AutoCloseable
{
    private final Thread thread;
    private volatile boolean running = true;

    Heartbeat(final RingInput input, final long intervalMs)
    {
        final long intervalNs = intervalMs * 1_000_000L;
        thread = new Thread(() ->
        {
            while (running)
            {
                LockSupport.parkNanos(intervalNs);
                if (running)
                {
                    input.heartbeat();
                }
            }
        }, "liqvol-heartbeat");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /**
     * Stops the thread and waits for it even when interrupted (the engine halts its stages next, and a heartbeat
     * handed in after that would reach the journal while it closes); the interrupt is kept.
     */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
