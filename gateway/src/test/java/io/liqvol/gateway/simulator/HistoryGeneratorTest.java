package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryGeneratorTest
{
    private static final long DAY_MS = 86_400_000L;
    private static final long START_MS = 1_700_000_012_345L;

    /** Generating a day takes seconds; the tests that only read it share one. */
    private static final MarketGenerator SHARED = market(7, START_MS);

    private static MarketGenerator market(final long seed, final long startMs)
    {
        return new MarketGenerator(new SimulatorConfig().seed(seed).historyMs(DAY_MS).conclude(), startMs);
    }

    @Test
    void shouldPriceEveryHistoricalLiquidationWithinTheCandlesOfItsMinuteAndHour()
    {
        final MarketGenerator market = SHARED;
        final SimulatedHistory history = market.history();

        assertThat(history.fromMs()).isEqualTo(START_MS - DAY_MS);
        assertThat(history.toMs()).isEqualTo(START_MS);
        assertThat(history.liquidations()).hasSizeGreaterThan(100_000);
        for (final Timeframe timeframe : List.of(Timeframe.M1, Timeframe.H1))
        {
            final Map<String, Map<Long, CandleSeries.Candle>> candles = new HashMap<>();
            for (final SimulatedSymbol symbol : market.symbols())
            {
                final Map<Long, CandleSeries.Candle> byOpenTime = new HashMap<>();
                market.candles(market.indexOf(symbol.symbol()), timeframe, START_MS).select(null, null, 100_000)
                    .forEach(candle -> byOpenTime.put(candle.openTimeMs, candle));
                candles.put(symbol.symbol(), byOpenTime);
            }
            for (final SimulatedLiquidation liquidation : history.liquidations())
            {
                final CandleSeries.Candle candle = candles.get(liquidation.symbol())
                    .get(timeframe.alignDownMs(liquidation.tradeTimeMs()));
                final long priceUnits = units(liquidation.averagePrice());
                assertThat(candle).as("%s candle of %s", timeframe, liquidation).isNotNull();
                assertThat(priceUnits).as("%s within its %s candle", liquidation, timeframe)
                    .isBetween(candle.low, candle.high);
            }
        }
    }

    @Test
    void shouldOpenTheLiveMarketWhereTheHistoryEnds()
    {
        final MarketGenerator market = market(7, START_MS);
        final int btc = market.indexOf("BTCUSDT");
        final SimulatedLiquidation last = market.history().liquidations().stream()
            .filter(liquidation -> liquidation.symbol().equals("BTCUSDT")).reduce((first, second) -> second)
            .orElseThrow();

        final SimulatedLiquidation live = market.liquidation(btc, Side.SELL, START_MS);

        final CandleSeries.Candle current = market.candles(btc, Timeframe.M1, START_MS).current();
        assertThat(live.tradeTimeMs()).isGreaterThan(last.tradeTimeMs());
        assertThat(units(live.averagePrice())).isBetween(current.low, current.high);
        assertThat(current.close).isEqualTo(units(live.averagePrice()));
    }

    @Test
    void shouldDrawTheSameHistoryForTheSameSeedWhenEverTheSimulatorStarts()
    {
        final List<SimulatedLiquidation> first = SHARED.history().liquidations();
        final List<SimulatedLiquidation> later = market(7, START_MS + 3_600_000L).history().liquidations();
        final List<SimulatedLiquidation> otherSeed = market(8, START_MS).history().liquidations();

        final List<SimulatedLiquidation> overlap = first.stream()
            .filter(liquidation -> liquidation.tradeTimeMs() >= START_MS + 3_600_000L - DAY_MS).toList();
        assertThat(later.subList(0, overlap.size())).isEqualTo(overlap);
        assertThat(otherSeed.subList(0, 1_000)).isNotEqualTo(first.subList(0, 1_000));
    }

    @Test
    void shouldIncludeCascadesThatLiquidateOneSideAcrossTheMarket()
    {
        final SimulatedHistory history = SHARED.history();
        final Map<Long, int[]> sidesBySecond = new HashMap<>();
        for (final SimulatedLiquidation liquidation : history.liquidations())
        {
            sidesBySecond.computeIfAbsent(liquidation.tradeTimeMs() / 1000, second -> new int[2])
                [liquidation.side().ordinal()]++;
        }
        final long oneSidedSeconds = sidesBySecond.values().stream()
            .filter(sides -> Math.max(sides[0], sides[1]) >= 10 && Math.min(sides[0], sides[1]) <= 2).count();
        final long quietSeconds = sidesBySecond.values().stream().filter(sides -> sides[0] + sides[1] <= 6).count();

        assertThat(oneSidedSeconds).isGreaterThan(1_000);
        assertThat(quietSeconds).isGreaterThan(oneSidedSeconds);
    }

    private static long units(final String decimal)
    {
        return Long.parseLong(decimal.replace(".", ""));
    }
}
