package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest
{
    @Test
    void shouldFormatFixedPointUnitsExactly()
    {
        assertThat(Decimals.format(9_500_000, 2)).isEqualTo("95000.00");
        assertThat(Decimals.format(14, 3)).isEqualTo("0.014");
        assertThat(Decimals.format(65_000, 7)).isEqualTo("0.0065000");
        assertThat(Decimals.format(1, 0)).isEqualTo("1");
        assertThat(Decimals.format(0, 2)).isEqualTo("0.00");
        assertThat(Decimals.format(-5, 1)).isEqualTo("-0.5");
        assertThat(Decimals.format(Long.MAX_VALUE, 8)).isEqualTo("92233720368.54775807");
    }

    @Test
    void shouldRaiseTenToSmallPowers()
    {
        assertThat(Decimals.pow10(0)).isEqualTo(1);
        assertThat(Decimals.pow10(7)).isEqualTo(10_000_000);
    }
}
