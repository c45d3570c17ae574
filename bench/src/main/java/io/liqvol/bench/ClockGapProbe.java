package io.liqvol.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The platform's floor: a thread that only reads the clock in a loop and records each gap between two reads. A long
 * gap is time the thread could not run (another thread on its core, the hypervisor, a safepoint); whatever else runs
 * on this machine meets the same stalls. Gaps over the threshold are kept with their start and end, so that slow
 * samples of a run can be checked against them.
 */
final class ClockGapProbe
{
    static final long DEFAULT_THRESHOLD_NS = 100_000;
    static final long MILLISECOND_NS = 1_000_000;
    private static final int DEFAULT_MAX_GAPS = 1 << 19;
    private static final long HIGHEST_GAP_NS = TimeUnit.MINUTES.toNanos(10);

    private final LongSupplier clockNs;
    private final long thresholdNs;
    private final Histogram gapsNs = new Histogram(HIGHEST_GAP_NS, 3);
    private final long[] gapStartNs;
    private final long[] gapEndNs;
    private int storedGaps;
    private long unstoredGaps;
    private long reads;
    private long firstReadNs;
    private long lastReadNs;
    private volatile boolean running;
    private Thread thread;

    /** A probe of {@link System#nanoTime()} keeping the gaps over {@link #DEFAULT_THRESHOLD_NS}. */
    ClockGapProbe()
    {
        this(System::nanoTime, DEFAULT_THRESHOLD_NS, DEFAULT_MAX_GAPS);
    }

    ClockGapProbe(final LongSupplier clockNs, final long thresholdNs, final int maxGaps)
    {
        this.clockNs = clockNs;
        this.thresholdNs = thresholdNs;
        gapStartNs = new long[maxGaps];
        gapEndNs = new long[maxGaps];
    }

    ClockGapProbe start()
    {
        running = true;
        thread = new Thread(this::run, "clock-gap-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops the thread and waits for it; the results may be read afterwards. */
    ClockGapProbe stop() throws InterruptedException
    {
        running = false;
        thread.join();
        return this;
    }

    private void run()
    {
        long previousNs = clockNs.getAsLong();
        firstReadNs = previousNs;
        while (running)
        {
            final long nowNs = clockNs.getAsLong();
            final long gapNs = nowNs - previousNs;
            gapsNs.recordValue(Math.min(Math.max(gapNs, 0), HIGHEST_GAP_NS));
            if (gapNs > thresholdNs)
            {
                keepGap(previousNs, nowNs);
            }
            previousNs = nowNs;
            reads++;
        }
        lastReadNs = previousNs;
    }

    private void keepGap(final long startNs, final long endNs)
    {
        if (storedGaps == gapStartNs.length)
        {
            unstoredGaps++;
            return;
        }
        gapStartNs[storedGaps] = startNs;
        gapEndNs[storedGaps] = endNs;
        storedGaps++;
    }

    long reads()
    {
        return reads;
    }

    Histogram gapsNs()
    {
        return gapsNs;
    }

    /** Kept gaps longer than {@code minNs} (at least the threshold). */
    long gapsOver(final long minNs)
    {
        long count = 0;
        for (int i = 0; i < storedGaps; i++)
        {
            if (gapEndNs[i] - gapStartNs[i] > minNs)
            {
                count++;
            }
        }
        return count;
    }

    /** Whether a kept gap longer than {@code minGapNs} overlaps the interval from {@code fromNs} to {@code toNs}. */
    boolean overlapsGap(final long fromNs, final long toNs, final long minGapNs)
    {
        // gaps are kept in time order and never overlap: find the first one ending after fromNs
        int low = 0;
        int high = storedGaps;
        while (low < high)
        {
            final int middle = (low + high) >>> 1;
            if (gapEndNs[middle] <= fromNs)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        for (int i = low; i < storedGaps && gapStartNs[i] < toNs; i++)
        {
            if (gapEndNs[i] - gapStartNs[i] > minGapNs)
            {
                return true;
            }
        }
        return false;
    }

    /** One line: reads, gap percentiles and the counts over the threshold and over 1 ms, also per 5 s. */
    String summary()
    {
        final double seconds = Math.max(1, lastReadNs - firstReadNs) / 1e9;
        final long overThreshold = gapsOver(thresholdNs);
        final long overMillisecond = gapsOver(MILLISECOND_NS);
        return String.format(Locale.ROOT,
            "clock-gap probe: %,d reads in %.1f s; gap p50 %s, p99 %s, p99.99 %s, p99.9999 %s, max %s µs;"
                + " gaps > %s µs: %,d (%.1f per 5 s)%s, > 1 ms: %,d (%.1f per 5 s)",
            reads, seconds, LatencyReport.micros(gapsNs.getValueAtPercentile(50)),
            LatencyReport.micros(gapsNs.getValueAtPercentile(99)),
            LatencyReport.micros(gapsNs.getValueAtPercentile(99.99)),
            LatencyReport.micros(gapsNs.getValueAtPercentile(99.9999)),
            LatencyReport.micros(gapsNs.getMaxValue()), LatencyReport.micros(thresholdNs),
            overThreshold, overThreshold * 5 / seconds,
            unstoredGaps == 0 ? "" : String.format(Locale.ROOT, " (%,d more not kept)", unstoredGaps),
            overMillisecond, overMillisecond * 5 / seconds);
    }
}
