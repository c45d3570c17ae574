package io.liqvol.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldValuesTest
{
    @ParameterizedTest
    @CsvSource({
        "STRING, 1650000000000, 1650000000000",
        "INTEGER, 1650000000000, 1650000000000",
        "INTEGER, 0, 0",
        "INTEGER, 999999999999999, 999999999999999"})
    void shouldReadMillisFromDigits(final String type, final String text, final long expectedMs)
    {
        assertThat(millis(type, text)).isEqualTo(expectedMs);
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT, 1.5, INVALID_NUMBER",
        "OTHER, null, INVALID_NUMBER",
        "STRING, 16500000000x0, INVALID_NUMBER",
        "INTEGER, -1650000000000, ABSURD_TIMESTAMP",
        "STRING, '', ABSURD_TIMESTAMP",
        "INTEGER, 1000000000000000, ABSURD_TIMESTAMP"})
    void shouldGiveTheReasonForBadMillis(final String type, final String text, final RejectReason reason)
    {
        final long result = millis(type, text);

        assertThat(FieldValues.isError(result)).isTrue();
        assertThat(FieldValues.reasonOf(result)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "STRING, 0.014, 1400000",
        "INTEGER, 9910, 991000000000",
        "FLOAT, 0.5, 50000000",
        "STRING, 0, 0"})
    void shouldReadDecimalsFromStringsAndNumbers(final String type, final String text, final long expectedE8)
    {
        assertThat(decimal(type, text)).isEqualTo(expectedE8);
    }

    @ParameterizedTest
    @CsvSource({
        "OTHER, true, INVALID_NUMBER",
        "FLOAT, 1e5, INVALID_NUMBER",
        "STRING, -5, NON_POSITIVE",
        "STRING, 99999999999999, OVERFLOW",
        "STRING, 0.123456789, TOO_PRECISE"})
    void shouldGiveTheReasonForBadDecimals(final String type, final String text, final RejectReason reason)
    {
        final long result = decimal(type, text);

        assertThat(FieldValues.isError(result)).isTrue();
        assertThat(FieldValues.reasonOf(result)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"forceOrder, true", "forceorder, false", "forceOrder2, false", "'', false"})
    void shouldCompareTextToAName(final String text, final boolean expected)
    {
        final byte[] chars = AsciiText.of(("x" + text));

        assertThat(FieldValues.textEquals(chars, 1, text.length(), "forceOrder")).isEqualTo(expected);
    }

    private static long millis(final String type, final String text)
    {
        final byte[] chars = AsciiText.of(text);
        return FieldValues.millis(typeOf(type), chars, 0, chars.length);
    }

    private static long decimal(final String type, final String text)
    {
        final byte[] chars = AsciiText.of(text);
        return FieldValues.decimalE8(typeOf(type), chars, 0, chars.length);
    }

    static int typeOf(final String name)
    {
        switch (name)
        {
            case "STRING":
                return ValueType.STRING;
            case "INTEGER":
                return ValueType.INTEGER;
            case "FLOAT":
                return ValueType.FLOAT;
            default:
                return ValueType.OTHER;
        }
    }
}
