package io.liqvol.engine;

import io.liqvol.engine.counters.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCountersTest
{
    private final EngineCounters counters = new EngineCounters();

    @Test
    void shouldCountEachCounterAndRejectReasonApart()
    {
        counters.incrementReceived();
        counters.incrementReceived();
        counters.incrementAccepted();
        counters.incrementRejected(RejectReason.OVERFLOW);
        counters.incrementRejected(RejectReason.OVERFLOW);
        counters.incrementRejected(RejectReason.SYMBOL_TABLE_FULL);
        counters.incrementStageErrors();
        counters.incrementAggregateOverflows();

        assertThat(counters.received()).isEqualTo(2);
        assertThat(counters.accepted()).isEqualTo(1);
        assertThat(counters.duplicates()).isZero();
        assertThat(counters.rejected(RejectReason.OVERFLOW)).isEqualTo(2);
        assertThat(counters.rejected(RejectReason.SYMBOL_TABLE_FULL)).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.MALFORMED_JSON)).isZero();
        assertThat(counters.rejectedTotal()).isEqualTo(3);
        assertThat(counters.stageErrors()).isEqualTo(1);
        assertThat(counters.aggregateOverflows()).isEqualTo(1);
        assertThat(counters.published()).isZero();
    }

    @Test
    void shouldExposeTheMetricsDashboardsReadUnderTheirNames()
    {
        counters.incrementReceived();
        counters.incrementIgnored();
        counters.incrementRejected(RejectReason.MALFORMED_JSON);
        counters.incrementListenerErrors();
        counters.incrementPublished();
        counters.incrementBeyondWindow();
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, counters.counterSet());

        final StringBuilder rejected = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            rejected.append("liqvol_events_rejected_total{reason=\"").append(reason.label()).append("\"} ")
                .append(reason == RejectReason.MALFORMED_JSON ? 1 : 0).append('\n');
        }
        assertThat(out.toString()).isEqualTo("""
            # HELP liqvol_events_received_total Frames and liquidations that entered the engine
            # TYPE liqvol_events_received_total counter
            liqvol_events_received_total 1
            # HELP liqvol_events_accepted_total Liquidations accepted
            # TYPE liqvol_events_accepted_total counter
            liqvol_events_accepted_total 0
            # HELP liqvol_events_duplicate_total Liquidations dropped as duplicates
            # TYPE liqvol_events_duplicate_total counter
            liqvol_events_duplicate_total 0
            # HELP liqvol_events_ignored_total Valid frames without a liquidation
            # TYPE liqvol_events_ignored_total counter
            liqvol_events_ignored_total 1
            # HELP liqvol_events_rejected_total Frames or liquidations rejected, by reason
            # TYPE liqvol_events_rejected_total counter
            """ + rejected + """
            # HELP liqvol_engine_stage_errors_total Exceptions inside an engine stage
            # TYPE liqvol_engine_stage_errors_total counter
            liqvol_engine_stage_errors_total 0
            # HELP liqvol_engine_listener_errors_total Exceptions thrown by engine listeners
            # TYPE liqvol_engine_listener_errors_total counter
            liqvol_engine_listener_errors_total 1
            # HELP liqvol_events_published_total Liquidations handed to engine listeners
            # TYPE liqvol_events_published_total counter
            liqvol_events_published_total 1
            # HELP liqvol_engine_beyond_window_total Liquidation-timeframe pairs older than the bucket window
            # TYPE liqvol_engine_beyond_window_total counter
            liqvol_engine_beyond_window_total 1
            # HELP liqvol_engine_symbols_refused_total Symbols refused because the engine's memory budget holds no more
            # TYPE liqvol_engine_symbols_refused_total counter
            liqvol_engine_symbols_refused_total 0
            # HELP liqvol_engine_aggregate_overflows_total Bucket sums refused because they would overflow
            # TYPE liqvol_engine_aggregate_overflows_total counter
            liqvol_engine_aggregate_overflows_total 0
            """);
    }
}
