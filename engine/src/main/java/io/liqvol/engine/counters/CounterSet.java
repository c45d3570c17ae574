package io.liqvol.engine.counters;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The values of a fixed list of counters, each on its own pair of cache lines in an aligned direct buffer, so that
 * threads writing different counters never contend for a line (in the spirit of Agrona's {@code CountersManager},
 * without its registry).
 * <pre>
 *  counter id: | value (8) | padding (120) |   at offset id × COUNTER_LENGTH
 * </pre>
 * A counter with one writing thread is bumped with {@link #incrementOrdered}, a plain read and a release write;
 * one written by several threads with {@link #increment} or {@link #add}, an atomic add. Readers read volatile.
 */
public final class CounterSet
{
    /** Two cache lines, so that the adjacent-line prefetcher does not pair two counters either. */
    public static final int COUNTER_LENGTH = 2 * BitUtil.CACHE_LINE_LENGTH;

    private final List<CounterDescriptor> descriptors;
    private final AtomicBuffer values;

    public CounterSet(final List<CounterDescriptor> descriptors)
    {
        this.descriptors = List.copyOf(descriptors);
        checkLayout(this.descriptors);
        this.values = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            this.descriptors.size() * COUNTER_LENGTH, BitUtil.CACHE_LINE_LENGTH));
    }

    public static int offset(final int id)
    {
        return id * COUNTER_LENGTH;
    }

    /** In id order. */
    public List<CounterDescriptor> descriptors()
    {
        return descriptors;
    }

    public int size()
    {
        return descriptors.size();
    }

    public long get(final int id)
    {
        return values.getLongVolatile(offset(id));
    }

    /** For a counter only the calling thread writes: no atomic add, which would lock the cache line. */
    public void incrementOrdered(final int id)
    {
        final int offset = offset(id);
        values.putLongRelease(offset, values.getLong(offset) + 1);
    }

    /** For a counter any thread may write. */
    public void increment(final int id)
    {
        values.getAndAddLong(offset(id), 1);
    }

    /** For a counter or gauge any thread may write; a gauge may go down. */
    public void add(final int id, final long delta)
    {
        values.getAndAddLong(offset(id), delta);
    }

    AtomicBuffer buffer()
    {
        return values;
    }

    private static void checkLayout(final List<CounterDescriptor> descriptors)
    {
        if (descriptors.isEmpty())
        {
            throw new IllegalArgumentException("a counter set needs at least one counter");
        }
        final Set<String> closedNames = new HashSet<>();
        for (int i = 0; i < descriptors.size(); i++)
        {
            final CounterDescriptor descriptor = descriptors.get(i);
            if (descriptor.id() != i)
            {
                throw new IllegalArgumentException(descriptor.name() + " has id " + descriptor.id() + " at index " + i);
            }
            if (i > 0)
            {
                final CounterDescriptor previous = descriptors.get(i - 1);
                if (descriptor.sameMetric(previous) && !sameFamily(descriptor, previous))
                {
                    throw new IllegalArgumentException(descriptor.name() + " is described twice differently");
                }
                if (!descriptor.sameMetric(previous))
                {
                    closedNames.add(previous.name());
                }
            }
            if (closedNames.contains(descriptor.name()))
            {
                throw new IllegalArgumentException("the samples of " + descriptor.name() + " are not adjacent");
            }
        }
    }

    private static boolean sameFamily(final CounterDescriptor a, final CounterDescriptor b)
    {
        return a.help().equals(b.help()) && a.kind() == b.kind() && a.labels() != null && b.labels() != null
            && !a.labels().equals(b.labels());
    }
}
