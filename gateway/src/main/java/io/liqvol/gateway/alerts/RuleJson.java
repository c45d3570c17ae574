package io.liqvol.gateway.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venues;
import io.liqvol.engine.alerts.AlertCondition;
import io.liqvol.engine.alerts.AlertRule;
import io.liqvol.engine.alerts.Baseline;
import io.liqvol.engine.alerts.BucketMetric;
import io.liqvol.engine.alerts.InvalidRuleException;
import io.liqvol.gateway.server.ApiException;
import io.liqvol.gateway.server.VenueSelection;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule as JSON (docs/API.md §7.1), read from a request body or the rule file and written back. Amounts are decimal
 * strings (JSON numbers are read by their exact text); whatever is wrong is an {@link InvalidRuleException} naming
 * the field.
 */
final class RuleJson
{
    private static final JsonFactory JSON = new JsonFactory();

    private String name;
    private List<String> symbols = List.of();
    private AlertCondition condition;
    private Side side;
    private BucketMetric metric;
    private Timeframe timeframe;
    private BigDecimal threshold;
    private BigDecimal factor;
    private Baseline baseline;
    private int baselineBuckets;
    private long cooldownMs;
    private String webhookUrl;
    private int venueMask = Venues.ALL;

    private RuleJson()
    {
    }

