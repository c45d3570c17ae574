package io.liqvol.engine.journal;

/** The bucket totals of one journal segment in the base timeframes of {@link RollupDescriptor}. Any thread. */
interface Rollup
{
    /** Adds the base buckets {@code [fromIndex, toIndex]} of {@code base} of a symbol on a venue to the range. */
    void sum(String symbol, int venue, int base, long fromIndex, long toIndex, HistoryRange into);

    /** Whether a liquidation of the segment may be traded in {@code [startMs, endMs)}. */
    boolean overlaps(long startMs, long endMs);

    /** The newest trade time in the segment, {@link Long#MIN_VALUE} if it holds no liquidation. */
    long maxTradeTimeMs();
}
