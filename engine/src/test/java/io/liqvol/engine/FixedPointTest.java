package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FixedPointTest
{
    @Test
    void shouldMultiplyContractsByAContractSizeExactlyOrSayWhyNot()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final BigDecimal maxE8 = BigDecimal.valueOf(Long.MAX_VALUE);
        for (int i = 0; i < 100_000; i++)
        {
            final long aE8 = 1 + random.nextLong(i % 2 == 0 ? 1_000_000_000_000L : Long.MAX_VALUE);
            final long bE8 = 1 + random.nextLong(i % 3 == 0 ? 100_000_000_000L : 1_000_000L);
            final BigDecimal exactE8 = BigDecimal.valueOf(aE8).multiply(BigDecimal.valueOf(bE8))
                .divide(BigDecimal.valueOf(FixedPoint.ONE_E8));
            final long result = FixedPoint.multiplyE8(aE8, bE8);
            if (exactE8.stripTrailingZeros().scale() > 0)
            {
                assertThat(FixedPoint.rejectReasonOf(result)).as("%d x %d", aE8, bE8)
                    .isIn(RejectReason.TOO_PRECISE, RejectReason.OVERFLOW);
            }
            else if (exactE8.compareTo(maxE8) > 0)
            {
                assertThat(FixedPoint.rejectReasonOf(result)).as("%d x %d", aE8, bE8).isEqualTo(RejectReason.OVERFLOW);
            }
            else
            {
                assertThat(result).as("%d x %d", aE8, bE8).isEqualTo(exactE8.longValueExact());
            }
        }
        assertThat(FixedPoint.multiplyE8(12 * FixedPoint.ONE_E8, FixedPoint.ONE_E8 / 100)).isEqualTo(12_000_000L);
        assertThat(FixedPoint.rejectReasonOf(FixedPoint.multiplyE8(1, 1))).isEqualTo(RejectReason.TOO_PRECISE);
        assertThat(FixedPoint.rejectReasonOf(FixedPoint.multiplyE8(Long.MAX_VALUE, 2 * FixedPoint.ONE_E8)))
            .isEqualTo(RejectReason.OVERFLOW);
    }

    @Test
    void shouldMatchBigDecimalForManyRandomDecimals()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 200_000; n++)
        {
            final long integerPart = random.nextLong(0, 92_233_720_368L);
            final int fractionDigits = random.nextInt(0, 9);
            final StringBuilder text = new StringBuilder().append(integerPart);
            if (fractionDigits > 0 || random.nextBoolean())
            {
                text.append('.');
                for (int d = 0; d < fractionDigits; d++)
                {
                    text.append((char)('0' + random.nextInt(10)));
                }
            }
            final String decimal = text.toString();
            final long expected = new BigDecimal(decimal.endsWith(".") ? decimal + "0" : decimal)
                .movePointRight(8).longValueExact();

            assertThat(parse(decimal)).as(decimal).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0.014, 1400000",
        "9910, 991000000000",
        "0.00000001, 1",
        ".5, 50000000",
        "5., 500000000",
        "0.12345678000, 12345678",
        "92233720368.54775807, 9223372036854775807"})
    void shouldParseDecimalEdgeCases(final String text, final long expectedE8)
    {
        assertThat(parse(text)).isEqualTo(expectedE8);
    }

    @ParameterizedTest
    @CsvSource({
        "'', INVALID_NUMBER",
        "., INVALID_NUMBER",
        "1e5, INVALID_NUMBER",
        "1.2.3, INVALID_NUMBER",
        "abc, INVALID_NUMBER",
        "' 1', INVALID_NUMBER",
        "-1, NON_POSITIVE",
        "0.000000001, TOO_PRECISE",
        "92233720369, OVERFLOW",
        "92233720368.54775808, OVERFLOW",
        "99999999999999999999999, OVERFLOW"})
    void shouldRejectBadDecimalsWithReason(final String text, final RejectReason reason)
    {
        final long result = parse(text);

        assertThat(result).isNegative();
        assertThat(FixedPoint.rejectReasonOf(result)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0000065123, 3, 651230",
        "0.000000001, 1, 1",
        "1, 8, 10000000000000000",
        "92233720.36854775807, 3, 9223372036854775807",
        "0.0000000000000001, 8, 1"})
    void shouldParseTheValueTimesAPowerOfTenKeepingEightFractionDigitsAfterIt(
        final String text, final int shiftDigits, final long expectedE8)
    {
        final byte[] bytes = AsciiText.of(text);

        assertThat(FixedPoint.parseE8(bytes, 0, bytes.length, shiftDigits)).isEqualTo(expectedE8)
            .isEqualTo(new BigDecimal(text).movePointRight(8 + shiftDigits).longValueExact());
    }

    @ParameterizedTest
    @CsvSource({"0.00000000001, 2, TOO_PRECISE", "92233721, 3, OVERFLOW", "92233720.36854775808, 3, OVERFLOW"})
    void shouldRejectAShiftedValueE8CannotHold(final String text, final int shiftDigits, final RejectReason reason)
    {
        final byte[] bytes = AsciiText.of(text);

        assertThat(FixedPoint.rejectReasonOf(FixedPoint.parseE8(bytes, 0, bytes.length, shiftDigits)))
            .isEqualTo(reason);
    }

    @Test
    void shouldDivideByAPowerOfTenOnlyWhereE8HoldsTheQuotient()
    {
        assertThat(FixedPoint.divideByPowerOfTen(7_000_000, 3)).isEqualTo(7_000);
        assertThat(FixedPoint.divideByPowerOfTen(7_000_000, 0)).isEqualTo(7_000_000);
        assertThat(FixedPoint.rejectReasonOf(FixedPoint.divideByPowerOfTen(7_000_001, 3)))
            .isEqualTo(RejectReason.TOO_PRECISE);
    }

    @Test
    void shouldConvertBackToPlainBigDecimal()
    {
        assertThat(FixedPoint.toBigDecimal(991_000_000_000L).toString()).isEqualTo("9910");
        assertThat(FixedPoint.toBigDecimal(1_400_000L).toString()).isEqualTo("0.014");
    }

    private static long parse(final String text)
    {
        final byte[] padded = AsciiText.of(("xx" + text + "yy"));
        return FixedPoint.parseE8(padded, 2, text.length());
    }
}
