package io.liqvol.gateway.server;

import io.liqvol.engine.Int128;
import io.liqvol.engine.Side;
import io.liqvol.engine.Interval;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cells of a realized liquidation heatmap (docs/API.md §4.13): per time bucket and price bin the exact buy and
 * sell notional (E16, 128 bits) and counts. Bins are {@code binSizeE8} wide and aligned to its multiples; only cells
 * that a liquidation fell in are held, in time then price order.
 */
final class HeatmapGrid
{
    static final int BUY_HIGH = 0;
    static final int BUY_LOW = 1;
    static final int SELL_HIGH = 2;
    static final int SELL_LOW = 3;
    static final int BUY_COUNT = 4;
    static final int SELL_COUNT = 5;
    private static final int CELL_LONGS = 6;
    private static final long[] LADDER = {1, 2, 5};

    private final Interval timeframe;
    private final long firstBucketIndex;
    private final long binSizeE8;
    private final long firstBin;
    private final int binCount;
    private final TreeMap<Long, long[]> cells = new TreeMap<>();

    /** A grid from the bucket of {@code startMs} whose bins cover {@code [minPriceE8, maxPriceE8]}. */
    HeatmapGrid(final Interval timeframe, final long startMs, final long binSizeE8, final long minPriceE8,
        final long maxPriceE8)
    {
        this.timeframe = timeframe;
        this.firstBucketIndex = timeframe.bucketIndex(startMs);
        this.binSizeE8 = binSizeE8;
        this.firstBin = minPriceE8 / binSizeE8;
        this.binCount = (int)(maxPriceE8 / binSizeE8 - firstBin + 1);
    }

    /**
     * The bin size: the smallest of {@code tick × {1, 2, 5} × 10^k} whose bins, aligned to its multiples, cover
     * {@code [minPriceE8, maxPriceE8]} (positive prices) in at most {@code bins} bins.
     */
    static long binSizeE8(final long tickE8, final long minPriceE8, final long maxPriceE8, final int bins)
    {
        long decade = tickE8;
        while (true)
        {
            for (final long step : LADDER)
            {
                final long sizeE8 = decade * step;
                if (maxPriceE8 / sizeE8 - minPriceE8 / sizeE8 + 1 <= bins)
                {
                    return sizeE8;
                }
            }
            decade = Math.multiplyExact(decade, 10);
        }
    }

    /** Adds a liquidation; false (and nothing added) for a price outside the grid's bins. */
    boolean add(final int side, final long tradeTimeMs, final long quantityE8, final long priceE8)
    {
        final long bin = priceE8 / binSizeE8 - firstBin;
        if (bin < 0 || bin >= binCount)
        {
            return false;
        }
        final long bucket = timeframe.bucketIndex(tradeTimeMs) - firstBucketIndex;
        final long[] cell = cells.computeIfAbsent(bucket * binCount + bin, key -> new long[CELL_LONGS]);
        final boolean buy = side == Side.BUY.ordinal();
        final int high = buy ? BUY_HIGH : SELL_HIGH;
        final int low = buy ? BUY_LOW : SELL_LOW;
        final long notionalHigh = Int128.multiplyHigh(quantityE8, priceE8);
        final long notionalLow = Int128.multiplyLow(quantityE8, priceE8);
        final long sumHigh = Int128.addHigh(cell[high], cell[low], notionalHigh, notionalLow);
        if (Int128.addOverflowed(cell[high], notionalHigh, sumHigh))
        {
            throw new ArithmeticException("a heatmap cell's notional overflowed 128 bits");
        }
        cell[low] = Int128.addLow(cell[low], notionalLow);
        cell[high] = sumHigh;
        cell[buy ? BUY_COUNT : SELL_COUNT]++;
        return true;
    }

    /** The held cells in time then price order: key {@code bucket × binCount + bin}, value the cell's longs. */
    Iterator<Map.Entry<Long, long[]>> cells()
    {
        return cells.entrySet().iterator();
    }

    int binCount()
    {
        return binCount;
    }

    long binSizeE8()
    {
        return binSizeE8;
    }

    /** The low edge of a bin (0: the lowest). */
    long binLowE8(final long bin)
    {
        return (firstBin + bin) * binSizeE8;
    }

    /** The open time of the cell's bucket. */
    long bucketStartMs(final long key)
    {
        return timeframe.bucketStartMs(firstBucketIndex + key / binCount);
    }

    /** The bin of a cell's key. */
    long bin(final long key)
    {
        return key % binCount;
    }
}
