package io.liqvol.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spins for a while, then parks until the producer publishes: inside a burst a stage thread never sleeps, an idle
 * engine costs no CPU. Unlike Disruptor's phased back-off there is no yield phase, which on a shared machine gives
 * the core away for a whole scheduler tick (4 ms here) whenever another process is runnable; and the producer takes
 * the lock only while a stage thread is parked, not on every publish as {@code BlockingWaitStrategy} does.
 * <p>
 * No wake-up is lost: a parking thread counts itself in {@code parked} and then re-reads the cursor under the lock,
 * a producer moves the cursor and then reads {@code parked}, so at least one of them sees the other (both are
 * sequentially consistent), and the producer's signal waits for the lock the parking thread holds until it waits.
 */
final class SpinThenParkWaitStrategy implements WaitStrategy
{
    private static final int SPINS_PER_CLOCK_READ = 64;

    private final long spinNs;
    private final Object mutex = new Object();
    private final AtomicInteger parked = new AtomicInteger();

    SpinThenParkWaitStrategy(final long spinNs)
    {
        this.spinNs = spinNs;
    }

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        long available = dependentSequence.get();
        if (available >= sequence)
        {
            return available;
        }
        final long parkAtNs = System.nanoTime() + spinNs;
        int spins = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (++spins % SPINS_PER_CLOCK_READ == 0 && System.nanoTime() > parkAtNs && cursor.get() < sequence)
            {
                parkUntilPublished(sequence, cursor, barrier);
            }
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (parked.get() > 0)
        {
            synchronized (mutex)
            {
                mutex.notifyAll();
            }
        }
    }

    private void parkUntilPublished(final long sequence, final Sequence cursor, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        synchronized (mutex)
        {
            parked.incrementAndGet();
            try
            {
                while (cursor.get() < sequence)
                {
                    barrier.checkAlert();
                    mutex.wait();
                }
            }
            finally
            {
                parked.decrementAndGet();
            }
        }
    }

    @Override
    public String toString()
    {
        return "SpinThenParkWaitStrategy{spinNs=" + spinNs + "}";
    }
}
