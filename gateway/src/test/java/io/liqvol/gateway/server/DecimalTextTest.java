package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalTextTest
{
    @Test
    void shouldKeepEveryDigitAndAtLeastTwoDecimalsForVolumes()
    {
        assertThat(DecimalText.volume(new BigDecimal("5000"))).isEqualTo("5000.00");
        assertThat(DecimalText.volume(new BigDecimal("5000.000000"))).isEqualTo("5000.00");
        assertThat(DecimalText.volume(new BigDecimal("138.74168000"))).isEqualTo("138.74168");
        assertThat(DecimalText.volume(new BigDecimal("111111.1"))).isEqualTo("111111.10");
        assertThat(DecimalText.volume(new BigDecimal("-2500.5"))).isEqualTo("-2500.50");
        assertThat(DecimalText.volume(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(DecimalText.volume(BigDecimal.ZERO)).isEqualTo("0.00");
    }

    @Test
    void shouldFormatCompactlyWithTheSignKept()
    {
        assertThat(DecimalText.compact(new BigDecimal("15000"))).isEqualTo("15.00K");
        assertThat(DecimalText.compact(new BigDecimal("999.994"))).isEqualTo("999.99");
        assertThat(DecimalText.compact(new BigDecimal("1000"))).isEqualTo("1.00K");
        assertThat(DecimalText.compact(new BigDecimal("2500000"))).isEqualTo("2.50M");
        assertThat(DecimalText.compact(new BigDecimal("-2500000"))).isEqualTo("-2.50M");
        assertThat(DecimalText.compact(new BigDecimal("1234567890123"))).isEqualTo("1234.57B");
        assertThat(DecimalText.compact(new BigDecimal("-5000"))).isEqualTo("-5.00K");
        assertThat(DecimalText.compact(new BigDecimal("12.345"))).isEqualTo("12.35");
        assertThat(DecimalText.compact(BigDecimal.ZERO)).isEqualTo("0.00");
    }

    @Test
    void shouldGroupThousandsAndRoundHalfUp()
    {
        assertThat(DecimalText.grouped(new BigDecimal("5000"))).isEqualTo("5,000");
        assertThat(DecimalText.grouped(new BigDecimal("1234567.5"))).isEqualTo("1,234,568");
        assertThat(DecimalText.grouped(new BigDecimal("999.4"))).isEqualTo("999");
        assertThat(DecimalText.grouped(new BigDecimal("-1234"))).isEqualTo("-1,234");
    }

    @Test
    void shouldPadPlainTextToTheGivenScale()
    {
        assertThat(DecimalText.plain(new BigDecimal("0.1"), 3)).isEqualTo("0.100");
        assertThat(DecimalText.plain(new BigDecimal("0.12345"), 3)).isEqualTo("0.12345");
        assertThat(DecimalText.plain(new BigDecimal("50000.00"), 0)).isEqualTo("50000");
    }
}
