package io.liqvol.gateway.server;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The contract's text forms of exact decimals (cold path: REST answers and snapshots). Volumes keep every
 * significant digit and at least two fraction digits; compact forms round half up to two decimals.
 */
public final class DecimalText
{
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

    private DecimalText()
    {
    }

    /** {@code 5000 → "5000.00"}, {@code 138.74168 → "138.74168"}. */
    public static String volume(final BigDecimal value)
    {
        return plain(value, 2);
    }

    /** Plain notation, trailing zeros removed down to {@code minScale} fraction digits. */
    public static String plain(final BigDecimal value, final int minScale)
    {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < minScale)
        {
            stripped = stripped.setScale(minScale, RoundingMode.UNNECESSARY);
        }
        return stripped.toPlainString();
    }

    /** {@code 15000 → "15.00K"}, {@code -2500000 → "-2.50M"}, {@code 12.5 → "12.50"}. */
    public static String compact(final BigDecimal value)
    {
        final BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(BILLION) >= 0)
        {
            return scaled(value, BILLION) + "B";
        }
        if (magnitude.compareTo(MILLION) >= 0)
        {
            return scaled(value, MILLION) + "M";
        }
        if (magnitude.compareTo(THOUSAND) >= 0)
        {
            return scaled(value, THOUSAND) + "K";
        }
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Rounded half up to an integer, with thousands separators: {@code 5000.4 → "5,000"}. */
    public static String grouped(final BigDecimal value)
    {
        final String digits = value.setScale(0, RoundingMode.HALF_UP).toPlainString();
        final boolean negative = digits.startsWith("-");
        final String magnitude = negative ? digits.substring(1) : digits;
        final StringBuilder text = new StringBuilder(magnitude.length() + magnitude.length() / 3 + 1);
        if (negative)
        {
            text.append('-');
        }
        for (int i = 0; i < magnitude.length(); i++)
        {
            if (i > 0 && (magnitude.length() - i) % 3 == 0)
            {
                text.append(',');
            }
            text.append(magnitude.charAt(i));
        }
        return text.toString();
    }

    private static String scaled(final BigDecimal value, final BigDecimal unit)
    {
        return value.divide(unit, 2, RoundingMode.HALF_UP).toPlainString();
    }
}
