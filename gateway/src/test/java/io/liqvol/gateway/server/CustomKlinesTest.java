package io.liqvol.gateway.server;

import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomKlinesTest
{
    private static final long FIVE_MINUTES_MS = 300_000L;

    @Test
    void shouldTakeTheFirstOpenTheLastCloseTheExtremesAndTheSummedVolumeOfEachBucket()
    {
        final CustomTimeframe tenMinutes = (CustomTimeframe)Interval.parse("10m");
        final List<Candle> base = List.of(
            new Candle(0, "100.0", "105.5", "99.0", "104.0", "1.5", true),
            new Candle(FIVE_MINUTES_MS, "104.0", "110.25", "103.0", "108.0", "2.25", true),
            new Candle(2 * FIVE_MINUTES_MS, "108.0", "109.0", "98.75", "99.5", "10", true),
            new Candle(3 * FIVE_MINUTES_MS, "99.5", "100.0", "99.0", "99.9", "0.001", false));

        final List<Candle> candles = CustomKlines.combine(tenMinutes, base);

        assertThat(candles).containsExactly(
            new Candle(0, "100.0", "110.25", "99.0", "108.0", "3.75", true),
            new Candle(2 * FIVE_MINUTES_MS, "108.0", "109.0", "98.75", "99.9", "10.001", false));
    }

    @Test
    void shouldBuildABucketFromTheBaseCandlesThereAreAndCloseItOnlyWithItsLast()
    {
        final CustomTimeframe twentyMinutes = (CustomTimeframe)Interval.parse("20m");
        final List<Candle> base = List.of(
            new Candle(FIVE_MINUTES_MS, "10", "11", "9", "10.5", "7", true),
            new Candle(2 * FIVE_MINUTES_MS, "10.5", "10.5", "8", "9", "3", true));

        assertThat(CustomKlines.combine(twentyMinutes, base))
            .containsExactly(new Candle(0, "10", "11", "8", "9", "10", false));
        assertThat(CustomKlines.maxCandles(twentyMinutes, 1500)).isEqualTo(1250);
        assertThat(CustomKlines.maxCandles(Interval.parse("90d"), 500)).isEqualTo(55);
    }
}
