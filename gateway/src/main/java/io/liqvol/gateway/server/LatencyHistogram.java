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

    private final AtomicLongArray counts = new AtomicLongArray(UPPER_BOUNDS_NS.length + 1);
    private final AtomicLong sumNs = new AtomicLong();

    public void record(final long valueNs)
    {
        final long value = Math.max(0, valueNs);
        int index = 0;
        while (index < UPPER_BOUNDS_NS.length && value > UPPER_BOUNDS_NS[index])
        {
            index++;
        }
        counts.incrementAndGet(index);
        sumNs.addAndGet(value);
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
