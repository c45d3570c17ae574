package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySamplesTest
{
    @Test
    void shouldCountSlowSamplesAndThoseDuringAClockGap() throws Exception
    {
        // the probe sees one gap of 2 ms from 10 ms to 12 ms
        final long[] clockNs = {9_999_990, 10_000_000, 12_000_000, 12_000_010};
        final AtomicInteger next = new AtomicInteger();
        final ClockGapProbe probe = new ClockGapProbe(
            () -> clockNs[Math.min(next.getAndIncrement(), clockNs.length - 1)], 100_000, 16).start();
        while (next.get() < clockNs.length)
        {
            Thread.onSpinWait();
        }
        probe.stop();
        final LatencySamples samples = new LatencySamples(100_000);

        samples.record(0, 50_000);
        samples.record(1_000_000, 1_500_000);
        samples.record(11_000_000, 11_200_000);
        samples.record(9_000_000, 13_000_000);

        assertThat(samples.histogramNs().getTotalCount()).isEqualTo(4);
        assertThat(samples.overAndDuringGaps(probe, 100_000)).containsExactly(3, 2);
        assertThat(samples.overAndDuringGaps(probe, 1_000_000)).containsExactly(1, 1);
        assertThat(samples.coincidence(probe)).isEqualTo(
            "samples > 100 µs: 3, of them 2 during a clock gap > 100 µs; > 1 ms: 1, of them 1 during a gap > 1 ms");
    }

    @Test
    void shouldKeepNoMoreSlowSamplesThanItHasRoomFor()
    {
        final LatencySamples samples = new LatencySamples(10, 2);

        for (int i = 0; i < 5; i++)
        {
            samples.record(0, 1_000);
        }

        assertThat(samples.histogramNs().getTotalCount()).isEqualTo(5);
        assertThat(samples.coincidence(new ClockGapProbe())).contains("only the first 2 slow samples kept");
    }
}
