package io.liqvol.engine;

import java.math.BigDecimal;

/**
 * Decimal text to fixed-point {@code long} with 8 fraction digits ({@code E8}), without allocating.
 * Binance sends prices and quantities as plain decimal strings with at most 8 fraction digits, so E8 is
 * exact for every value it sends; a value needing more digits is rejected rather than rounded.
 */
public final class FixedPoint
{
    public static final int SCALE = 8;
    public static final long ONE_E8 = 100_000_000L;
    /** 10^0 … 10^16: the unit of a value with 8 fraction digits after a shift of up to 8. */
    private static final long[] POWERS_OF_TEN = powersOfTen(2 * SCALE + 1);
    /** Per scale, the largest integer part a long holds: about 92 billion at E8. */
    private static final long[] MAX_INTEGER_PARTS = maxIntegerParts(POWERS_OF_TEN);

    private FixedPoint()
    {
    }

    /**
     * Parses the ASCII text {@code [0-9]+(\.[0-9]*)?} into E8. Returns the value (>= 0), or a negative code:
     * {@code -1 - reason ordinal} (see {@link #rejectReasonOf(long)}); trailing zeros past the eighth fraction digit
     * are accepted.
     */
    public static long parseE8(final byte[] text, final int offset, final int length)
    {
        return parseE8(text, offset, length, 0);
    }

    /**
     * As {@link #parseE8(byte[], int, int)}, the value times {@code 10^shiftDigits} (a price per 1000 units from one
     * per unit: 3), so that the 8 fraction digits kept are those after the shift; {@code shiftDigits} at most 8.
     */
    public static long parseE8(final byte[] text, final int offset, final int length, final int shiftDigits)
    {
        final int scale = SCALE + shiftDigits;
        final long one = POWERS_OF_TEN[scale];
        final long maxInteger = MAX_INTEGER_PARTS[scale];
        if (length == 0)
        {
            return fail(RejectReason.INVALID_NUMBER);
        }
        final int end = offset + length;
        int i = offset;
        if (text[i] == '-')
        {
            return fail(RejectReason.NON_POSITIVE);
        }
        long integer = 0;
        int integerDigits = 0;
        for (; i < end; i++)
        {
            final byte c = text[i];
            if (c == '.')
            {
                break;
            }
            if (c < '0' || c > '9')
            {
                return fail(RejectReason.INVALID_NUMBER);
            }
            integer = integer * 10 + (c - '0');
            if (integer > maxInteger)
            {
                return fail(RejectReason.OVERFLOW);
            }
            integerDigits++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end)
        {
            i++;
            for (; i < end; i++)
            {
                final byte c = text[i];
                if (c < '0' || c > '9')
                {
                    return fail(RejectReason.INVALID_NUMBER);
                }
                if (fractionDigits < scale)
                {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                }
                else if (c != '0')
                {
                    return fail(RejectReason.TOO_PRECISE);
                }
            }
            if (integerDigits == 0 && fractionDigits == 0)
            {
                return fail(RejectReason.INVALID_NUMBER);
            }
        }
        for (int d = fractionDigits; d < scale; d++)
        {
            fraction *= 10;
        }
        if (integer > (Long.MAX_VALUE - fraction) / one)
        {
            return fail(RejectReason.OVERFLOW);
        }
        return integer * one + fraction;
    }

    /**
     * {@code aE8 × bE8} in E8 (contracts × contract size), exact: a negative result as {@link #parseE8}'s when the
     * product has more than 8 fraction digits ({@link RejectReason#TOO_PRECISE}) or does not fit
     * ({@link RejectReason#OVERFLOW}). Both must be positive. The E16 product is divided by 10^8 in 32-bit steps,
     * so no 128-bit type is needed.
     */
    public static long multiplyE8(final long aE8, final long bE8)
    {
        final long high = Math.multiplyHigh(aE8, bE8);
        final long low = aE8 * bE8;
        if (high >= ONE_E8)
        {
            return fail(RejectReason.OVERFLOW);
        }
        final long upper = (high << 32) | (low >>> 32);
        final long upperQuotient = upper / ONE_E8;
        final long lower = ((upper % ONE_E8) << 32) | (low & 0xFFFF_FFFFL);
        if (lower % ONE_E8 != 0)
        {
            return fail(RejectReason.TOO_PRECISE);
        }
        if (upperQuotient > Integer.MAX_VALUE)
        {
            return fail(RejectReason.OVERFLOW);
        }
        return (upperQuotient << 32) + lower / ONE_E8;
    }

    /**
     * {@code valueE8 ÷ 10^digits} exactly (a quantity of units as one of 1000 units: 3), in {@link #parseE8}'s
     * convention: {@link RejectReason#TOO_PRECISE} when E8 cannot hold it. {@code valueE8} must not be negative.
     */
    public static long divideByPowerOfTen(final long valueE8, final int digits)
    {
        final long divisor = POWERS_OF_TEN[digits];
        return valueE8 % divisor == 0 ? valueE8 / divisor : fail(RejectReason.TOO_PRECISE);
    }

    /** The reason encoded in a negative result of {@link #parseE8}. */
    public static RejectReason rejectReasonOf(final long parseResult)
    {
        return RejectReason.fromOrdinal((int)(-1 - parseResult));
    }

    /** The exact decimal value of an E8 fixed-point number; allocates (cold path). */
    public static BigDecimal toBigDecimal(final long valueE8)
    {
        return Int128.plain(BigDecimal.valueOf(valueE8, SCALE));
    }

    private static long[] powersOfTen(final int count)
    {
        final long[] powers = new long[count];
        powers[0] = 1;
        for (int i = 1; i < count; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    private static long[] maxIntegerParts(final long[] units)
    {
        final long[] parts = new long[units.length];
        for (int i = 0; i < units.length; i++)
        {
            parts[i] = Long.MAX_VALUE / units[i];
        }
        return parts;
    }

    private static long fail(final RejectReason reason)
    {
        return -1L - reason.ordinal();
    }
}
