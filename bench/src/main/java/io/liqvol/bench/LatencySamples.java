package io.liqvol.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * The latency samples of one run: every one in a histogram, the slow ones also with their start and end, so that they
 * can be set beside the clock's gaps. Written by one thread, read after it has stopped.
 */
final class LatencySamples
{
    private static final int MAX_SLOW_SAMPLES = 1 << 20;

    private final Histogram histogramNs = new Histogram(60_000_000_000L, 3);
    private final long slowNs;
    private final long[] fromNs;
    private final long[] toNs;
    private int slow;

    LatencySamples(final long slowNs)
    {
        this(slowNs, MAX_SLOW_SAMPLES);
    }

    LatencySamples(final long slowNs, final int maxSlowSamples)
    {
        this.slowNs = slowNs;
        fromNs = new long[maxSlowSamples];
        toNs = new long[maxSlowSamples];
    }

    void record(final long startNs, final long endNs)
    {
        final long latencyNs = Math.max(0, endNs - startNs);
        histogramNs.recordValue(latencyNs);
        if (latencyNs > slowNs && slow < fromNs.length)
        {
            fromNs[slow] = startNs;
            toNs[slow] = endNs;
            slow++;
        }
    }

    Histogram histogramNs()
    {
        return histogramNs;
    }

    /** Kept samples over {@code minNs}, and of them those during a probe gap over {@code minNs}. */
    long[] overAndDuringGaps(final ClockGapProbe probe, final long minNs)
    {
        long over = 0;
        long duringGap = 0;
        for (int i = 0; i < slow; i++)
        {
            if (toNs[i] - fromNs[i] > minNs)
            {
                over++;
                if (probe.overlapsGap(fromNs[i], toNs[i], minNs))
                {
                    duringGap++;
                }
            }
        }
        return new long[] {over, duringGap};
    }

    /** One line: how many samples over the slow limit and over 1 ms coincide with a clock gap of that length. */
    String coincidence(final ClockGapProbe probe)
    {
        final long[] overSlow = overAndDuringGaps(probe, slowNs);
        final long[] overMillisecond = overAndDuringGaps(probe, ClockGapProbe.MILLISECOND_NS);
        return String.format(Locale.ROOT,
            "samples > %s µs: %,d, of them %,d during a clock gap > %s µs;"
                + " > 1 ms: %,d, of them %,d during a gap > 1 ms%s",
            LatencyReport.micros(slowNs), overSlow[0], overSlow[1], LatencyReport.micros(slowNs),
            overMillisecond[0], overMillisecond[1],
            slow == fromNs.length ? " (only the first " + slow + " slow samples kept)" : "");
    }
}
