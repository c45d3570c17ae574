package io.liqvol.gateway.simulator;

import java.math.BigDecimal;

/** Formats fixed-point integers (units of 10^-scale) as exact decimal strings, the way Binance writes them. */
final class Decimals
{
    private Decimals()
    {
    }

    static String format(final long units, final int scale)
    {
        final StringBuilder out = new StringBuilder(24);
        append(out, units, scale);
        return out.toString();
    }

    static void append(final StringBuilder out, final long units, final int scale)
    {
        if (units < 0)
        {
            out.append('-');
        }
        final String digits = Long.toString(Math.abs(units));
        if (scale == 0)
        {
            out.append(digits);
            return;
        }
        if (digits.length() <= scale)
        {
            out.append("0.");
            for (int i = digits.length(); i < scale; i++)
            {
                out.append('0');
            }
            out.append(digits);
            return;
        }
        final int point = digits.length() - scale;
        out.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }

    static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }

    static BigDecimal decimal(final long units, final int scale)
    {
        return BigDecimal.valueOf(units, scale);
    }
}
