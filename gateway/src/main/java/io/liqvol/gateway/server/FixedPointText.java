package io.liqvol.gateway.server;

/**
 * Allocation-free text of fixed-point numbers and UTC times for the hot path: each call overwrites
 * {@link #bytes} (ASCII) and sets {@link #length}. One instance per thread.
 */
final class FixedPointText
{
    static final int E8_SCALE = 8;
    private static final long E8 = 100_000_000L;
    private static final long E16 = 10_000_000_000_000_000L;
    private static final long DAY_MS = 86_400_000L;

    final byte[] bytes = new byte[64];
    int length;

    private final byte[] digits = new byte[20];
    private long notionalUnits;
    private long notionalFractionE16;

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

    /** Computes {@code quantity × price} exactly (128-bit free: the E8 parts are multiplied separately). */
    void notional(final long quantityE8, final long priceE8)
    {
        final long quantityUnits = quantityE8 / E8;
        final long quantityFraction = quantityE8 % E8;
        final long priceUnits = priceE8 / E8;
        final long priceFraction = priceE8 % E8;
        final long middleE8 = quantityUnits * priceFraction + quantityFraction * priceUnits;
        final long lowE16 = (middleE8 % E8) * E8 + quantityFraction * priceFraction;
        notionalUnits = quantityUnits * priceUnits + middleE8 / E8 + lowE16 / E16;
        notionalFractionE16 = lowE16 % E16;
    }

    /** The last {@link #notional} as a volume: at least two fraction digits, no other trailing zeros. */
    void notionalPlain()
    {
        length = 0;
        writeFraction(notionalUnits, notionalFractionE16, 16, 2);
    }

    /** The last {@link #notional} rounded half up to an integer, with thousands separators. */
    void notionalGrouped()
    {
        length = 0;
        final long rounded = notionalUnits + (notionalFractionE16 >= E16 / 2 ? 1 : 0);
        final int count = digitsOf(rounded);
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && (count - i) % 3 == 0)
            {
                bytes[length++] = ',';
            }
            bytes[length++] = digits[i];
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
