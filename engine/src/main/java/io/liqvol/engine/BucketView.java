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

    /** The venue whose liquidations these are, or null for a sum over venues. */
    Venue venue();

    /**
     * The same bucket summed over every venue of the symbol as of the same batch ({@link #venue()} null), exact; the
     * view itself when it is the sum already. A venue's bucket that has left its in-memory window (a venue silent for
     * longer than the window while another is late) is not in the sum: {@code LiqvolEngine.volume} has it.
     */
    BucketView allVenues();

    /**
     * The same bucket summed over the venues of {@code venueMask} ({@link Venues}) as of the same batch, exact (a
     * part of {@link #allVenues()}, so it cannot overflow): {@link #allVenues()} for a mask of every venue, a venue's
     * own bucket (zeros where it has none) for one venue, valid through the listener call; a sum of several is valid
     * until the next call of this method.
     */
    BucketView venues(int venueMask);

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
