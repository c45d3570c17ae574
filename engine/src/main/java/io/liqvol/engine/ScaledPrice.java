package io.liqvol.engine;

/**
 * A venue's price held as its text until the instrument it prices is known, then read as E8 per unit of the
 * canonical symbol: a price per PEPE ({@code 0.0000065123}, more fraction digits than E8 holds) times 1000 for
 * {@code 1000PEPEUSDT}. A price of a scaled instrument longer than 40 characters is an
 * {@link RejectReason#INVALID_NUMBER}; unscaled, it is read as ever. Decode thread only.
 */
final class ScaledPrice
{
    private static final int MAX_TEXT = 40;

    private final byte[] text = new byte[MAX_TEXT];
    /** -1 when the text is not kept: absent, not a number or longer than the buffer. */
    private int length;
    private long valueE8;

    /** The price field's value; {@link FieldValues}' convention applies. */
    void read(final int type, final byte[] value, final int valueLength)
    {
        valueE8 = FieldValues.decimalE8(type, value, 0, valueLength);
        length = type != ValueType.OTHER && valueLength <= MAX_TEXT ? valueLength : -1;
        if (length > 0)
        {
            System.arraycopy(value, 0, text, 0, length);
        }
    }

    void absent()
    {
        valueE8 = FieldValues.ABSENT;
        length = -1;
    }

    /** The price times {@code 10^shiftDigits}, exact, in {@link FieldValues}' convention. */
    long valueE8(final int shiftDigits)
    {
        if (shiftDigits == 0 || valueE8 == FieldValues.ABSENT || FieldValues.isError(valueE8) && length < 0)
        {
            return valueE8;
        }
        if (length < 0)
        {
            return FieldValues.error(RejectReason.INVALID_NUMBER);
        }
        final long scaled = FixedPoint.parseE8(text, 0, length, shiftDigits);
        return scaled >= 0 ? scaled : FieldValues.error(FixedPoint.rejectReasonOf(scaled));
    }
}
