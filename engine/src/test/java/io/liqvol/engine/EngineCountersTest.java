package io.liqvol.engine;

import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCountersTest
{
    private static final int BINANCE = Venue.BINANCE.ordinal();
    private static final int OKX = Venue.OKX.ordinal();

    private final EngineCounters counters = new EngineCounters();

    @Test
    void shouldCountTheDecodeStageBothInTotalAndPerVenue()
    {
        counters.incrementReceived(OKX);
        counters.incrementReceived(BINANCE);
        counters.incrementAccepted(OKX);
        counters.incrementDuplicates(OKX);
        counters.incrementIgnored(BINANCE);
        counters.incrementRejected(OKX, RejectReason.UNKNOWN_INSTRUMENT);
        counters.incrementRejected(OKX, RejectReason.TOO_PRECISE);
        counters.incrementRejected(BINANCE, RejectReason.TOO_PRECISE);

        assertThat(counters.received()).isEqualTo(2);
        assertThat(counters.received(Venue.OKX)).isEqualTo(1);
        assertThat(counters.received(Venue.BYBIT)).isZero();
        assertThat(counters.accepted(Venue.OKX)).isEqualTo(1);
        assertThat(counters.accepted(Venue.BINANCE)).isZero();
        assertThat(counters.duplicates(Venue.OKX)).isEqualTo(1);
        assertThat(counters.ignored(Venue.BINANCE)).isEqualTo(1);
        assertThat(counters.ignored(Venue.OKX)).isZero();
        assertThat(counters.rejected(Venue.OKX, RejectReason.TOO_PRECISE)).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.TOO_PRECISE)).isEqualTo(2);
        assertThat(counters.rejectedTotal(Venue.OKX)).isEqualTo(2);
        assertThat(counters.rejectedTotal(Venue.BINANCE)).isEqualTo(1);
        assertThat(counters.rejectedTotal()).isEqualTo(3);
    }

    @Test
    void shouldLabelEachVenuesSampleOfTheDecodeCountersWithItsExchange()
    {
        counters.incrementAccepted(OKX);
        counters.incrementRejected(OKX, RejectReason.UNKNOWN_INSTRUMENT);
        final StringBuilder out = new StringBuilder();

        PrometheusText.write(out, counters.venueCounterSet(), descriptor -> EngineCounters.venueOf(descriptor)
            == Venue.OKX);

        assertThat(out.toString()).contains("""
            # HELP liqvol_events_accepted_total Liquidations accepted
            # TYPE liqvol_events_accepted_total counter
            liqvol_events_accepted_total{exchange="okx"} 1
            """).contains("""
            liqvol_events_rejected_total{exchange="okx",reason="unknown_instrument"} 1
            """).doesNotContain("binance", "bybit", "stage_errors");
        assertThat(counters.counterSet().descriptors().stream().filter(EngineCounters::countedPerVenue)
            .map(CounterDescriptor::name)).doesNotContain("liqvol_engine_stage_errors_total",
            "liqvol_events_published_total").contains("liqvol_events_ignored_total");
    }

    @Test
    void shouldCountEachCounterAndRejectReasonApart()
    {
        counters.incrementReceived(BINANCE);
        counters.incrementReceived(BINANCE);
        counters.incrementAccepted(BINANCE);
        counters.incrementRejected(BINANCE, RejectReason.OVERFLOW);
        counters.incrementRejected(BINANCE, RejectReason.OVERFLOW);
        counters.incrementRejected(BINANCE, RejectReason.SYMBOL_TABLE_FULL);
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
        counters.incrementReceived(BINANCE);
        counters.incrementIgnored(BINANCE);
        counters.incrementRejected(BINANCE, RejectReason.MALFORMED_JSON);
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
