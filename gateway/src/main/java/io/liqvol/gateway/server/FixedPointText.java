package io.liqvol.gateway.server;

import io.liqvol.engine.Int128;

/**
 * Allocation-free text of fixed-point numbers and UTC times for the hot path: each call overwrites
 * {@link #bytes} (ASCII) and sets {@link #length}. One instance per thread.
 */
final class FixedPointText
{
    static final int E8_SCALE = 8;
    private static final long E8 = 100_000_000L;
    private static final long DAY_MS = 86_400_000L;

    final byte[] bytes = new byte[64];
    int length;

    private static final int E16_SCALE = 16;
    private static final long LIMB_MASK = 0xFFFF_FFFFL;
    private static final long BILLION = 1_000_000_000L;
    private static final int LIMBS = 5;

    /** Decimal digits of a long, or of a notional's integer part with a carry: up to 23. */
    private final byte[] digits = new byte[24];

    /** The last {@link #sumE16}: its sign and the decimal digits of its magnitude, most significant first. */
    private final byte[] sumDigits = new byte[45];
    private int sumDigitCount;
    private boolean sumNegative;
    private final long[] limbs = new long[LIMBS];

    /** Plain decimal of an E8 value, trailing zeros removed down to {@code minScale} fraction digits. */
    void e8(final long valueE8, final int minScale)
    {
        length = 0;
        if (valueE8 < 0)
        {
            bytes[length++] = '-';
        }
        final long magnitude = Math.abs(valueE8);
        writeFraction(magnitude / E8, magnitude % E8, E8_SCALE, minScale);
    }

    /**
     * Computes {@code quantity × price} exactly as the buckets do, the 128-bit E16 product; write it with
     * {@link #volumePlain()} and {@link #volumeGrouped()}.
     */
    void notional(final long quantityE8, final long priceE8)
    {
        sumE16(Int128.multiplyHigh(quantityE8, priceE8), Int128.multiplyLow(quantityE8, priceE8), 0, 0, false);
    }

    /**
     * Computes {@code a + b}, or {@code a − b}, exactly: a and b are signed 128-bit E16 values given as their high
     * and low words (bucket sums), and the result may need a 129th bit.
     */
    void sumE16(final long aHigh, final long aLow, final long bHigh, final long bLow, final boolean subtract)
    {
        // b as 192 bits, negated when subtracting (two's complement: invert, add one).
        long bTop = bHigh >> 63;
        long bMid = bHigh;
        long bBottom = bLow;
        if (subtract)
        {
            bBottom = ~bBottom + 1;
            final long carry = bBottom == 0 ? 1 : 0;
            bMid = ~bMid + carry;
            bTop = ~bTop + (carry != 0 && bMid == 0 ? 1 : 0);
        }
        long bottom = aLow + bBottom;
        final long bottomCarry = Long.compareUnsigned(bottom, aLow) < 0 ? 1 : 0;
        final long midPartial = aHigh + bMid;
        final long midCarry = Long.compareUnsigned(midPartial, aHigh) < 0 ? 1 : 0;
        long mid = midPartial + bottomCarry;
        final long midCarry2 = bottomCarry != 0 && mid == 0 ? 1 : 0;
        long top = (aHigh >> 63) + bTop + midCarry + midCarry2;
        sumNegative = top < 0;
        if (sumNegative)
        {
            bottom = ~bottom + 1;
            final long carry = bottom == 0 ? 1 : 0;
            mid = ~mid + carry;
            top = ~top + (carry != 0 && mid == 0 ? 1 : 0);
        }
        limbs[0] = top & LIMB_MASK;
        limbs[1] = mid >>> 32;
        limbs[2] = mid & LIMB_MASK;
        limbs[3] = bottom >>> 32;
        limbs[4] = bottom & LIMB_MASK;
        writeSumDigits();
    }

    /** The last {@link #sumE16} as a volume: at least two fraction digits, no other trailing zeros. */
    void volumePlain()
    {
        length = 0;
        if (sumNegative)
        {
            bytes[length++] = '-';
        }
        final int integerDigits = sumDigitCount - E16_SCALE;
        if (integerDigits <= 0)
        {
            bytes[length++] = '0';
        }
        for (int i = 0; i < integerDigits; i++)
        {
            bytes[length++] = sumDigits[i];
        }
        bytes[length++] = '.';
        final int fractionStart = length;
        for (int i = integerDigits; i < sumDigitCount; i++)
        {
            bytes[length++] = i < 0 ? (byte)'0' : sumDigits[i];
        }
        while (length > fractionStart + 2 && bytes[length - 1] == '0')
        {
            length--;
        }
    }

    /** The last non-negative {@link #sumE16} rounded half up to an integer, with thousands separators. */
    void volumeGrouped()
    {
        final int fractionAt = sumDigitCount - E16_SCALE;
        // digits[0] is room for a carry out of the rounding.
        digits[0] = '0';
        int count = 1;
        for (int i = 0; i < fractionAt; i++)
        {
            digits[count++] = sumDigits[i];
        }
        if (fractionAt >= 0 && sumDigits[fractionAt] >= '5')
        {
            int at = count - 1;
            while (digits[at] == '9')
            {
                digits[at--] = '0';
            }
            digits[at]++;
        }
        final int first = digits[0] == '0' && count > 1 ? 1 : 0;
        length = 0;
        for (int i = first; i < count; i++)
        {
            if (i > first && (count - i) % 3 == 0)
            {
                bytes[length++] = ',';
            }
            bytes[length++] = digits[i];
        }
    }

