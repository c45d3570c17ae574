package io.liqvol.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.EngineCounters;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.RejectReason;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.CounterSet;
import io.liqvol.engine.counters.PrometheusText;
import io.liqvol.engine.journal.JournalFailure;
import io.liqvol.engine.journal.JournalStatus;
import io.liqvol.engine.journal.RecoveryReport;
import io.liqvol.gateway.upstream.BinanceUpstream;
import io.liqvol.gateway.server.HealthReport;
import io.liqvol.gateway.server.MessageWriter;
import io.liqvol.gateway.upstream.UpstreamStatus;
import io.liqvol.gateway.upstream.VenueUpstream;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine's and the upstreams' state (an edge has none) for {@code /health} and {@code /metrics}. */
final class GatewayStatus implements HealthReport
{
    private static final String CONNECTED = "liqvol_upstream_connected";
    private static final String CONNECTED_HELP = "1 while every upstream stream is live";

    private final LiqvolEngine engine;
    private final BinanceUpstream upstream;
    /** The enabled venues beside Binance. */
    private final List<VenueUpstream> venues;
    /** Binance and {@link #venues}, as a {@link Venues} mask. */
    private final int enabledVenues;
    private final EngineLiveness liveness;
    private final long journalMinFreeBytes;

    /**
     * Degraded below {@code journalMinFreeBytes} free on the data directory's filesystem (0: never); {@code upstream}
     * is null on an edge.
     */
    GatewayStatus(
        final LiqvolEngine engine, final BinanceUpstream upstream, final List<VenueUpstream> venues,
        final EngineLiveness liveness, final long journalMinFreeBytes)
    {
        this.engine = engine;
        this.upstream = upstream;
        this.venues = venues;
        int enabled = Venues.mask(Venue.BINANCE);
        for (final VenueUpstream venue : venues)
        {
            enabled |= Venues.mask(venue.venue());
        }
        this.enabledVenues = enabled;
        this.liveness = liveness;
        this.journalMinFreeBytes = journalMinFreeBytes;
    }

    /**
     * Not ok while a stream has no live upstream connection (what happens then is not being recorded) or while the
     * journal cannot grow (what happens then is published but not journaled; {@code journal.failure} says why).
     */
    @Override
    public List<String> degradedReasons()
    {
        final List<String> reasons = notReadyReasons();
        if (journalMinFreeBytes > 0 && engine.journalStatus().freeBytes() < journalMinFreeBytes)
        {
            reasons.add("journal_low_space");
        }
        if (engine.counters().symbolsRefused() > 0)
        {
            reasons.add("memory_budget");
        }
        return reasons;
    }

    /** Not ready while a stream has no live upstream connection or while the journal cannot grow. */
    @Override
    public List<String> notReadyReasons()
    {
        final List<String> reasons = new ArrayList<>(4);
        if (upstream != null && !upstream.status().connected())
        {
            reasons.add("upstream_disconnected");
        }
        if (engine.journalStatus().failure() != null)
        {
            reasons.add("journal_unwritable");
        }
        return reasons;
    }

    /** Not live while events wait in the engine's ring and its stages have stopped moving. */
    @Override
    public List<String> notLiveReasons()
    {
        return liveness.live() ? List.of() : List.of("engine_stalled");
    }

