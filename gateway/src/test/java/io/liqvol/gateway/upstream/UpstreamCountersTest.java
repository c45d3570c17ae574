package io.liqvol.gateway.upstream;

import io.liqvol.engine.counters.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamCountersTest
{
    private final UpstreamCounters counters = new UpstreamCounters();

    @Test
    void shouldReadEachCounterFromItsOwnSlot()
    {
        counters.increment(UpstreamCounters.FRAMES_RECEIVED);
        counters.increment(UpstreamCounters.FRAMES_RECEIVED);
        counters.increment(UpstreamCounters.KLINE_FRAMES);
        counters.increment(UpstreamCounters.IDLE_TIMEOUTS);

        assertThat(counters.framesReceived()).isEqualTo(2);
        assertThat(counters.klineFrames()).isEqualTo(1);
        assertThat(counters.idleTimeouts()).isEqualTo(1);
        assertThat(counters.liquidationFrames()).isZero();
        assertThat(counters.malformedFrames()).isZero();
    }

    @Test
    void shouldExposeTheMetricsDashboardsReadFirstAndUnderTheirNames()
    {
        counters.increment(UpstreamCounters.RECONNECTS);
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, counters.counterSet());

        assertThat(out.toString()).startsWith("""
            # HELP liqvol_upstream_frames_received_total Frames received from the upstream
            # TYPE liqvol_upstream_frames_received_total counter
            liqvol_upstream_frames_received_total 0
            # HELP liqvol_upstream_malformed_frames_total Upstream frames that could not be read
            # TYPE liqvol_upstream_malformed_frames_total counter
            liqvol_upstream_malformed_frames_total 0
            # HELP liqvol_upstream_reconnects_total Upstream reconnections after a loss
            # TYPE liqvol_upstream_reconnects_total counter
            liqvol_upstream_reconnects_total 1
            # HELP liqvol_upstream_rotations_total Planned upstream connection rotations
            # TYPE liqvol_upstream_rotations_total counter
            liqvol_upstream_rotations_total 0
            # HELP liqvol_upstream_liquidation_frames_total""");
        assertThat(out.toString().lines().filter(line -> line.startsWith("# TYPE"))).hasSize(12);
    }
}
