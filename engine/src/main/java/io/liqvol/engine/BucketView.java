package io.liqvol.engine;

/**
 * A flyweight over one bucket's accumulated totals as of the batch being published, valid only during
 * the listener call that receives it. The sums are exact signed 128-bit integers, given as their high and low
 * words: notionals with 16 fraction digits (E16, USDT), quantities with 8 (E8, base asset).
 */
public interface BucketView
{
    int symbolId();

    String symbol();

    Timeframe timeframe();

    long startTimeMs();

    long buyNotionalE16High();

    long buyNotionalE16Low();

    long sellNotionalE16High();

    long sellNotionalE16Low();

    long buyQuantityE8High();

    long buyQuantityE8Low();

    long sellQuantityE8High();

    long sellQuantityE8Low();

    long buyCount();

    long sellCount();

    /** An immutable, exact copy; allocates. */
    BucketSnapshot toSnapshot();
}
