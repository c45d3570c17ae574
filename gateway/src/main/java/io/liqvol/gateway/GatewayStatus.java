package io.liqvol.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.EngineCounters;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.PrometheusText;
import io.liqvol.engine.journal.JournalFailure;
import io.liqvol.engine.journal.JournalStatus;
import io.liqvol.engine.journal.RecoveryReport;
import io.liqvol.gateway.server.HealthReport;
import io.liqvol.gateway.upstream.BinanceUpstream;
import io.liqvol.gateway.upstream.UpstreamStatus;

import java.io.IOException;
import java.util.List;

/** The engine's and the upstream's state for {@code /health} and {@code /metrics}. */
final class GatewayStatus implements HealthReport
{
    private final LiqvolEngine engine;
    private final BinanceUpstream upstream;

    GatewayStatus(final LiqvolEngine engine, final BinanceUpstream upstream)
    {
        this.engine = engine;
        this.upstream = upstream;
    }

    /** Not ok while a stream has no live upstream connection: what happens then is not being recorded. */
    @Override
    public List<String> degradedReasons()
    {
        return upstream.status().connected() ? List.of() : List.of("upstream_disconnected");
    }

    @Override
    public void writeFields(final JsonGenerator json) throws IOException
    {
        final UpstreamStatus status = upstream.status();
        json.writeObjectFieldStart("upstream");
        json.writeBooleanField("connected", status.connected());
        json.writeNumberField("connected_since", status.connectedSinceMs());
        json.writeNumberField("reconnects", status.reconnects());
        json.writeNumberField("frames_received", status.framesReceived());
        json.writeNumberField("malformed_frames", status.malformedFrames());
        writeGaps(json, status.gaps());
        json.writeEndObject();

        final EngineCounters counters = engine.counters();
        json.writeObjectFieldStart("engine");
        json.writeNumberField("received", counters.received());
        json.writeNumberField("accepted", counters.accepted());
        json.writeNumberField("rejected", counters.rejectedTotal());
        json.writeNumberField("duplicates", counters.duplicates());
        json.writeNumberField("symbols", engine.symbols().size());
        json.writeEndObject();

        final JournalStatus journal = engine.journalStatus();
        json.writeObjectFieldStart("journal");
        json.writeStringField("data_dir", journal.dataDir() == null ? null
            : journal.dataDir().toAbsolutePath().normalize().toString());
        json.writeNumberField("segments", journal.segments());
        json.writeNumberField("newest_segment_records", journal.newestSegmentRecords());
        json.writeNumberField("fsync_interval_ms", journal.fsyncIntervalMs());
        json.writeNumberField("retention_ms", journal.retentionMs());
        final JournalFailure failure = journal.failure();
        if (failure == null)
        {
            json.writeNullField("failure");
        }
        else
        {
            json.writeObjectFieldStart("failure");
            json.writeStringField("reason", failure.reason());
            json.writeNumberField("since", failure.sinceMs());
            json.writeEndObject();
        }
        json.writeNumberField("unjournaled_records", journal.unjournaledRecords());
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
        writeGaps(json, engine.gaps());
        json.writeEndObject();
    }

    void writeMetrics(final StringBuilder out)
    {
        PrometheusText.write(out, engine.counters().counterSet());
        PrometheusText.write(out, "liqvol_upstream_connected", "1 while every upstream stream is live",
            CounterDescriptor.Kind.GAUGE, upstream.status().connected() ? 1 : 0);
        PrometheusText.write(out, upstream.counters().counterSet());
        PrometheusText.write(out, "liqvol_upstream_gaps_total", "Recorded intervals without a live upstream",
            CounterDescriptor.Kind.COUNTER, engine.gaps().size());
    }

    private static void writeGaps(final JsonGenerator json, final List<Gap> gaps) throws IOException
    {
        json.writeArrayFieldStart("gaps");
        for (final Gap gap : gaps)
        {
            json.writeStartObject();
            json.writeNumberField("from", gap.fromMs());
            json.writeNumberField("to", gap.toMs());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
