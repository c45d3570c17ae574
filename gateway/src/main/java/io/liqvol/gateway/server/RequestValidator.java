package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;

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

    public static Timeframe timeframe(final String raw)
    {
        final Timeframe timeframe = raw == null ? null : Timeframe.fromCode(raw);
        if (timeframe == null)
        {
            throw ApiException.badRequest("invalid_timeframe",
                "unknown timeframe: " + raw + " (one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M)");
        }
        return timeframe;
    }

    /**
     * The range to serve: {@code start}/{@code end} when given, else the last {@code defaultRangeBuckets}
     * buckets up to and including the current one.
     */
    public VolumeRange range(final Timeframe timeframe, final String rawStart, final String rawEnd, final long nowMs)
    {
        final Long start = epochMs("start", rawStart);
        final Long end = epochMs("end", rawEnd);
        final long endMs = end != null ? end : timeframe.bucketStartMs(timeframe.bucketIndex(nowMs) + 1);
        final long startMs = start != null
            ? start
            : timeframe.bucketStartMs(timeframe.bucketIndex(endMs - 1) - defaultRangeBuckets + 1);
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
    public VolumeRange range(final Timeframe timeframe, final long startMs, final long endMs)
    {
        if (startMs < 0 || startMs >= endMs)
        {
            throw ApiException.badRequest("invalid_range",
                "start must be >= 0 and before end, was start=" + startMs + " end=" + endMs);
        }
        final long buckets = timeframe.bucketIndex(endMs - 1) - timeframe.bucketIndex(startMs) + 1;
        if (buckets > maxRangeBuckets)
        {
            throw ApiException.badRequest("range_too_large",
                "the range spans " + buckets + " buckets of " + timeframe.code() + ", at most " + maxRangeBuckets);
        }
        return new VolumeRange(startMs, endMs);
    }

    /** A count in [1, max], or {@code fallback} when absent. */
    public static int limit(final String raw, final int fallback, final int max)
    {
        if (raw == null)
        {
            return fallback;
        }
        try
        {
            final int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= max)
            {
                return limit;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // answered below
        }
        throw ApiException.badRequest("invalid_limit", "limit must be an integer in [1, " + max + "], was " + raw);
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
