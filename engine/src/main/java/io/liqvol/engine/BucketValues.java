package io.liqvol.engine;

import io.liqvol.engine.journal.TotalsConsumer;

import java.math.BigDecimal;

/**
 * A mutable copy of one bucket's totals, reused by the thread that owns it: the publisher's view of a changed
 * bucket, or a query's scratch. Notionals are 128-bit E16, quantities 128-bit E8.
 */
final class BucketValues implements BucketView, TotalsConsumer
{
    int symbolId;
    String symbol;
    /** The venue's ordinal, or -1 for the sum over venues. */
    int venue = -1;
    /** The sum over venues, the publisher's, or null: then this is that sum. */
    BucketValues allVenues;
    /** The publisher's: each venue's same bucket by ordinal, and the scratch of a sum over several; else null. */
    BucketValues[] venueBuckets;
    BucketValues selection;
    Timeframe timeframe;
    long bucketIndex;
    long lastPosition;
    long buyNotionalHigh;
    long buyNotionalLow;
    long sellNotionalHigh;
    long sellNotionalLow;
    long buyQuantityHigh;
    long buyQuantityLow;
    long sellQuantityHigh;
    long sellQuantityLow;
    long buyCount;
    long sellCount;

    void clear()
    {
        lastPosition = -1;
        buyNotionalHigh = 0;
        buyNotionalLow = 0;
        sellNotionalHigh = 0;
        sellNotionalLow = 0;
        buyQuantityHigh = 0;
        buyQuantityLow = 0;
        sellQuantityHigh = 0;
        sellQuantityLow = 0;
        buyCount = 0;
        sellCount = 0;
    }

    /** Takes one liquidation back out of the totals (the publisher rewinding to its own sequence). */
    void subtract(final int side, final long quantityE8, final long priceE8)
    {
        final long notionalHigh = Math.multiplyHigh(quantityE8, priceE8);
        final long notionalLow = quantityE8 * priceE8;
        if (side == Side.BUY.ordinal())
        {
            final long high = Int128.subtractHigh(buyNotionalHigh, buyNotionalLow, notionalHigh, notionalLow);
            buyNotionalLow = Int128.subtractLow(buyNotionalLow, notionalLow);
            buyNotionalHigh = high;
            final long quantityHigh = Int128.subtractHigh(buyQuantityHigh, buyQuantityLow, 0, quantityE8);
            buyQuantityLow = Int128.subtractLow(buyQuantityLow, quantityE8);
            buyQuantityHigh = quantityHigh;
            buyCount--;
        }
        else
        {
            final long high = Int128.subtractHigh(sellNotionalHigh, sellNotionalLow, notionalHigh, notionalLow);
            sellNotionalLow = Int128.subtractLow(sellNotionalLow, notionalLow);
            sellNotionalHigh = high;
            final long quantityHigh = Int128.subtractHigh(sellQuantityHigh, sellQuantityLow, 0, quantityE8);
            sellQuantityLow = Int128.subtractLow(sellQuantityLow, quantityE8);
            sellQuantityHigh = quantityHigh;
            sellCount--;
        }
    }

    /** Copies another bucket's totals and what it names. */
    void copyFrom(final BucketValues other)
    {
        copyNames(other, other.venue);
        accept(other.buyNotionalHigh, other.buyNotionalLow, other.sellNotionalHigh, other.sellNotionalLow,
            other.buyQuantityHigh, other.buyQuantityLow, other.sellQuantityHigh, other.sellQuantityLow,
            other.buyCount, other.sellCount);
    }

    /** Names the same bucket as {@code other} does, on the venue of ordinal {@code venue}. */
    void copyNames(final BucketValues other, final int venue)
    {
        symbolId = other.symbolId;
        symbol = other.symbol;
        this.venue = venue;
        timeframe = other.timeframe;
        bucketIndex = other.bucketIndex;
    }

    /** Adds another bucket's totals; false, changing nothing, when a 128-bit sum would overflow. */
    boolean add(final BucketValues other)
    {
        final long buyNotional = Int128.addHigh(buyNotionalHigh, buyNotionalLow, other.buyNotionalHigh,
            other.buyNotionalLow);
        final long sellNotional = Int128.addHigh(sellNotionalHigh, sellNotionalLow, other.sellNotionalHigh,
            other.sellNotionalLow);
        final long buyQuantity = Int128.addHigh(buyQuantityHigh, buyQuantityLow, other.buyQuantityHigh,
            other.buyQuantityLow);
        final long sellQuantity = Int128.addHigh(sellQuantityHigh, sellQuantityLow, other.sellQuantityHigh,
            other.sellQuantityLow);
        if (Int128.addOverflowed(buyNotionalHigh, other.buyNotionalHigh, buyNotional)
            || Int128.addOverflowed(sellNotionalHigh, other.sellNotionalHigh, sellNotional)
            || Int128.addOverflowed(buyQuantityHigh, other.buyQuantityHigh, buyQuantity)
            || Int128.addOverflowed(sellQuantityHigh, other.sellQuantityHigh, sellQuantity))
        {
            return false;
        }
        buyNotionalLow = Int128.addLow(buyNotionalLow, other.buyNotionalLow);
        buyNotionalHigh = buyNotional;
        sellNotionalLow = Int128.addLow(sellNotionalLow, other.sellNotionalLow);
        sellNotionalHigh = sellNotional;
        buyQuantityLow = Int128.addLow(buyQuantityLow, other.buyQuantityLow);
        buyQuantityHigh = buyQuantity;
        sellQuantityLow = Int128.addLow(sellQuantityLow, other.sellQuantityLow);
        sellQuantityHigh = sellQuantity;
        buyCount += other.buyCount;
        sellCount += other.sellCount;
        return true;
    }

