package io.liqvol.engine.alerts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the baseline of the last M closed buckets is taken from their values (E16 integers, oldest first):
 * the median (of an even count, the mean of the two middle values, rounded down to an E16 unit), or an
 * exponentially weighted mean with α = 2 / (M + 1), seeded with the oldest value, rounded half to even to E16.
 */
public enum Baseline
{
    MEDIAN("median"),
    EWMA("ewma");

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private final String code;

    Baseline(final String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }

    /** The baseline of this code, or null. */
    public static Baseline fromCode(final String code)
    {
        return Codes.find(values(), Baseline::code, code);
    }

    /** The baseline of the values, oldest first; zero without values. */
    public BigInteger of(final List<BigInteger> valuesOldestFirst)
    {
        if (valuesOldestFirst.isEmpty())
        {
            return BigInteger.ZERO;
        }
        return this == MEDIAN ? median(valuesOldestFirst) : ewma(valuesOldestFirst);
    }

    private static BigInteger median(final List<BigInteger> values)
    {
        final List<BigInteger> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        final int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1)
        {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).add(sorted.get(middle)).shiftRight(1);
    }

    private static BigInteger ewma(final List<BigInteger> values)
    {
        final BigDecimal alpha = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(values.size() + 1L), PRECISION);
        final BigDecimal keep = BigDecimal.ONE.subtract(alpha);
        BigDecimal mean = new BigDecimal(values.get(0));
        for (int i = 1; i < values.size(); i++)
        {
            mean = new BigDecimal(values.get(i)).multiply(alpha, PRECISION).add(mean.multiply(keep, PRECISION),
                PRECISION);
        }
        return mean.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }
}
