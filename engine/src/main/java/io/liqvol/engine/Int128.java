package io.liqvol.engine;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Signed 128-bit integers as (hi, lo) pairs of longs: the exact products and sums of fixed-point values.
 * A notional is {@code quantityE8 × priceE8}, an E16 value of up to ~8.5e37, which no long holds; bucket
 * sums stay exact up to ~1.7e22 USDT.
 */
public final class Int128
{
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Int128()
    {
    }

    /** High 64 bits of {@code a × b}; both must be non-negative. */
    public static long multiplyHigh(final long a, final long b)
    {
        return Math.multiplyHigh(a, b);
    }

    /** Low 64 bits of {@code a × b}. */
    public static long multiplyLow(final long a, final long b)
    {
        return a * b;
    }

    /** Low word of {@code (aHi, aLo) + (bHi, bLo)}. */
    public static long addLow(final long aLo, final long bLo)
    {
        return aLo + bLo;
    }

    /** High word of {@code (aHi, aLo) + (bHi, bLo)}, including the carry out of the low words. */
    public static long addHigh(final long aHi, final long aLo, final long bHi, final long bLo)
    {
        final long lo = aLo + bLo;
        final long carry = Long.compareUnsigned(lo, aLo) < 0 ? 1 : 0;
        return aHi + bHi + carry;
    }

    /** Whether {@code a + b} overflowed, given the high words of both operands and of the result. */
    public static boolean addOverflowed(final long aHi, final long bHi, final long resultHi)
    {
        return ((aHi ^ resultHi) & (bHi ^ resultHi)) < 0;
    }

    /** Low word of {@code a − b}. */
    public static long subtractLow(final long aLo, final long bLo)
    {
        return aLo - bLo;
    }

    /** High word of {@code a − b}, including the borrow. */
    public static long subtractHigh(final long aHi, final long aLo, final long bHi, final long bLo)
    {
        final long borrow = Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0;
        return aHi - bHi - borrow;
    }

    public static BigInteger toBigInteger(final long hi, final long lo)
    {
        final BigInteger low = lo >= 0 ? BigInteger.valueOf(lo) : BigInteger.valueOf(lo).add(TWO_64);
        return BigInteger.valueOf(hi).shiftLeft(64).add(low);
    }

    /** The exact decimal value of a fixed-point 128-bit number with {@code scale} fraction digits. */
    public static BigDecimal toBigDecimal(final long hi, final long lo, final int scale)
    {
        return plain(new BigDecimal(toBigInteger(hi, lo), scale));
    }

    /** Without trailing fraction zeros, and never with a negative scale (so 9910 prints as 9910, not 9.91E+3). */
    public static BigDecimal plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
