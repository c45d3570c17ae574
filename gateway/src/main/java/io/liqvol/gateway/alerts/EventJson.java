package io.liqvol.gateway.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.alerts.AlertEvent;
import io.liqvol.engine.alerts.AlertRule;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** An alert event as the JSON of docs/API.md §7.2, with exact decimal strings. */
final class EventJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private EventJson()
    {
    }

    static String write(final long id, final AlertEvent event)
    {
        final StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text))
        {
            final AlertRule rule = event.rule();
            json.writeStartObject();
            json.writeStringField("type", "alert");
            json.writeNumberField("id", id);
            json.writeStringField("rule_id", rule.id());
            json.writeStringField("rule_name", rule.name());
            json.writeStringField("symbol", event.symbol());
            json.writeStringField("exchange", RuleJson.exchange(rule));
            json.writeStringField("timeframe", rule.timeframe() == null ? null : rule.timeframe().code());
            json.writeStringField("condition", rule.condition().code());
            json.writeStringField("metric", rule.metric() == null ? "notional" : rule.metric().code());
            json.writeStringField("value", decimal(event.value()));
            json.writeStringField("threshold", decimal(event.threshold()));
            json.writeStringField("baseline", decimal(event.baseline()));
            json.writeStringField("ratio", event.ratio() == null ? null : event.ratio().toPlainString());
            if (event.liquidation() != null)
            {
                liquidation(json, event.liquidation());
            }
            if (event.bucket() != null)
            {
                bucket(json, event.bucket());
            }
            json.writeNumberField("trigger_time", event.triggerTimeMs());
            json.writeNumberField("fired_at", event.firedAtMs());
            json.writeEndObject();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void liquidation(final JsonGenerator json, final LiquidationSnapshot liquidation)
        throws IOException
    {
        json.writeObjectFieldStart("liquidation");
        json.writeStringField("exchange", liquidation.venue().code());
        json.writeStringField("side", liquidation.side().name());
        json.writeStringField("price", decimal(liquidation.price()));
        json.writeStringField("quantity", decimal(liquidation.quantity()));
        json.writeStringField("notional", decimal(liquidation.notional()));
        json.writeNumberField("time", liquidation.tradeTimeMs());
        json.writeEndObject();
    }

    private static void bucket(final JsonGenerator json, final BucketSnapshot bucket) throws IOException
    {
        json.writeObjectFieldStart("bucket");
        json.writeNumberField("time", bucket.startTimeMs());
        json.writeStringField("buy_volume", decimal(bucket.buyNotional()));
        json.writeStringField("sell_volume", decimal(bucket.sellNotional()));
        json.writeStringField("total_volume", decimal(bucket.totalNotional()));
        json.writeStringField("delta_volume", decimal(bucket.deltaNotional()));
        json.writeNumberField("buy_count", bucket.buyCount());
        json.writeNumberField("sell_count", bucket.sellCount());
        json.writeNumberField("count", bucket.count());
        json.writeEndObject();
    }

    private static String decimal(final BigDecimal value)
    {
        return value == null ? null : RuleJson.plain(value);
    }
}