    /** The upstream's, the engine's and the journal's state. */
    @Override
    public void writeFields(final JsonGenerator json) throws IOException
    {
        final JournalStatus journal = engine.journalStatus();
        final JournalFailure failure = journal.failure();
        json.writeNumberField("recording_since", engine.recordingSinceMs());
        if (upstream != null)
        {
            json.writeObjectFieldStart("upstream");
            writeUpstream(json, upstream.status());
            json.writeEndObject();
            json.writeObjectFieldStart("exchanges");
            json.writeObjectFieldStart(Venue.BINANCE.code());
            writeUpstream(json, upstream.status());
            writeDecoded(json, Venue.BINANCE);
            json.writeEndObject();
            for (final VenueUpstream venue : venues)
            {
                json.writeObjectFieldStart(venue.venue().code());
                writeUpstream(json, venue.status());
                writeDecoded(json, venue.venue());
                json.writeEndObject();
            }
            json.writeEndObject();
        }

        final EngineCounters counters = engine.counters();
        json.writeObjectFieldStart("engine");
        json.writeNumberField("received", counters.received());
        json.writeNumberField("accepted", counters.accepted());
        json.writeNumberField("rejected", counters.rejectedTotal());
        json.writeNumberField("duplicates", counters.duplicates());
        json.writeNumberField("symbols", engine.symbols().size());
        json.writeNumberField("stalled_ms", liveness.stalledMs());
        json.writeEndObject();

        json.writeObjectFieldStart("journal");
        // the directory's name only: where it lies on the host is no business of a client (docs/API.md §4.5)
        final Path dataDirName = journal.dataDir() == null ? null
            : journal.dataDir().toAbsolutePath().normalize().getFileName();
        json.writeStringField("data_dir", dataDirName == null ? null : dataDirName.toString());
        json.writeNumberField("segments", journal.segments());
        json.writeNumberField("newest_segment_records", journal.newestSegmentRecords());
        json.writeNumberField("fsync_interval_ms", journal.fsyncIntervalMs());
        json.writeNumberField("retention_ms", journal.retentionMs());
        json.writeNumberField("free_bytes", journal.freeBytes());
        json.writeNumberField("min_free_bytes", journalMinFreeBytes);
        if (failure == null)
        {
            json.writeNullField("failure");
        }
        else
        {
            json.writeObjectFieldStart("failure");
            writeFailure(json, failure, journal);
            json.writeEndObject();
        }
        json.writeNumberField("failures", journal.failures());
        json.writeNumberField("unjournaled_records", journal.unjournaledRecords());
        json.writeNumberField("journal_gaps", journal.journalGaps());
        json.writeNumberField("roll_stalls", journal.rollStalls());
        final RecoveryReport recovery = journal.recovery();
        json.writeObjectFieldStart("recovery");
        json.writeNumberField("segments", recovery.segments());
        json.writeNumberField("liquidations", recovery.liquidations());
        json.writeNumberField("gaps", recovery.gaps());
        json.writeNumberField("corrupt_records", recovery.corruptRecords());
        json.writeNumberField("truncated_records", recovery.truncatedRecords());
        json.writeNumberField("elapsed_ms", recovery.elapsedNs() / 1_000_000);
        json.writeEndObject();
        MessageWriter.gapArray(json, engine.gaps());
        json.writeEndObject();
    }

    void writeMetrics(final StringBuilder out)
    {
        final EngineCounters counters = engine.counters();
        if (venues.isEmpty())
        {
            PrometheusText.write(out, counters.counterSet());
        }
        else
        {
            // as the upstream series: with venues beside Binance, the decode counters have a sample per venue
            PrometheusText.write(out, counters.venueCounterSet(),
                descriptor -> Venues.selects(enabledVenues, EngineCounters.venueOf(descriptor).ordinal()));
            PrometheusText.write(out, counters.counterSet(), descriptor -> !EngineCounters.countedPerVenue(descriptor));
        }
        PrometheusText.write(out, "liqvol_engine_memory_budget_bytes", "Off-heap bytes the engine's symbols may take",
            CounterDescriptor.Kind.GAUGE, engine.context().memoryBudgetBytes());
        PrometheusText.write(out, "liqvol_engine_admitted_symbols", "Symbols the memory budget holds at their most",
            CounterDescriptor.Kind.GAUGE, engine.admittedSymbols());
        if (upstream != null)
        {
            if (venues.isEmpty())
            {
                PrometheusText.write(out, CONNECTED, CONNECTED_HELP, CounterDescriptor.Kind.GAUGE,
                    upstream.status().connected() ? 1 : 0);
                PrometheusText.write(out, upstream.counters().counterSet());
            }
            else
            {
                writeVenueMetrics(out);
            }
        }
        PrometheusText.write(out, "liqvol_upstream_gaps_total", "Recorded intervals without a live upstream",
            CounterDescriptor.Kind.COUNTER, engine.gaps().size());
        final JournalStatus journal = engine.journalStatus();
        PrometheusText.write(out, "liqvol_journal_writable", "1 while the journal can grow, 0 while it cannot",
            CounterDescriptor.Kind.GAUGE, journal.failure() == null ? 1 : 0);
        PrometheusText.write(out, "liqvol_journal_failures_total", "Times the journal could not grow (a full disk)",
            CounterDescriptor.Kind.COUNTER, journal.failures());
        PrometheusText.write(out, "liqvol_journal_unjournaled_records_total",
            "Liquidations and gaps published without being journaled", CounterDescriptor.Kind.COUNTER,
            journal.unjournaledRecords());
        PrometheusText.write(out, "liqvol_journal_gaps_total",
            "Gaps journaled to disclose records that could not be journaled", CounterDescriptor.Kind.COUNTER,
            journal.journalGaps());
        PrometheusText.write(out, "liqvol_journal_roll_stalls_total",
            "Segment rolls that waited for the next segment", CounterDescriptor.Kind.COUNTER, journal.rollStalls());
        PrometheusText.write(out, "liqvol_journal_free_bytes", "Bytes free on the data directory's filesystem",
            CounterDescriptor.Kind.GAUGE, journal.freeBytes());
    }

