package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketGeneratorTest
{
    private static List<SimulatedLiquidation> run(final SimulatorConfig config, final int ticks)
    {
        final MarketGenerator market = new MarketGenerator(config.conclude());
        final List<SimulatedLiquidation> liquidations = new ArrayList<>();
        for (int tick = 0; tick < ticks; tick++)
        {
            market.tick(1_700_000_000_000L + tick * config.tickMs(), liquidations::add);
        }
        return liquidations;
    }

    @Test
    void shouldGenerateTheSameFlowFromTheSameSeed()
    {
        final List<SimulatedLiquidation> first = run(new SimulatorConfig().seed(11), 3_000);
        final List<SimulatedLiquidation> second = run(new SimulatorConfig().seed(11), 3_000);
        final List<SimulatedLiquidation> other = run(new SimulatorConfig().seed(12), 3_000);

        assertThat(first).hasSizeGreaterThan(50).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void shouldWritePricesAndQuantitiesWithEachSymbolsPrecision()
    {
        final Map<String, SimulatedSymbol> symbols = new HashMap<>();
        SymbolUniverse.defaults().forEach(symbol -> symbols.put(symbol.symbol(), symbol));

        final List<SimulatedLiquidation> liquidations =
            run(new SimulatorConfig().quietLiquidationsPerSecond(40), 3_000);

        assertThat(liquidations).hasSizeGreaterThan(500);
        assertThat(liquidations).extracting(SimulatedLiquidation::symbol).containsAll(symbols.keySet());
        for (final SimulatedLiquidation liquidation : liquidations)
        {
            final SimulatedSymbol symbol = symbols.get(liquidation.symbol());
            assertThat(decimals(liquidation.averagePrice())).isEqualTo(symbol.pricePrecision());
            assertThat(decimals(liquidation.orderPrice())).isEqualTo(symbol.pricePrecision());
            assertThat(decimals(liquidation.quantity())).isEqualTo(symbol.quantityPrecision());
            assertThat(units(liquidation.averagePrice()) % symbol.tickUnits()).isZero();
            assertThat(units(liquidation.quantity())).isPositive();
            if (liquidation.side() == Side.SELL)
            {
                assertThat(units(liquidation.orderPrice())).isLessThan(units(liquidation.averagePrice()));
            }
            else
            {
                assertThat(units(liquidation.orderPrice())).isGreaterThan(units(liquidation.averagePrice()));
            }
        }
    }

    @Test
    void shouldLiquidateMostlyOneSideAcrossTheMarketDuringACascade()
    {
        final SimulatorConfig config = new SimulatorConfig().meanCascadeGapMs(1).cascadeDurationMs(3_600_000)
            .cascadeMultiplier(20).quietLiquidationsPerSecond(10);

        final List<SimulatedLiquidation> liquidations = run(config, 2_000);

        final long sells = liquidations.stream().filter(liquidation -> liquidation.side() == Side.SELL).count();
        final double share = Math.max(sells, liquidations.size() - sells) / (double)liquidations.size();
        assertThat(liquidations).hasSizeGreaterThan(1_000);
        assertThat(share).isGreaterThan(0.8);
        assertThat(liquidations.stream().map(SimulatedLiquidation::symbol).distinct().count()).isGreaterThan(8);
    }

    @Test
    void shouldKeepTradeTimesStrictlyIncreasingPerSymbol()
    {
        final Map<String, Long> last = new HashMap<>();
        for (final SimulatedLiquidation liquidation : run(new SimulatorConfig().quietLiquidationsPerSecond(400), 500))
        {
            assertThat(liquidation.tradeTimeMs()).isGreaterThan(last.getOrDefault(liquidation.symbol(), 0L));
            last.put(liquidation.symbol(), liquidation.tradeTimeMs());
        }
    }

    @Test
    void shouldStandStillWhenTheFlowIsOff()
    {
        assertThat(run(new SimulatorConfig().generateFlow(false), 1_000)).isEmpty();
    }

    private static int decimals(final String decimal)
    {
        final int point = decimal.indexOf('.');
        return point < 0 ? 0 : decimal.length() - point - 1;
    }

    private static long units(final String decimal)
    {
        return Long.parseLong(decimal.replace(".", ""));
    }
}
