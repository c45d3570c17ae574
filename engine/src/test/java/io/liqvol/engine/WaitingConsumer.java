package io.liqvol.engine;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A consumer thread waiting for sequence 0 of a cursor that counts how often it is read. */
final class WaitingConsumer
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
    private final SequenceBarrier barrier;

    WaitingConsumer(final WaitStrategy strategy)
    {
        this.strategy = strategy;
        barrier = RingBuffer.createSingleProducer(() -> new long[1], 8, strategy).newBarrier();
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

    /** Whether the consumer is parked (waiting without a timeout). */
    boolean isParked()
    {
        return thread.get().getState() == Thread.State.WAITING;
    }

    /** Alerts the consumer's barrier, as a halting ring does. */
    void alert()
    {
        barrier.alert();
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