    /**
     * The last {@link #sumE16} in compact form: in thousands (K), millions (M) or billions (B) from those
     * magnitudes, rounded half up to two decimals, sign kept.
     */
    void volumeCompact()
    {
        final int integerDigits = sumDigitCount - E16_SCALE;
        final int unitDigits = integerDigits >= 10 ? 9 : integerDigits >= 7 ? 6 : integerDigits >= 4 ? 3 : 0;
        // The value in hundredths of the unit, rounded half up: it fits a long whatever the unit.
        final int kept = sumDigitCount - (E16_SCALE + unitDigits - 2);
        long hundredths = 0;
        for (int i = 0; i < kept; i++)
        {
            hundredths = hundredths * 10 + (sumDigits[i] - '0');
        }
        if (kept >= 0 && kept < sumDigitCount && sumDigits[kept] >= '5')
        {
            hundredths++;
        }
        length = 0;
        if (sumNegative && hundredths != 0)
        {
            bytes[length++] = '-';
        }
        final int count = digitsOf(hundredths / 100);
        System.arraycopy(digits, 0, bytes, length, count);
        length += count;
        bytes[length++] = '.';
        padded(hundredths % 100, 2);
        if (unitDigits > 0)
        {
            bytes[length++] = (byte)(unitDigits == 9 ? 'B' : unitDigits == 6 ? 'M' : 'K');
        }
    }

    /** {@code 2024-01-01T12:00:00.000Z}. */
    void isoTimestamp(final long timeMs)
    {
        final long epochDay = Math.floorDiv(timeMs, DAY_MS);
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long shiftedMonth = (5 * dayOfYear + 2) / 153;
        final long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        final long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        length = 0;
        padded(year, 4);
        bytes[length++] = '-';
        padded(month, 2);
        bytes[length++] = '-';
        padded(day, 2);
        bytes[length++] = 'T';
        writeClock(Math.floorMod(timeMs, DAY_MS));
        bytes[length++] = '.';
        padded(Math.floorMod(timeMs, 1000L), 3);
        bytes[length++] = 'Z';
    }

    /** UTC {@code HH:mm:ss}. */
    void displayTime(final long timeMs)
    {
        length = 0;
        writeClock(Math.floorMod(timeMs, DAY_MS));
    }

    private void writeClock(final long msOfDay)
    {
        final long seconds = msOfDay / 1000;
        padded(seconds / 3600, 2);
        bytes[length++] = ':';
        padded(seconds / 60 % 60, 2);
        bytes[length++] = ':';
        padded(seconds % 60, 2);
    }

    private void writeFraction(final long units, final long fraction, final int scale, final int minScale)
    {
        final int count = digitsOf(units);
        System.arraycopy(digits, 0, bytes, length, count);
        length += count;
        long remaining = fraction;
        int significant = scale;
        while (significant > 0 && remaining % 10 == 0)
        {
            remaining /= 10;
            significant--;
        }
        final int shown = Math.max(significant, minScale);
        if (shown == 0)
        {
            return;
        }
        bytes[length++] = '.';
        long divisor = 1;
        for (int i = 1; i < scale; i++)
        {
            divisor *= 10;
        }
        for (int i = 0; i < shown; i++)
        {
            if (i < scale)
            {
                bytes[length++] = (byte)('0' + fraction / divisor % 10);
                divisor /= 10;
            }
            else
            {
                bytes[length++] = '0';
            }
        }
    }

    private void padded(final long value, final int width)
    {
        long remaining = value;
        for (int i = width - 1; i >= 0; i--)
        {
            bytes[length + i] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
        length += width;
    }

    /** The decimal digits of the magnitude in {@link #limbs} (32 bits each, most significant first). */
    private void writeSumDigits()
    {
        int at = sumDigits.length;
        boolean zero;
        do
        {
            long remainder = 0;
            zero = true;
            for (int i = 0; i < LIMBS; i++)
            {
                final long current = remainder << 32 | limbs[i];
                limbs[i] = current / BILLION;
                remainder = current % BILLION;
                zero &= limbs[i] == 0;
            }
            for (int d = 0; d < 9; d++)
            {
                sumDigits[--at] = (byte)('0' + remainder % 10);
                remainder /= 10;
            }
        }
        while (!zero);
        while (at < sumDigits.length - 1 && sumDigits[at] == '0')
        {
            at++;
        }
        sumDigitCount = sumDigits.length - at;
        System.arraycopy(sumDigits, at, sumDigits, 0, sumDigitCount);
    }

    /** Writes the decimal digits of a non-negative value into {@link #digits}; returns their count. */
    private int digitsOf(final long value)
    {
        int count = 0;
        long remaining = value;
        do
        {
            digits[digits.length - 1 - count] = (byte)('0' + remaining % 10);
            remaining /= 10;
            count++;
        }
        while (remaining != 0);
        System.arraycopy(digits, digits.length - count, digits, 0, count);
        return count;
    }
}
