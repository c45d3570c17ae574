package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The market before the simulator started: per symbol a price walk at one-second steps, with the live market's
 * volatility and its cascades (most symbols driven one way while one side is liquidated at the cascade rate), and
 * liquidations priced on that walk, at most one per symbol and second as the stream delivers them. Each UTC day is
 * drawn from the seed and the day alone (a bridge between prices anchored at midnight), so the same seed gives the
 * same liquidations at the same times whenever the simulator starts. The walk is handed to the symbols' minute
 * paths, which the candles are built from.
 */
final class HistoryGenerator
{
    private static final long DAY_MS = 86_400_000L;
    private static final int DAY_SECONDS = 86_400;
    private static final double VOLATILITY_PER_SECOND = 600e-6 / Math.sqrt(60);
    private static final double CASCADE_DRIFT_PER_SECOND = 400e-6;
    private static final double MIDNIGHT_DEVIATION = 0.02;
    private static final int CASCADE_SYMBOL_PERCENT = 70;
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final SimulatorConfig config;
    private final List<SimulatedSymbol> symbols;
    private final int totalWeight;
    private final double[] logPrices = new double[DAY_SECONDS + 1];

    HistoryGenerator(final SimulatorConfig config)
    {
        this.config = config;
        this.symbols = config.symbols();
        this.totalWeight = symbols.stream().mapToInt(SimulatedSymbol::weight).sum();
    }

    /** The liquidations of {@code [toMs - historyMs, toMs)}, oldest first; their prices are fed to the paths. */
    SimulatedHistory generate(final long toMs, final MinutePath[] paths)
    {
        final long fromMs = toMs - config.historyMs();
        final List<SimulatedLiquidation> liquidations = new ArrayList<>();
        for (long day = Math.floorDiv(fromMs, DAY_MS); day <= Math.floorDiv(toMs - 1, DAY_MS); day++)
        {
            final Cascades cascades =
                new Cascades(config, symbols.size(), new SplittableRandom(config.seed() * MIX + day));
            for (int i = 0; i < symbols.size(); i++)
            {
                generateDay(i, day, cascades, fromMs, toMs, paths[i], liquidations);
            }
        }
        liquidations.sort(Comparator.comparingLong(SimulatedLiquidation::tradeTimeMs));
        return new SimulatedHistory(fromMs, toMs, liquidations);
    }

    private void generateDay(final int index, final long day, final Cascades cascades, final long fromMs,
        final long toMs, final MinutePath path, final List<SimulatedLiquidation> liquidations)
    {
        final SimulatedSymbol symbol = symbols.get(index);
        final SplittableRandom random = new SplittableRandom(symbolSeed(symbol, day) ^ MIX);
        walkDay(symbol, day, cascades, index, random);
        final double perSecond = config.quietLiquidationsPerSecond() * symbol.weight() / totalWeight;
        final long dayStartMs = day * DAY_MS;
        for (int second = 0; second < DAY_SECONDS; second++)
        {
            final long secondMs = dayStartMs + second * 1000L;
            final boolean cascading = cascades.drives(second, index);
            final double chance = perSecond * (cascading ? config.cascadeMultiplier() : 1);
            final boolean liquidated = random.nextDouble() < chance;
            final Side side = cascading
                ? cascades.sideOf(second, random)
                : random.nextBoolean() ? Side.SELL : Side.BUY;
            final long tradeTimeMs = secondMs + random.nextInt(1000);
            final long notionalUsd = MarketGenerator.notionalUsd(random);
            if (secondMs + 999 < fromMs || secondMs >= toMs)
            {
                continue;
            }
            final long priceUnits = priceUnits(symbol, second);
            path.onPrice(Math.max(secondMs, fromMs), priceUnits);
            if (liquidated && tradeTimeMs >= fromMs && tradeTimeMs < toMs)
            {
                liquidations.add(MarketGenerator.priced(symbol, side, priceUnits, notionalUsd, tradeTimeMs));
            }
        }
    }

    /** The log price at every second of the day, bridged from this midnight's anchor to the next one's. */
    private void walkDay(final SimulatedSymbol symbol, final long day, final Cascades cascades, final int index,
        final SplittableRandom random)
    {
        final double start = midnightLogPrice(symbol, day);
        final double end = midnightLogPrice(symbol, day + 1);
        logPrices[0] = start;
        for (int second = 0; second < DAY_SECONDS; second++)
        {
            double step = random.nextGaussian() * VOLATILITY_PER_SECOND;
            if (cascades.drives(second, index))
            {
                step += cascades.side(second) == Side.SELL ? -CASCADE_DRIFT_PER_SECOND : CASCADE_DRIFT_PER_SECOND;
            }
            logPrices[second + 1] = logPrices[second] + step;
        }
        final double correction = end - logPrices[DAY_SECONDS];
        for (int second = 1; second <= DAY_SECONDS; second++)
        {
            logPrices[second] += correction * second / DAY_SECONDS;
        }
    }

    private long priceUnits(final SimulatedSymbol symbol, final int second)
    {
        final long tick = symbol.tickUnits();
        final long raw = Math.round(StrictMath.exp(logPrices[second]));
        return Math.max(tick, (raw + tick / 2) / tick * tick);
    }

    private double midnightLogPrice(final SimulatedSymbol symbol, final long day)
    {
        final double deviation = new SplittableRandom(symbolSeed(symbol, day)).nextGaussian() * MIDNIGHT_DEVIATION;
        return StrictMath.log(symbol.initialPriceUnits()) + deviation;
    }

    private long symbolSeed(final SimulatedSymbol symbol, final long day)
    {
        return (config.seed() * 31 + symbol.symbol().hashCode()) * MIX + day;
    }

    /** The day's cascades: per second the one under way (or none), its side and the symbols it drives. */
    private static final class Cascades
    {
        private final int[] cascadeAt = new int[DAY_SECONDS];
        private final List<Side> sides = new ArrayList<>();
        private final List<boolean[]> driven = new ArrayList<>();

        Cascades(final SimulatorConfig config, final int symbolCount, final SplittableRandom random)
        {
            final int seconds = (int)Math.max(1, config.cascadeDurationMs() / 1000);
            int second = 0;
            while (second < DAY_SECONDS)
            {
                if (config.meanCascadeGapMs() == 0 || random.nextLong(config.meanCascadeGapMs()) >= 1000)
                {
                    second++;
                    continue;
                }
                sides.add(random.nextBoolean() ? Side.SELL : Side.BUY);
                final boolean[] symbols = new boolean[symbolCount];
                for (int i = 0; i < symbolCount; i++)
                {
                    symbols[i] = random.nextInt(100) < CASCADE_SYMBOL_PERCENT;
                }
                driven.add(symbols);
                for (int end = Math.min(DAY_SECONDS, second + seconds); second < end; second++)
                {
                    cascadeAt[second] = sides.size();
                }
            }
        }

        boolean drives(final int second, final int symbol)
        {
            return cascadeAt[second] > 0 && driven.get(cascadeAt[second] - 1)[symbol];
        }

        Side side(final int second)
        {
            return sides.get(cascadeAt[second] - 1);
        }

        /** Mostly the cascade's side, now and then the other, as live. */
        Side sideOf(final int second, final SplittableRandom random)
        {
            final Side side = side(second);
            return random.nextInt(100) < MarketGenerator.CASCADE_SIDE_PERCENT ? side : MarketGenerator.opposite(side);
        }
    }
}
