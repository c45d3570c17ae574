package io.liqvol.engine.alerts;

import io.liqvol.engine.Int128;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A mutable signed 128-bit integer, reused so that comparing values allocates nothing. */
final class Int128Value
{
    long high;
    long low;

    void set(final long high, final long low)
    {
        this.high = high;
        this.low = low;
    }

    void set(final BigInteger value)
    {
        this.high = value.shiftRight(64).longValue();
        this.low = value.longValue();
    }

    void abs()
    {
        if (high < 0)
        {
            low = ~low + 1;
            high = ~high + (low == 0 ? 1 : 0);
        }
    }

    /** Whether this ≥ the other, both signed. */
    boolean atLeast(final long otherHigh, final long otherLow)
    {
        return high != otherHigh ? high > otherHigh : Long.compareUnsigned(low, otherLow) >= 0;
    }

    boolean isPositive()
    {
        return high > 0 || high == 0 && low != 0;
    }

    BigInteger toBigInteger()
    {
        return Int128.toBigInteger(high, low);
    }

    BigDecimal toDecimalE16()
    {
        return Int128.toBigDecimal(high, low, 16);
    }
}
