package io.liqvol.engine;

/**
 * A flyweight over one bucket's accumulated totals as of the batch being published, valid only during
 * the listener call that receives it.
 */
public interface BucketView
{
    int symbolId();

    String symbol();

    Timeframe timeframe();

    long startTimeMs();

    long buyCount();

    long sellCount();

    /** An immutable, exact copy; allocates. */
    BucketSnapshot toSnapshot();
}
