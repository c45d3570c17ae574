package io.liqvol.engine.alerts;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTest
{
    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoRoundedDown()
    {
        assertThat(Baseline.MEDIAN.of(values(5, 1, 3))).isEqualTo(3);
        assertThat(Baseline.MEDIAN.of(values(4, 1, 3, 10))).isEqualTo(3);
        assertThat(Baseline.MEDIAN.of(List.of())).isZero();
    }

    @Test
    void shouldWeighRecentValuesMoreInTheEwma()
    {
        // alpha = 2/4: 8 -> 0.5*0 + 0.5*8 = 4 -> 0.5*10 + 0.5*4 = 7
        assertThat(Baseline.EWMA.of(values(8, 0, 10))).isEqualTo(7);
        // alpha = 2/3: 1 -> 2/3*2 + 1/3*1 = 1.666... -> 2 (half to even of the nearest)
        assertThat(Baseline.EWMA.of(values(1, 2))).isEqualTo(2);
        assertThat(Baseline.EWMA.of(values(5))).isEqualTo(5);
    }

    @Test
    void shouldBeFoundByCode()
    {
        assertThat(Baseline.fromCode("ewma")).isEqualTo(Baseline.EWMA);
        assertThat(Baseline.fromCode("mean")).isNull();
    }

    private static List<BigInteger> values(final long... values)
    {
        return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
    }
}
