package io.liqvol.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A timeframe beyond the contract's fourteen, summed exactly from the buckets of a standard one (its base).
 * The rule (docs/API.md §2.2): {@code Nm} or {@code Nh} whose size divides 24 hours, so that every UTC day
 * begins a bucket, or {@code Nd} with N from 1 to {@link #MAX_DAYS}, counted from the Unix epoch; either way a
 * bucket starts at {@code floor(t / size) × size}. Its base is the largest of {@code 1m … 1d} dividing its size,
 * so each of its buckets is exactly {@link #baseBuckets()} whole base buckets. Made by {@link Interval#parse}.
 */
public record CustomTimeframe(String code, long sizeMs, Timeframe base) implements Interval
{
    /** The longest custom bucket: with the default windows its base buckets are all still in memory. */
    public static final int MAX_DAYS = 90;
    public static final String RULE = "a whole number of minutes or hours that divides 24h (00:00 UTC aligned), "
        + "or of days from 1 to " + MAX_DAYS + " (aligned to the Unix epoch), such as 10m, 20m, 2h, 2d or 3d";

    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final int MAX_DIGITS = 6;
    /** The standard timeframes that are fixed, epoch-aligned divisors of a day, largest first. */
    private static final Timeframe[] BASES = {
        Timeframe.D1, Timeframe.H12, Timeframe.H8, Timeframe.H6, Timeframe.H4, Timeframe.H2, Timeframe.H1,
        Timeframe.M30, Timeframe.M15, Timeframe.M5, Timeframe.M3, Timeframe.M1};

    /** Refuses what breaks the rule, a code naming another size or a standard one, and a base not dividing it. */
    public CustomTimeframe
    {
        if (!fitsDay(sizeMs) || sizeMs % base.sizeMs() != 0 || Timeframe.fromCode(code) != null
            || sizeMs(code) != sizeMs)
        {
            throw new IllegalArgumentException("not a custom timeframe: " + code + " of " + sizeMs + " ms on "
                + base.code());
        }
    }

    /** Reads the base buckets of a symbol ({@link LiqvolEngine#volume(String, Timeframe, long, long)}). */
    @FunctionalInterface
    public interface BaseVolume
    {
        List<BucketSnapshot> volume(String symbol, Timeframe timeframe, long startMs, long endMs);
    }

    /**
     * The timeframe of that size in its largest whole unit: a standard one when it is one ({@code 60m} is
     * {@code 1h}), else a custom one.
     *
     * @throws IllegalArgumentException naming {@link #RULE} when the code breaks it
     */
    static Interval parse(final String code)
    {
        final long sizeMs = sizeMs(code);
        if (!fitsDay(sizeMs))
        {
            throw invalid(code);
        }
        final String canonical = sizeMs % DAY_MS == 0 ? sizeMs / DAY_MS + "d"
            : sizeMs % HOUR_MS == 0 ? sizeMs / HOUR_MS + "h" : sizeMs / MINUTE_MS + "m";
        final Timeframe standard = Timeframe.fromCode(canonical);
        if (standard != null)
        {
            return standard;
        }
        for (final Timeframe base : BASES)
        {
            if (sizeMs % base.sizeMs() == 0)
            {
                return new CustomTimeframe(canonical, sizeMs, base);
            }
        }
        throw invalid(code);
    }

    /** Divides a day, or is 1 to {@link #MAX_DAYS} whole days. */
    private static boolean fitsDay(final long sizeMs)
    {
        return sizeMs > 0 && (sizeMs % DAY_MS == 0 ? sizeMs / DAY_MS <= MAX_DAYS : DAY_MS % sizeMs == 0);
    }

    private static long sizeMs(final String code)
    {
        final int digits = code == null ? 0 : code.length() - 1;
        if (digits < 1 || digits > MAX_DIGITS || code.charAt(0) == '0')
        {
            throw invalid(code);
        }
        long count = 0;
        for (int i = 0; i < digits; i++)
        {
            final char c = code.charAt(i);
            if (c < '0' || c > '9')
            {
                throw invalid(code);
            }
            count = count * 10 + c - '0';
        }
        return switch (code.charAt(digits))
        {
            case 'm' -> count * MINUTE_MS;
            case 'h' -> count * HOUR_MS;
            case 'd' -> count * DAY_MS;
            default -> throw invalid(code);
        };
    }

    private static IllegalArgumentException invalid(final String code)
    {
        return new IllegalArgumentException("unknown timeframe: " + code + " (one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h "
            + "12h 1d 1w 1M, or " + RULE + ")");
    }

    @Override
    public int baseBuckets()
    {
        return (int)(sizeMs / base.sizeMs());
    }

    @Override
    public long bucketIndex(final long timeMs)
    {
        return Math.floorDiv(timeMs, sizeMs);
    }

    @Override
    public long bucketStartMs(final long bucketIndex)
    {
        return bucketIndex * sizeMs;
    }

    /**
     * The buckets from the one holding {@code startMs} while their start is before {@code endMs}, each the exact sum
     * of its base buckets as {@code source} gives them. A bucket's {@link BucketSnapshot#timeframe()} is the base.
     */
    public List<BucketSnapshot> volume(
        final String symbol, final long startMs, final long endMs, final BaseVolume source)
    {
        final long first = bucketIndex(startMs);
        final long last = bucketIndex(endMs - 1);
        final List<BucketSnapshot> parts = source.volume(symbol, base, bucketStartMs(first), bucketStartMs(last + 1));
        final List<BucketSnapshot> buckets = new ArrayList<>((int)(last - first + 1));
        final int baseBuckets = baseBuckets();
        for (int from = 0; from < parts.size(); from += baseBuckets)
        {
            buckets.add(sum(parts, from, from + baseBuckets, bucketStartMs(first + from / baseBuckets)));
        }
        return buckets;
    }

    /** The bucket starting at {@code startMs} made of {@code parts[from, to)}, exact. */
    public BucketSnapshot sum(final List<BucketSnapshot> parts, final int from, final int to, final long startMs)
    {
        BigDecimal buyNotional = BigDecimal.ZERO;
        BigDecimal sellNotional = BigDecimal.ZERO;
        BigDecimal buyQuantity = BigDecimal.ZERO;
        BigDecimal sellQuantity = BigDecimal.ZERO;
        long buyCount = 0;
        long sellCount = 0;
        String symbol = null;
        for (int i = from; i < to; i++)
        {
            final BucketSnapshot part = parts.get(i);
            symbol = part.symbol();
            buyNotional = buyNotional.add(part.buyNotional());
            sellNotional = sellNotional.add(part.sellNotional());
            buyQuantity = buyQuantity.add(part.buyQuantity());
            sellQuantity = sellQuantity.add(part.sellQuantity());
            buyCount += part.buyCount();
            sellCount += part.sellCount();
        }
        return new BucketSnapshot(symbol, base, startMs, buyNotional, sellNotional, buyQuantity, sellQuantity, buyCount,
            sellCount);
    }
}
