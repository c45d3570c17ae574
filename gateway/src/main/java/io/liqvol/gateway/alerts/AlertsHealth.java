package io.liqvol.gateway.alerts;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.gateway.server.HealthReport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /health} with the alerts' fields added to another report's: {@code degraded} with
 * {@code alert_queue_overflow} once the evaluator's queue dropped anything (for the rest of the run: some alerts may
 * not have fired).
 */
public final class AlertsHealth implements HealthReport
{
    static final String QUEUE_OVERFLOW = "alert_queue_overflow";

    private final HealthReport report;
    private final Alerts alerts;

    public AlertsHealth(final HealthReport report, final Alerts alerts)
    {
        this.report = report;
        this.alerts = alerts;
    }

    @Override
    public List<String> degradedReasons()
    {
        if (alerts.queueDrops() == 0)
        {
            return report.degradedReasons();
        }
        final List<String> reasons = new ArrayList<>(report.degradedReasons());
        reasons.add(QUEUE_OVERFLOW);
        return reasons;
    }

    @Override
    public List<String> notReadyReasons()
    {
        return report.notReadyReasons();
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
        json.writeObjectFieldStart("alerts");
        json.writeNumberField("rules", alerts.ruleCount());
        json.writeNumberField("fired", alerts.evaluator().fired());
        json.writeNumberField("queued", alerts.evaluator().queued());
        json.writeNumberField("queue_drops", alerts.queueDrops());
        json.writeNumberField("logged_events", alerts.eventCount());
        json.writeEndObject();
    }
}
