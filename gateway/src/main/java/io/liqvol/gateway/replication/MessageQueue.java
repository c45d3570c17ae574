package io.liqvol.gateway.replication;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Messages a follower received and the edge has not yet handed to its engine, oldest first, copied into one buffer
 * (no allocation). Each keeps its time (the key the edge merges recorders by), its stream position and when it came.
 * One thread.
 */
final class MessageQueue
{
    private static final int SLOT_LENGTH = BitUtil.align(ReplicationDescriptor.MAX_LENGTH, 32);

    private final int mask;
    private final UnsafeBuffer slots;
    private final int[] lengths;
    private final long[] keysMs;
    private final long[] positions;
    private final long[] arrivalsNs;
    private long head;
    private long tail;

    MessageQueue(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of 2, was " + capacity);
        }
        mask = capacity - 1;
        slots = new UnsafeBuffer(new byte[capacity * SLOT_LENGTH]);
        lengths = new int[capacity];
        keysMs = new long[capacity];
        positions = new long[capacity];
        arrivalsNs = new long[capacity];
    }

    int size()
    {
        return (int)(tail - head);
    }

    int free()
    {
        return mask + 1 - size();
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    /** Appends a copy of {@code buffer[offset, offset + length)}; the caller checked {@link #free()}. */
    void add(
        final DirectBuffer buffer, final int offset, final int length, final long keyMs, final long position,
        final long arrivalNs)
    {
        final int slot = (int)(tail & mask);
        slots.putBytes(slot * SLOT_LENGTH, buffer, offset, Math.min(length, SLOT_LENGTH));
        lengths[slot] = Math.min(length, SLOT_LENGTH);
        keysMs[slot] = keyMs;
        positions[slot] = position;
        arrivalsNs[slot] = arrivalNs;
        tail++;
    }

    long headKeyMs()
    {
        return keysMs[(int)(head & mask)];
    }

    long headArrivalNs()
    {
        return arrivalsNs[(int)(head & mask)];
    }

    long headPosition()
    {
        return positions[(int)(head & mask)];
    }

    int headOffset()
    {
        return (int)(head & mask) * SLOT_LENGTH;
    }

    int headLength()
    {
        return lengths[(int)(head & mask)];
    }

    DirectBuffer buffer()
    {
        return slots;
    }

    void remove()
    {
        head++;
    }
}
