package io.liqvol.engine.alerts;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer, single-consumer ring of preallocated slots from the engine's publisher thread to the
 * evaluator: each slot is {@link #STRIDE} longs and a symbol name, written in place, so offering allocates
 * nothing and never waits. A full ring drops the entry and counts it.
 */
final class AlertQueue
{
    static final int STRIDE = 16;
    static final long LIQUIDATION = 1;
    static final long BUCKET = 2;

    private final long[] slots;
    private final String[] symbols;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    /** Producer's view of head, refreshed only when the ring looks full. */
    private long cachedHead;

    AlertQueue(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        this.slots = new long[capacity * STRIDE];
        this.symbols = new String[capacity];
        this.mask = capacity - 1;
    }

    /** The offset of a free slot to write, or -1 when the ring is full (counted as a drop). Producer only. */
    int claim()
    {
        final long position = tail.getPlain();
        if (position - cachedHead > mask)
        {
            cachedHead = head.getAcquire();
            if (position - cachedHead > mask)
            {
                drops.incrementAndGet();
                return -1;
            }
        }
        return (int)(position & mask) * STRIDE;
    }

    long[] slots()
    {
        return slots;
    }

    /** Makes the claimed slot, with its symbol, visible to the consumer. Producer only. */
    void publish(final int offset, final String symbol)
    {
        symbols[offset / STRIDE] = symbol;
        tail.setRelease(tail.getPlain() + 1);
    }

    /** The offset of the next slot to read, or -1 when there is none. Consumer only. */
    int peek()
    {
        final long position = head.getPlain();
        return position == tail.getAcquire() ? -1 : (int)(position & mask) * STRIDE;
    }

    String symbol(final int offset)
    {
        return symbols[offset / STRIDE];
    }

    /** Frees the slot read last. Consumer only. */
    void advance()
    {
        head.setRelease(head.getPlain() + 1);
    }

    long drops()
    {
        return drops.get();
    }

    /** Entries waiting. Any thread. */
    long size()
    {
        return tail.get() - head.get();
    }
}