    /** Takes totals from history. */
    @Override
    public void accept(
        final long buyNotionalHigh,
        final long buyNotionalLow,
        final long sellNotionalHigh,
        final long sellNotionalLow,
        final long buyQuantityHigh,
        final long buyQuantityLow,
        final long sellQuantityHigh,
        final long sellQuantityLow,
        final long buyCount,
        final long sellCount)
    {
        this.buyNotionalHigh = buyNotionalHigh;
        this.buyNotionalLow = buyNotionalLow;
        this.sellNotionalHigh = sellNotionalHigh;
        this.sellNotionalLow = sellNotionalLow;
        this.buyQuantityHigh = buyQuantityHigh;
        this.buyQuantityLow = buyQuantityLow;
        this.sellQuantityHigh = sellQuantityHigh;
        this.sellQuantityLow = sellQuantityLow;
        this.buyCount = buyCount;
        this.sellCount = sellCount;
    }

    @Override
    public int symbolId()
    {
        return symbolId;
    }

    @Override
    public String symbol()
    {
        return symbol;
    }

    @Override
    public Venue venue()
    {
        return Venue.fromOrdinal(venue);
    }

    @Override
    public BucketView allVenues()
    {
        return allVenues == null ? this : allVenues;
    }

    @Override
    public BucketView venues(final int venueMask)
    {
        final int everyVenue = (1 << Venue.count()) - 1;
        final int selected = venueMask & everyVenue;
        if (venueBuckets == null || selected == everyVenue)
        {
            return allVenues();
        }
        if (Integer.bitCount(selected) == 1)
        {
            return venueBuckets[Integer.numberOfTrailingZeros(selected)];
        }
        selection.copyFrom(venueBuckets[0]);
        selection.venue = -1;
        selection.clear();
        for (int venue = 0; venue < venueBuckets.length; venue++)
        {
            if (Venues.selects(selected, venue))
            {
                // a part of the sum over every venue, which did not overflow
                selection.add(venueBuckets[venue]);
            }
        }
        return selection;
    }

    @Override
    public Timeframe timeframe()
    {
        return timeframe;
    }

    @Override
    public long startTimeMs()
    {
        return timeframe.bucketStartMs(bucketIndex);
    }

    @Override
    public long buyNotionalE16High()
    {
        return buyNotionalHigh;
    }

    @Override
    public long buyNotionalE16Low()
    {
        return buyNotionalLow;
    }

    @Override
    public long sellNotionalE16High()
    {
        return sellNotionalHigh;
    }

    @Override
    public long sellNotionalE16Low()
    {
        return sellNotionalLow;
    }

    @Override
    public long buyQuantityE8High()
    {
        return buyQuantityHigh;
    }

    @Override
    public long buyQuantityE8Low()
    {
        return buyQuantityLow;
    }

    @Override
    public long sellQuantityE8High()
    {
        return sellQuantityHigh;
    }

    @Override
    public long sellQuantityE8Low()
    {
        return sellQuantityLow;
    }

    @Override
    public long buyCount()
    {
        return buyCount;
    }

    @Override
    public long sellCount()
    {
        return sellCount;
    }

    @Override
    public BucketSnapshot toSnapshot()
    {
        return new BucketSnapshot(
            symbol,
            timeframe,
            startTimeMs(),
            notional(buyNotionalHigh, buyNotionalLow),
            notional(sellNotionalHigh, sellNotionalLow),
            quantity(buyQuantityHigh, buyQuantityLow),
            quantity(sellQuantityHigh, sellQuantityLow),
            buyCount,
            sellCount);
    }

    private static BigDecimal notional(final long high, final long low)
    {
        return Int128.toBigDecimal(high, low, BucketDescriptor.NOTIONAL_SCALE);
    }

    private static BigDecimal quantity(final long high, final long low)
    {
        return Int128.toBigDecimal(high, low, BucketDescriptor.QUANTITY_SCALE);
    }
}
