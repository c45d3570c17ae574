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
