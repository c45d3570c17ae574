package io.liqvol.engine.alerts;

import io.liqvol.engine.Int128;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One alert rule, valid once constructed (else {@link InvalidRuleException} naming the field). Its scope is
 * {@code symbols}, every symbol when empty. Which fields a condition uses: {@code threshold} and {@code side} for a
 * liquidation (USDT notional); {@code metric}, {@code timeframe} and {@code threshold} for a bucket; {@code metric},
 * {@code timeframe}, {@code factor}, {@code baseline} and {@code baselineBuckets} for unusual volume. The others
 * must be null (or 0). {@code webhookUrl} may be null. {@code venueMask} ({@link Venues}) is the venues whose exact sum
 * the rule watches: {@link Venues#ALL} (every venue, present and future) or a non-empty set of known venues.
 */
public record AlertRule(
    String id,
    String name,
    List<String> symbols,
    AlertCondition condition,
    Side side,
    BucketMetric metric,
    Timeframe timeframe,
    BigDecimal threshold,
    BigDecimal factor,
    Baseline baseline,
    int baselineBuckets,
    long cooldownMs,
    String webhookUrl,
    int venueMask)
{
    public static final int MAX_SYMBOLS = 100;
    public static final int MAX_BASELINE_BUCKETS = 500;
    public static final long MAX_COOLDOWN_MS = 7L * 86_400_000L;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,32}");
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1e15");
    private static final BigDecimal MAX_FACTOR = new BigDecimal("1e6");
    private static final int MAX_NAME_CHARS = 100;
    private static final int MAX_URL_CHARS = 2000;
    private static final int EVERY_VENUE = (1 << Venue.count()) - 1;

    /** A rule over every venue. */
    public AlertRule(final String id, final String name, final List<String> symbols, final AlertCondition condition,
        final Side side, final BucketMetric metric, final Timeframe timeframe, final BigDecimal threshold,
        final BigDecimal factor, final Baseline baseline, final int baselineBuckets, final long cooldownMs,
        final String webhookUrl)
    {
        this(id, name, symbols, condition, side, metric, timeframe, threshold, factor, baseline, baselineBuckets,
            cooldownMs, webhookUrl, Venues.ALL);
    }

    public AlertRule
    {
        require(id != null && ID.matcher(id).matches(), "id", "must be 1-64 of A-Z a-z 0-9 _ -");
        require(name != null && !name.isBlank() && name.length() <= MAX_NAME_CHARS, "name",
            "must be 1-" + MAX_NAME_CHARS + " characters");
        require(symbols != null && symbols.size() <= MAX_SYMBOLS, "symbols", "must list at most " + MAX_SYMBOLS);
        for (final String symbol : symbols)
        {
            require(symbol != null && SYMBOL.matcher(symbol).matches(), "symbols",
                "must be 1-32 upper-case letters and digits each");
        }
        symbols = List.copyOf(symbols);
        require(venueMask == Venues.ALL || venueMask > 0 && (venueMask & ~EVERY_VENUE) == 0, "exchange",
            "must be all or one or more of the known venues");
        require(condition != null, "condition", "must be liquidation, bucket or unusual_volume");
        require(cooldownMs >= 0 && cooldownMs <= MAX_COOLDOWN_MS, "cooldown_ms", "must be 0-" + MAX_COOLDOWN_MS);
        require(webhookUrl == null || webhookUrl.length() <= MAX_URL_CHARS
            && (webhookUrl.startsWith("http://") || webhookUrl.startsWith("https://")), "webhook_url",
            "must be an http:// or https:// URL");
        switch (condition)
        {
            case LIQUIDATION ->
            {
                absent(metric, "metric", condition);
                absent(timeframe, "timeframe", condition);
                noBaseline(factor, baseline, baselineBuckets, condition);
                requireAmount(threshold, "threshold", MAX_THRESHOLD, false);
            }
            case BUCKET ->
            {
                requireBucket(metric, timeframe);
                absent(side, "side", condition);
                noBaseline(factor, baseline, baselineBuckets, condition);
                requireAmount(threshold, "threshold", MAX_THRESHOLD, metric.counts());
            }
            default ->
            {
                requireBucket(metric, timeframe);
                absent(side, "side", condition);
                absent(threshold, "threshold", condition);
                requireAmount(factor, "factor", MAX_FACTOR, false);
                require(baseline != null, "baseline", "must be median or ewma");
                require(baselineBuckets >= 1 && baselineBuckets <= MAX_BASELINE_BUCKETS, "baseline_buckets",
                    "must be 1-" + MAX_BASELINE_BUCKETS);
            }
        }
        // 2.50 and 2.5 are one rule
        threshold = threshold == null ? null : Int128.plain(threshold);
        factor = factor == null ? null : Int128.plain(factor);
    }

    /** The same rule under another id. */
    public AlertRule withId(final String newId)
    {
        return new AlertRule(newId, name, symbols, condition, side, metric, timeframe, threshold, factor, baseline,
            baselineBuckets, cooldownMs, webhookUrl, venueMask);
    }

    /** The same rule over other venues. */
    public AlertRule withVenues(final int newVenueMask)
    {
        return new AlertRule(id, name, symbols, condition, side, metric, timeframe, threshold, factor, baseline,
            baselineBuckets, cooldownMs, webhookUrl, newVenueMask);
    }

    /**
     * The venues whose sum the rule watches as a mask of known venues only ({@link Venues#ALL} becomes every
     * venue's bit): the key under which the listener hands over that sum.
     */
    public int venueSelection()
    {
        return venueMask & EVERY_VENUE;
    }

    /** Whether the rule watches this symbol. */
    public boolean watches(final String symbol)
    {
        return symbols.isEmpty() || symbols.contains(symbol);
    }

    private static void requireBucket(final BucketMetric metric, final Timeframe timeframe)
    {
        require(metric != null, "metric", "must be buy_volume, sell_volume, total_volume, delta_volume or count");
        require(timeframe != null, "timeframe", "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M");
    }

    private static void requireAmount(final BigDecimal value, final String field, final BigDecimal max,
        final boolean whole)
    {
        require(value != null, field, "is required");
        require(value.signum() > 0 && value.compareTo(max) <= 0, field, "must be above 0 and at most "
            + max.toPlainString());
        require(value.stripTrailingZeros().scale() <= (whole ? 0 : 8), field,
            whole ? "must be a whole number for a count" : "must have at most 8 fraction digits");
    }

    private static void noBaseline(final BigDecimal factor, final Baseline baseline, final int baselineBuckets,
        final AlertCondition condition)
    {
        absent(factor, "factor", condition);
        absent(baseline, "baseline", condition);
        require(baselineBuckets == 0, "baseline_buckets", "is not taken by a " + condition.code() + " rule");
    }

    private static void absent(final Object value, final String field, final AlertCondition condition)
    {
        require(value == null, field, "is not taken by a " + condition.code() + " rule");
    }

    private static void require(final boolean valid, final String field, final String problem)
    {
        if (!valid)
        {
            throw new InvalidRuleException(field, problem);
        }
    }
}
