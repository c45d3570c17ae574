package io.liqvol.engine;

/**
 * Bucket sizes of the contract. Bucket starts are exactly Binance's kline open times: epoch aligned for
 * fixed sizes, Monday 00:00 UTC for {@link #W1}, the first of the month 00:00 UTC for {@link #MN1}.
 */
public enum Timeframe implements Interval
{
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H8("8h", 8 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    W1("1w", 7 * 86_400_000L),
    MN1("1M", 0L);

    /** 1970-01-01 was a Thursday; the first Monday 00:00 UTC is 1970-01-05. */
    private static final long FIRST_MONDAY_MS = 4 * 86_400_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final Timeframe[] VALUES = values();

    private final String code;
    private final long sizeMs;

    Timeframe(final String code, final long sizeMs)
    {
        this.code = code;
        this.sizeMs = sizeMs;
    }

    /** The contract's name of this timeframe, such as {@code 1m} or {@code 1M}. */
    @Override
    public String code()
    {
        return code;
    }

    /** Fixed bucket size in milliseconds, or 0 for the calendar month. */
    public long sizeMs()
    {
        return sizeMs;
    }

    @Override
    public Timeframe base()
    {
        return this;
    }

    @Override
    public int baseBuckets()
    {
        return 1;
    }

    public static int count()
    {
        return VALUES.length;
    }

    public static Timeframe fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /** The timeframe with that contract name, or {@code null}; names are case-sensitive (1m vs 1M). */
    public static Timeframe fromCode(final String code)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.code.equals(code))
            {
                return timeframe;
            }
        }
        return null;
    }

    /**
     * A dense, monotonic number of the bucket holding {@code timeMs}: buckets since the epoch for fixed
     * sizes, weeks since the first Monday for 1w, months since 1970-01 for 1M.
     */
    @Override
    public long bucketIndex(final long timeMs)
    {
        if (this == MN1)
        {
            return monthIndexOfEpochDay(Math.floorDiv(timeMs, DAY_MS));
        }
        if (this == W1)
        {
            return Math.floorDiv(timeMs - FIRST_MONDAY_MS, sizeMs);
        }
        return Math.floorDiv(timeMs, sizeMs);
    }

    /** The start, in epoch milliseconds, of the bucket with that index. */
    @Override
    public long bucketStartMs(final long bucketIndex)
    {
        if (this == MN1)
        {
            final long year = Math.floorDiv(bucketIndex, 12L) + 1970;
            final long month = Math.floorMod(bucketIndex, 12L) + 1;
            return epochDayOfFirstOfMonth(year, month) * DAY_MS;
        }
        if (this == W1)
        {
            return bucketIndex * sizeMs + FIRST_MONDAY_MS;
        }
        return bucketIndex * sizeMs;
    }

    /** The start of the bucket holding {@code timeMs}. */
    public long alignDownMs(final long timeMs)
    {
        return bucketStartMs(bucketIndex(timeMs));
    }

    /** Months since 1970-01 of an epoch day; Hinnant's civil-from-days, allocation-free (no LocalDate). */
    static long monthIndexOfEpochDay(final long epochDay)
    {
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year - 1970) * 12 + month - 1;
    }

    /** Epoch day of the first of a month; Hinnant's days-from-civil. */
    static long epochDayOfFirstOfMonth(final long year, final long month)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
