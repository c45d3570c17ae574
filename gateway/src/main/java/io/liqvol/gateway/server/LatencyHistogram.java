package io.liqvol.gateway.server;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free cumulative histogram with fixed upper bounds, written from any thread, exposed in
 * Prometheus' histogram format (seconds).
 */
public final class LatencyHistogram
{
    private static final long[] UPPER_BOUNDS_NS = {
        50_000L, 100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L,
        25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 1_000_000_000L};

    /** Buckets, the last one for values above every bound. */
    static final int BUCKETS = UPPER_BOUNDS_NS.length + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong sumNs = new AtomicLong();

    public void record(final long valueNs)
    {
        final long value = Math.max(0, valueNs);
        counts.incrementAndGet(bucket(value));
        sumNs.addAndGet(value);
    }

    /** Adds what one thread counted by itself: {@link #BUCKETS} counts and their sum. */
    void add(final long[] bucketCounts, final long bucketsSumNs)
    {
        for (int i = 0; i < BUCKETS; i++)
        {
            if (bucketCounts[i] != 0)
            {
                counts.addAndGet(i, bucketCounts[i]);
            }
        }
        sumNs.addAndGet(bucketsSumNs);
    }

    /** The bucket of a non-negative value. */
    static int bucket(final long valueNs)
    {
        int index = 0;
        while (index < UPPER_BOUNDS_NS.length && valueNs > UPPER_BOUNDS_NS[index])
        {
            index++;
        }
        return index;
    }

    private static String seconds(final long nanos)
    {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }

    public long count()
    {
        long total = 0;
        for (int i = 0; i < counts.length(); i++)
        {
            total += counts.get(i);
        }
        return total;
    }

    /** Appends {@code name_bucket{le=…}}, {@code name_sum} and {@code name_count} lines. */
    void writeTo(final StringBuilder out, final String name)
    {
        long cumulative = 0;
        for (int i = 0; i < UPPER_BOUNDS_NS.length; i++)
        {
            cumulative += counts.get(i);
            out.append(name).append("_bucket{le=\"").append(seconds(UPPER_BOUNDS_NS[i])).append("\"} ")
                .append(cumulative).append('\n');
        }
        cumulative += counts.get(UPPER_BOUNDS_NS.length);
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append(name).append("_sum ").append(seconds(sumNs.get())).append('\n');
        out.append(name).append("_count ").append(cumulative).append('\n');
    }
}