    /** The rule of a JSON object, under the given id. */
    static AlertRule read(final byte[] json, final String id)
    {
        try (JsonParser parser = JSON.createParser(json))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InvalidRuleException("body", "must be a JSON object");
            }
            final AlertRule rule = read(parser, id);
            if (parser.nextToken() != null)
            {
                throw new InvalidRuleException("body", "must hold one JSON object only");
            }
            return rule;
        }
        catch (final JsonProcessingException e)
        {
            throw new InvalidRuleException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            throw new InvalidRuleException("body", "could not be read");
        }
    }

    /** The rule of the object the parser stands at the start of; an {@code id} field in it wins over {@code id}. */
    static AlertRule read(final JsonParser parser, final String id) throws IOException
    {
        final RuleJson fields = new RuleJson();
        String ruleId = id;
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME)
        {
            final String field = parser.currentName();
            final JsonToken token = parser.nextToken();
            if (field.equals("id"))
            {
                ruleId = id != null ? id : text(parser, token, field);
            }
            else
            {
                fields.field(parser, token, field);
            }
        }
        if (next != JsonToken.END_OBJECT)
        {
            throw new InvalidRuleException("body", "must be a whole JSON object");
        }
        return new AlertRule(ruleId, fields.name, fields.symbols, fields.condition, fields.side, fields.metric,
            fields.timeframe, fields.threshold, fields.factor, fields.baseline, fields.baselineBuckets,
            fields.cooldownMs, fields.webhookUrl, fields.venueMask);
    }

    private void field(final JsonParser parser, final JsonToken token, final String field) throws IOException
    {
        if (token == JsonToken.VALUE_NULL)
        {
            return;
        }
        switch (field)
        {
            case "name" -> name = text(parser, token, field);
            case "symbols" -> symbols = symbols(parser, token);
            case "condition" -> condition = known(AlertCondition.fromCode(text(parser, token, field)), field,
                "liquidation, bucket or unusual_volume");
            case "side" -> side = side(text(parser, token, field));
            case "metric" -> metric = known(BucketMetric.fromCode(text(parser, token, field)), field,
                "buy_volume, sell_volume, total_volume, delta_volume or count");
            case "timeframe" -> timeframe = known(Timeframe.fromCode(text(parser, token, field)), field,
                "1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M");
            case "threshold" -> threshold = decimal(parser, token, field);
            case "factor" -> factor = decimal(parser, token, field);
            case "baseline" -> baseline = known(Baseline.fromCode(text(parser, token, field)), field,
                "median or ewma");
            case "baseline_buckets" -> baselineBuckets = (int)integer(parser, token, field, Integer.MAX_VALUE);
            case "cooldown_ms" -> cooldownMs = integer(parser, token, field, Long.MAX_VALUE);
            case "webhook_url" -> webhookUrl = text(parser, token, field);
            case "exchange" -> venueMask = venueMask(text(parser, token, field));
            default -> throw new InvalidRuleException(field, "is not a rule field");
        }
    }

    /** Writes the rule as a JSON object. */
    static void write(final JsonGenerator json, final AlertRule rule) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.name());
        json.writeArrayFieldStart("symbols");
        for (final String symbol : rule.symbols())
        {
            json.writeString(symbol);
        }
        json.writeEndArray();
        json.writeStringField("condition", rule.condition().code());
        json.writeStringField("side", rule.side() == null ? null : rule.side().name());
        json.writeStringField("metric", rule.metric() == null ? null : rule.metric().code());
        json.writeStringField("timeframe", rule.timeframe() == null ? null : rule.timeframe().code());
        json.writeStringField("threshold", rule.threshold() == null ? null : plain(rule.threshold()));
        json.writeStringField("factor", rule.factor() == null ? null : plain(rule.factor()));
        json.writeStringField("baseline", rule.baseline() == null ? null : rule.baseline().code());
        json.writeNumberField("baseline_buckets", rule.baselineBuckets());
        json.writeNumberField("cooldown_ms", rule.cooldownMs());
        json.writeStringField("webhook_url", rule.webhookUrl());
        json.writeStringField("exchange", exchange(rule));
        json.writeEndObject();
    }

    /** The rule's venues as the {@code exchange} parameter names them: {@code all} or the codes in venue order. */
    static String exchange(final AlertRule rule)
    {
        return rule.venueMask() == Venues.ALL ? VenueSelection.ALL.code()
            : VenueSelection.ofMask(rule.venueSelection()).code();
    }

    static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static List<String> symbols(final JsonParser parser, final JsonToken token) throws IOException
    {
        if (token != JsonToken.START_ARRAY)
        {
            throw new InvalidRuleException("symbols", "must be an array of symbols (empty: every symbol)");
        }
        final List<String> symbols = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY)
        {
            if (symbols.size() == AlertRule.MAX_SYMBOLS)
            {
                throw new InvalidRuleException("symbols", "must list at most " + AlertRule.MAX_SYMBOLS);
            }
            symbols.add(text(parser, next, "symbols"));
        }
        return symbols;
    }

    /** A list naming every venue is every venue, present and future, as {@code all} is. */
    private static int venueMask(final String code)
    {
        final VenueSelection selection;
        try
        {
            selection = VenueSelection.parse(code);
        }
        catch (final ApiException e)
        {
            throw new InvalidRuleException("exchange", VenueSelection.problem(code));
        }
        return selection.mask() == VenueSelection.ALL.mask() ? Venues.ALL : selection.mask();
    }

    private static Side side(final String code)
    {
        return switch (code)
        {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new InvalidRuleException("side", "must be SELL (longs liquidated) or BUY (shorts)");
        };
    }

    private static <T> T known(final T value, final String field, final String accepted)
    {
        if (value == null)
        {
            throw new InvalidRuleException(field, "must be " + accepted);
        }
        return value;
    }

    private static String text(final JsonParser parser, final JsonToken token, final String field) throws IOException
    {
        if (token != JsonToken.VALUE_STRING)
        {
            throw new InvalidRuleException(field, "must be a string");
        }
        return parser.getText();
    }

    private static BigDecimal decimal(final JsonParser parser, final JsonToken token, final String field)
        throws IOException
    {
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
            && token != JsonToken.VALUE_NUMBER_FLOAT)
        {
            throw new InvalidRuleException(field, "must be a decimal string such as \"250000\"");
        }
        final String text = parser.getText();
        if (text.length() > 40)
        {
            throw new InvalidRuleException(field, "is too long");
        }
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidRuleException(field, "must be a decimal such as \"250000\", was " + text);
        }
    }

    private static long integer(final JsonParser parser, final JsonToken token, final String field, final long max)
        throws IOException
    {
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            || parser.getLongValue() < 0 || parser.getLongValue() > max)
        {
            throw new InvalidRuleException(field, "must be a non-negative integer");
        }
        return parser.getLongValue();
    }
}
