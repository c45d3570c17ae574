package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Int128Test
{
    @Test
    void shouldMultiplyAddAndSubtractLikeBigInteger()
    {
        final SplittableRandom random = new SplittableRandom(7);
        long hi = 0;
        long lo = 0;
        BigInteger reference = BigInteger.ZERO;
        for (int n = 0; n < 100_000; n++)
        {
            final long a = random.nextLong(1, Long.MAX_VALUE);
            final long b = random.nextLong(1, Long.MAX_VALUE);
            final long productHigh = Int128.multiplyHigh(a, b);
            final long productLow = Int128.multiplyLow(a, b);
            assertThat(Int128.toBigInteger(productHigh, productLow))
                .isEqualTo(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));

            if (random.nextInt(4) == 0 && reference.compareTo(Int128.toBigInteger(productHigh, productLow)) >= 0)
            {
                final long newHigh = Int128.subtractHigh(hi, lo, productHigh, productLow);
                lo = Int128.subtractLow(lo, productLow);
                hi = newHigh;
                reference = reference.subtract(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
            }
            else
            {
                final long newHigh = Int128.addHigh(hi, lo, productHigh, productLow);
                assertThat(Int128.addOverflowed(hi, productHigh, newHigh)).isFalse();
                lo = Int128.addLow(lo, productLow);
                hi = newHigh;
                reference = reference.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
            }
            if (reference.bitLength() > 120)
            {
                hi = 0;
                lo = 0;
                reference = BigInteger.ZERO;
            }
            assertThat(Int128.toBigInteger(hi, lo)).isEqualTo(reference);
        }
    }

    @Test
    void shouldDetectOverflowOfTheHighWord()
    {
        final long high = Int128.addHigh(Long.MAX_VALUE, -1L, 0, 1);

        assertThat(Int128.addOverflowed(Long.MAX_VALUE, 0, high)).isTrue();
    }

    @Test
    void shouldPrintPlainDecimals()
    {
        assertThat(Int128.toBigDecimal(0, 13_874_000_000_000_000L, 16).toPlainString()).isEqualTo("1.3874");
        final long priceE8 = 991_000_000_000L;
        final long quantityE8 = 100_000_000L;
        assertThat(Int128.toBigDecimal(
            Int128.multiplyHigh(priceE8, quantityE8), Int128.multiplyLow(priceE8, quantityE8), 16).toPlainString())
            .isEqualTo("9910");
        assertThat(Int128.toBigDecimal(0, 0, 16).toPlainString()).isEqualTo("0");
    }
}