    /** With venues beside Binance, each upstream series has a sample per venue, labelled {@code exchange}. */
    private void writeVenueMetrics(final StringBuilder out)
    {
        PrometheusText.header(out, CONNECTED, CONNECTED_HELP, CounterDescriptor.Kind.GAUGE.text());
        venueSample(out, CONNECTED, Venue.BINANCE, upstream.status().connected() ? 1 : 0);
        for (final VenueUpstream venue : venues)
        {
            venueSample(out, CONNECTED, venue.venue(), venue.status().connected() ? 1 : 0);
        }
        final CounterSet binance = upstream.counters().counterSet();
        for (final CounterDescriptor descriptor : binance.descriptors())
        {
            PrometheusText.header(out, descriptor.name(), descriptor.help(), descriptor.kind().text());
            venueSample(out, descriptor.name(), Venue.BINANCE, binance.get(descriptor.id()));
            for (final VenueUpstream venue : venues)
            {
                venueSample(out, descriptor.name(), venue.venue(), venue.counters().counterSet().get(descriptor.id()));
            }
        }
    }

    private static void venueSample(final StringBuilder out, final String name, final Venue venue, final long value)
    {
        out.append(name).append("{exchange=\"").append(venue.code()).append("\"} ").append(value).append('\n');
    }

    /** What the engine made of the venue's frames: the decode counters of {@code engine}, for this venue alone. */
    private void writeDecoded(final JsonGenerator json, final Venue venue) throws IOException
    {
        final EngineCounters counters = engine.counters();
        json.writeObjectFieldStart("engine");
        json.writeNumberField("received", counters.received(venue));
        json.writeNumberField("accepted", counters.accepted(venue));
        json.writeNumberField("rejected", counters.rejectedTotal(venue));
        json.writeNumberField("duplicates", counters.duplicates(venue));
        json.writeNumberField("ignored", counters.ignored(venue));
        json.writeObjectFieldStart("rejected_by_reason");
        for (final RejectReason reason : RejectReason.values())
        {
            final long rejected = counters.rejected(venue, reason);
            if (rejected > 0)
            {
                json.writeNumberField(reason.label(), rejected);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeUpstream(final JsonGenerator json, final UpstreamStatus status) throws IOException
    {
        json.writeBooleanField("connected", status.connected());
        json.writeNumberField("connected_since", status.connectedSinceMs());
        json.writeNumberField("reconnects", status.reconnects());
        json.writeNumberField("frames_received", status.framesReceived());
        json.writeNumberField("malformed_frames", status.malformedFrames());
        MessageWriter.gapArray(json, status.gaps());
    }

    private static void writeFailure(
        final JsonGenerator json, final JournalFailure failure, final JournalStatus journal) throws IOException
    {
        json.writeStringField("reason", failure.reason());
        json.writeNumberField("since", failure.sinceMs());
        json.writeNumberField("free_bytes", journal.freeBytes());
    }
}
