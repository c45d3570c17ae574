package io.liqvol.gateway.server;

import io.liqvol.engine.Interval;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks what a client names: symbols, timeframes, ranges, limits. Throws {@link ApiException} with the
 * contract's codes ({@code unknown_symbol}, {@code invalid_timeframe}, {@code invalid_range},
 * {@code range_too_large}, {@code invalid_limit}).
 */
public final class RequestValidator
{
    private static final int MAX_SYMBOL_LENGTH = 32;
    private static final Pattern MIN_USDT = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,8})?");

    private final SymbolDirectory symbols;
    private final LiquidationHistory history;
    private final int maxRangeBuckets;
    private final int defaultRangeBuckets;

    public RequestValidator(
        final SymbolDirectory symbols, final LiquidationHistory history, final int maxRangeBuckets,
        final int defaultRangeBuckets)
    {
        this.symbols = symbols;
        this.history = history;
        this.maxRangeBuckets = maxRangeBuckets;
        this.defaultRangeBuckets = defaultRangeBuckets;
    }

    /** The symbol in upper case, if the exchange lists it or the engine has recorded it. */
    public String symbol(final String raw)
    {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_SYMBOL_LENGTH)
        {
            throw ApiException.unknownSymbol(String.valueOf(raw));
        }
        for (int i = 0; i < raw.length(); i++)
        {
            final char c = raw.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'))
            {
                throw ApiException.unknownSymbol(raw);
            }
        }
        final String symbol = raw.toUpperCase(Locale.ROOT);
        if (!symbols.isListed(symbol) && !history.isKnownSymbol(symbol))
        {
            throw ApiException.unknownSymbol(symbol);
        }
        return symbol;
    }

    /** A standard timeframe or a custom one (docs/API.md §2.2), else 400 {@code invalid_timeframe} naming the rule. */
    public static Interval anyTimeframe(final String raw)
    {
        try
        {
            return Interval.parse(raw);
        }
        catch (final IllegalArgumentException e)
        {
            throw ApiException.badRequest("invalid_timeframe", e.getMessage());
        }
    }

    /**
     * The range to serve: {@code start}/{@code end} when given, else the last {@code defaultRangeBuckets}
     * buckets up to and including the current one (fewer of a custom timeframe whose base buckets would not fit).
     */
    public VolumeRange range(final Interval timeframe, final String rawStart, final String rawEnd, final long nowMs)
    {
        final Long start = epochMs("start", rawStart);
        final Long end = epochMs("end", rawEnd);
        final long endMs = end != null ? end : timeframe.bucketStartMs(timeframe.bucketIndex(nowMs) + 1);
        final long defaultBuckets = Math.min(defaultRangeBuckets, maxRangeBuckets / timeframe.baseBuckets());
        final long startMs = start != null
            ? start
            : timeframe.bucketStartMs(timeframe.bucketIndex(endMs - 1) - defaultBuckets + 1);
        return range(timeframe, startMs, endMs);
    }

    /** A time range without buckets: {@code start} (default 0) before {@code end} (default the end of time). */
    public static VolumeRange interval(final String rawStart, final String rawEnd)
    {
        final Long start = epochMs("start", rawStart);
        final Long end = epochMs("end", rawEnd);
        final long startMs = start == null ? 0 : start;
        final long endMs = end == null ? Long.MAX_VALUE : end;
        if (startMs < 0 || startMs >= endMs)
        {
            throw ApiException.badRequest("invalid_range",
                "start must be >= 0 and before end, was start=" + startMs + " end=" + endMs);
        }
        return new VolumeRange(startMs, endMs);
    }

    /** Checks an explicit range. */
    public VolumeRange range(final Interval timeframe, final long startMs, final long endMs)
    {
        if (startMs < 0 || startMs >= endMs)
        {
            throw ApiException.badRequest("invalid_range",
                "start must be >= 0 and before end, was start=" + startMs + " end=" + endMs);
        }
        final VolumeRange range = new VolumeRange(startMs, endMs);
        final long buckets = range.buckets(timeframe);
        if (timeframe.baseBuckets() == 1 && buckets > maxRangeBuckets)
        {
            throw ApiException.badRequest("range_too_large",
                "the range spans " + buckets + " buckets of " + timeframe.code() + ", at most " + maxRangeBuckets);
        }
        if (range.baseBuckets(timeframe) > maxRangeBuckets)
        {
            throw ApiException.badRequest("range_too_large", "the range spans " + buckets + " buckets of "
                + timeframe.code() + ", each " + timeframe.baseBuckets() + " of " + timeframe.base().code()
                + "; at most " + maxRangeBuckets + " of " + timeframe.base().code() + " ("
                + maxRangeBuckets / timeframe.baseBuckets() + " of " + timeframe.code() + ")");
        }
        return range;
    }

    /** A count in [1, max], or {@code fallback} when absent. */
    public static int limit(final String raw, final int fallback, final int max)
    {
        final Integer limit = within(raw, fallback, 1, max);
        if (limit == null)
        {
            throw ApiException.badRequest("invalid_limit", "limit must be an integer in [1, " + max + "], was " + raw);
        }
        return limit;
    }

    /** A parameter's count in [min, max], or {@code fallback} when absent; 400 {@code invalid_parameter} else. */
    public static int count(final String name, final String raw, final int fallback, final int min, final int max)
    {
        final Integer count = within(raw, fallback, min, max);
        if (count == null)
        {
            throw ApiException.badRequest("invalid_parameter",
                name + " must be an integer in [" + min + ", " + max + "], was " + raw);
        }
        return count;
    }

    /** The integer in [min, max], {@code fallback} when absent, null when it is not one. */
    private static Integer within(final String raw, final int fallback, final int min, final int max)
    {
        if (raw == null)
        {
            return fallback;
        }
        try
        {
            final int value = Integer.parseInt(raw);
            return value >= min && value <= max ? value : null;
        }
        catch (final NumberFormatException e)
        {
            return null;
        }
    }

    /**
     * A {@code min_usdt} notional threshold in USDT with 8 fraction digits: up to 10 integer digits and 8 fraction
     * digits, nothing else (no sign, exponent or spaces); 0 when absent.
     */
    public static long minUsdtE8(final String raw)
    {
        if (raw == null)
        {
            return 0;
        }
        if (!MIN_USDT.matcher(raw).matches())
        {
            throw ApiException.badRequest("invalid_min_usdt",
                "min_usdt must be a decimal of at most 10 integer and 8 fraction digits, was " + raw);
        }
        return new BigDecimal(raw).movePointRight(FixedPointText.E8_SCALE).longValueExact();
    }

    private static Long epochMs(final String name, final String raw)
    {
        if (raw == null)
        {
            return null;
        }
        try
        {
            return Long.parseLong(raw);
        }
        catch (final NumberFormatException e)
        {
            throw ApiException.badRequest("invalid_range", name + " must be epoch milliseconds, was " + raw);
        }
    }
}
