package io.liqvol.engine;

/**
 * A bucket size that volume can be served in: one of the contract's {@link Timeframe}s, or a
 * {@link CustomTimeframe} summed from one of them (its base).
 */
public interface Interval
{
    /** The contract's name, such as {@code 1m}, {@code 1M} or {@code 10m}. */
    String code();

    /** A dense, monotonic number of the bucket holding {@code timeMs}. */
    long bucketIndex(long timeMs);

    /** The start, in epoch milliseconds, of the bucket with that index. */
    long bucketStartMs(long bucketIndex);

    /** The timeframe the engine aggregates whose buckets make up this one's (itself for a standard one). */
    Timeframe base();

    /** How many buckets of {@link #base()} make one of this (1 for a standard one). */
    int baseBuckets();

    /**
     * The timeframe named {@code code}: a standard one (docs/API.md §2) or a custom one by {@link CustomTimeframe}'s
     * rule, written in its largest whole unit ({@code 120m} is {@code 2h}, {@code 24h} is {@code 1d}).
     *
     * @throws IllegalArgumentException naming the rule when {@code code} is neither
     */
    static Interval parse(final String code)
    {
        final Timeframe standard = Timeframe.fromCode(code);
        return standard != null ? standard : CustomTimeframe.parse(code);
    }
}
