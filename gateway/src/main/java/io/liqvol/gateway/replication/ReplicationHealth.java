package io.liqvol.gateway.replication;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.gateway.server.HealthReport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /health} with replication added to another report's: on a recorder what it published; on an edge its state
 * ({@code catching_up}, then {@code ready}) and each recorder it follows. An edge is not ready (nor ok) while it
 * catches up, with the reason {@code catching_up}.
 */
public final class ReplicationHealth implements HealthReport
{
    static final String CATCHING_UP = "catching_up";

    private final HealthReport report;
    private final ReplicationRecorder recorder;
    private final ReplicationEdge edge;

    /** Exactly one of {@code recorder} and {@code edge} is not null. */
    public ReplicationHealth(final HealthReport report, final ReplicationRecorder recorder, final ReplicationEdge edge)
    {
        this.report = report;
        this.recorder = recorder;
        this.edge = edge;
    }

    @Override
    public List<String> degradedReasons()
    {
        return withCatchingUp(report.degradedReasons());
    }

    @Override
    public List<String> notReadyReasons()
    {
        return withCatchingUp(report.notReadyReasons());
    }

    @Override
    public List<String> notLiveReasons()
    {
        return report.notLiveReasons();
    }

    @Override
    public void writeFields(final JsonGenerator json) throws IOException
    {
        report.writeFields(json);
        json.writeObjectFieldStart("replication");
        if (recorder != null)
        {
            json.writeStringField("role", "recorder");
            json.writeNumberField("published", recorder.published());
            json.writeNumberField("refused_offers", recorder.refusedOffers());
        }
        else
        {
            json.writeStringField("role", "edge");
            json.writeStringField("state", edge.ready() ? "ready" : CATCHING_UP);
            json.writeNumberField("handed", edge.handed());
            json.writeNumberField("unknown_venue", edge.unknownVenues());
            json.writeArrayFieldStart("recorders");
            for (final ReplicationEdge.RecorderStatus status : edge.recorders())
            {
                json.writeStartObject();
                json.writeStringField("archive", status.endpoint());
                json.writeBooleanField("live", status.live());
                json.writeNumberField("received", status.received());
                json.writeNumberField("reconnects", status.reconnects());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private List<String> withCatchingUp(final List<String> reasons)
    {
        if (edge == null || edge.ready())
        {
            return reasons;
        }
        final List<String> all = new ArrayList<>(reasons);
        all.add(CATCHING_UP);
        return all;
    }
}
