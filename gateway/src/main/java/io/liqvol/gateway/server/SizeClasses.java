package io.liqvol.gateway.server;

import io.liqvol.engine.Int128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Per symbol of a {@link LiquidationTape} over a window: count and exact notional per size class (docs/API.md §4.11)
 * and the largest single liquidation. Notionals are {@code quantityE8 × priceE8}, E16 in 128 bits, never rounded.
 */
final class SizeClasses implements LiquidationTape.Visitor
{
    /** The classes' lower bounds in USDT; the last is open above. */
    static final List<String> LABELS = List.of("<1k", "1k-10k", "10k-100k", "100k-1M", ">=1M");
    static final long[] LOWER_BOUNDS_USDT = {0, 1_000, 10_000, 100_000, 1_000_000};
    static final int CLASSES = LOWER_BOUNDS_USDT.length;

    private static final int E16 = 16;
    private static final long[] BOUND_HIGH = new long[CLASSES];
    private static final long[] BOUND_LOW = new long[CLASSES];

    static
    {
        for (int c = 0; c < CLASSES; c++)
        {
            final BigInteger bound = BigInteger.valueOf(LOWER_BOUNDS_USDT[c]).multiply(BigInteger.TEN.pow(E16));
            BOUND_HIGH[c] = bound.shiftRight(64).longValue();
            BOUND_LOW[c] = bound.longValue();
        }
    }

    private final int symbols;
    private final long[] counts;
    private final long[] notionalHigh;
    private final long[] notionalLow;
    /** Per symbol, the largest: notional (high, low), side, quantity, price, time; count 0 while none. */
    private final long[] largest;

    SizeClasses(final int symbols)
    {
        this.symbols = symbols;
        counts = new long[symbols * CLASSES];
        notionalHigh = new long[symbols * CLASSES];
        notionalLow = new long[symbols * CLASSES];
        largest = new long[symbols * 6];
    }

    @Override
    public void onLiquidation(
        final int symbol, final int side, final long quantityE8, final long priceE8, final long tradeTimeMs)
    {
        if (symbol >= symbols)
        {
            // a symbol the tape met after this count was taken: newer than the answer
            return;
        }
        final long high = Math.multiplyHigh(quantityE8, priceE8);
        final long low = quantityE8 * priceE8;
        int c = CLASSES - 1;
        while (c > 0 && below(high, low, BOUND_HIGH[c], BOUND_LOW[c]))
        {
            c--;
        }
        final int at = symbol * CLASSES + c;
        final long sumLow = Int128.addLow(notionalLow[at], low);
        notionalHigh[at] = Int128.addHigh(notionalHigh[at], notionalLow[at], high, low);
        notionalLow[at] = sumLow;
        counts[at]++;
        final int best = symbol * 6;
        final boolean first = count(symbol) == 1;
        if (first || below(largest[best], largest[best + 1], high, low))
        {
            largest[best] = high;
            largest[best + 1] = low;
            largest[best + 2] = side;
            largest[best + 3] = quantityE8;
            largest[best + 4] = priceE8;
            largest[best + 5] = tradeTimeMs;
        }
    }

    int symbols()
    {
        return symbols;
    }

    long count(final int symbol)
    {
        long total = 0;
        for (int c = 0; c < CLASSES; c++)
        {
            total += counts[symbol * CLASSES + c];
        }
        return total;
    }

    /** The symbol's count in a class; symbol -1: the market's. */
    long count(final int symbol, final int sizeClass)
    {
        if (symbol >= 0)
        {
            return counts[symbol * CLASSES + sizeClass];
        }
        long total = 0;
        for (int s = 0; s < symbols; s++)
        {
            total += counts[s * CLASSES + sizeClass];
        }
        return total;
    }

    /** The symbol's notional in a class in USDT; symbol -1: the market's. */
    BigDecimal notional(final int symbol, final int sizeClass)
    {
        if (symbol >= 0)
        {
            final int at = symbol * CLASSES + sizeClass;
            return Int128.toBigDecimal(notionalHigh[at], notionalLow[at], E16);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int s = 0; s < symbols; s++)
        {
            total = total.add(notional(s, sizeClass));
        }
        return total;
    }

    /** The symbol's largest liquidation: {side, quantityE8, priceE8, time}. */
    long[] largest(final int symbol)
    {
        final int best = symbol * 6;
        return new long[] {largest[best + 2], largest[best + 3], largest[best + 4], largest[best + 5]};
    }

    BigDecimal largestNotional(final int symbol)
    {
        return Int128.toBigDecimal(largest[symbol * 6], largest[symbol * 6 + 1], E16);
    }

    /** Unsigned 128-bit {@code a < b} (notionals are never negative). */
    private static boolean below(final long aHigh, final long aLow, final long bHigh, final long bLow)
    {
        return aHigh != bHigh ? Long.compareUnsigned(aHigh, bHigh) < 0 : Long.compareUnsigned(aLow, bLow) < 0;
    }
}
