package io.liqvol.engine;

/**
 * Reads a field's value from its JSON type and ASCII text into a long that carries the value (>= 0), its absence
 * ({@link #ABSENT}) or why it is bad (an error code below ABSENT, see {@link #reasonOf(long)}).
 */
final class FieldValues
{
    static final long ABSENT = -1;
    private static final int MAX_TIME_DIGITS = 15;

    private FieldValues()
    {
    }

    /** E8 fixed point from a JSON string or number. */
    static long decimalE8(final int type, final byte[] text, final int offset, final int length)
    {
        if (type == ValueType.OTHER)
        {
            return error(RejectReason.INVALID_NUMBER);
        }
        final long result = FixedPoint.parseE8(text, offset, length);
        return result >= 0 ? result : error(FixedPoint.rejectReasonOf(result));
    }

    /** Epoch milliseconds from a JSON integer or digit string. */
    static long millis(final int type, final byte[] text, final int offset, final int length)
    {
        if (type != ValueType.STRING && type != ValueType.INTEGER)
        {
            return error(RejectReason.INVALID_NUMBER);
        }
        if (length == 0 || length > MAX_TIME_DIGITS)
        {
            return error(RejectReason.ABSURD_TIMESTAMP);
        }
        long timeMs = 0;
        for (int i = 0; i < length; i++)
        {
            final byte c = text[offset + i];
            if (c < '0' || c > '9')
            {
                return error(c == '-' ? RejectReason.ABSURD_TIMESTAMP : RejectReason.INVALID_NUMBER);
            }
            timeMs = timeMs * 10 + (c - '0');
        }
        return timeMs;
    }

    /** A quantity of base units as one of 10^digits units, exact: an error where E8 cannot hold it. */
    static long dividedByPowerOfTen(final long valueE8, final int digits)
    {
        if (valueE8 <= 0 || digits == 0)
        {
            return valueE8;
        }
        final long result = FixedPoint.divideByPowerOfTen(valueE8, digits);
        return result >= 0 ? result : error(FixedPoint.rejectReasonOf(result));
    }

    static long error(final RejectReason reason)
    {
        return -2L - reason.ordinal();
    }

    static boolean isError(final long value)
    {
        return value < ABSENT;
    }

    static RejectReason reasonOf(final long errorCode)
    {
        return RejectReason.fromOrdinal((int)(-2L - errorCode));
    }

    static boolean textEquals(final byte[] text, final int offset, final int length, final String expected)
    {
        if (length != expected.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
