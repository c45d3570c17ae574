package io.liqvol.gateway.simulator;

import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CandleSeriesTest
{
    private static final SimulatedSymbol BTC = SymbolUniverse.defaults().get(0);
    private static final long NOW_MS = 1_700_000_030_000L;

    private static CandleSeries series(final Timeframe timeframe, final int capacity)
    {
        return new CandleSeries(BTC, timeframe, capacity, NOW_MS, 9_500_000L, 600, new SplittableRandom(5));
    }

    @Test
    void shouldBackfillContiguousHistoryThatEndsAtTheCurrentPrice()
    {
        final CandleSeries series = series(Timeframe.M1, 100);

        final List<CandleSeries.Candle> candles = series.select(null, null, 1500);
        assertThat(candles).hasSize(100);
        for (int i = 0; i < candles.size(); i++)
        {
            final CandleSeries.Candle candle = candles.get(i);
            assertThat(candle.high).isGreaterThanOrEqualTo(Math.max(candle.open, candle.close));
            assertThat(candle.low).isLessThanOrEqualTo(Math.min(candle.open, candle.close)).isPositive();
            assertThat(candle.open % BTC.tickUnits()).isZero();
            if (i > 0)
            {
                assertThat(candle.openTimeMs - candles.get(i - 1).openTimeMs).isEqualTo(60_000);
                assertThat(candle.open).isEqualTo(candles.get(i - 1).close);
            }
        }
        assertThat(series.current().openTimeMs).isEqualTo(Timeframe.M1.alignDownMs(NOW_MS));
        assertThat(series.current().close).isEqualTo(9_500_000L);
    }

    @Test
    void shouldFollowLivePricesAndOpenTheNextCandleWhenTheIntervalEnds()
    {
        final CandleSeries series = series(Timeframe.M1, 10);
        series.onPrice(NOW_MS + 1_000, 9_510_000, 7);
        series.onPrice(NOW_MS + 2_000, 9_490_000, 3);
        final CandleSeries.Candle current = series.current();
        assertThat(current.high).isEqualTo(9_510_000);
        assertThat(current.low).isEqualTo(9_490_000);
        assertThat(current.close).isEqualTo(9_490_000);
        assertThat(current.volume).isEqualTo(10);

        series.onPrice(NOW_MS + 60_000, 9_495_000, 1);

        assertThat(series.previous()).isSameAs(current);
        assertThat(series.current().openTimeMs).isEqualTo(current.openTimeMs + 60_000);
        assertThat(series.current().open).isEqualTo(9_490_000);
        assertThat(series.select(null, null, 1500)).hasSize(10);
    }

    @Test
    void shouldSelectLikeBinance()
    {
        final CandleSeries series = series(Timeframe.H1, 50);
        final List<Long> all = new ArrayList<>();
        series.select(null, null, 1500).forEach(candle -> all.add(candle.openTimeMs));

        assertThat(series.select(null, null, 3)).extracting(candle -> candle.openTimeMs)
            .containsExactlyElementsOf(all.subList(47, 50));
        assertThat(series.select(all.get(10), null, 3)).extracting(candle -> candle.openTimeMs)
            .containsExactlyElementsOf(all.subList(10, 13));
        assertThat(series.select(all.get(10) - 1, all.get(12), 1500)).extracting(candle -> candle.openTimeMs)
            .containsExactlyElementsOf(all.subList(10, 13));
        assertThat(series.select(null, all.get(20), 2)).extracting(candle -> candle.openTimeMs)
            .containsExactlyElementsOf(all.subList(19, 21));
    }

    @Test
    void shouldAlignMonthlyCandlesToTheFirstOfTheMonth()
    {
        final List<CandleSeries.Candle> months = series(Timeframe.MN1, 3).select(null, null, 3);

        assertThat(months).extracting(candle -> candle.openTimeMs)
            .containsExactly(1_693_526_400_000L, 1_696_118_400_000L, 1_698_796_800_000L);
        assertThat(months.get(0).closeTimeMs).isEqualTo(1_696_118_400_000L - 1);
    }
}
