package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The simulated market, seeded and deterministic for a given sequence of ticks: a random walk of every price,
 * a quiet background of liquidations weighted by symbol, and now and then a cascade that liquidates one side
 * across most symbols while their prices run against it. Market thread only.
 */
final class MarketGenerator
{
    private static final long VOLATILITY_PPM_PER_MINUTE = 600;
    private static final long CASCADE_DRIFT_PPM_PER_SECOND = 400;
    private static final int CASCADE_SIDE_PERCENT = 90;

    private final SimulatorConfig config;
    private final List<SimulatedSymbol> symbols;
    private final Map<String, Integer> indexBySymbol = new HashMap<>();
    private final long[] priceUnits;
    private final long[] lastTradeTimeMs;
    private final boolean[] inCascade;
    private final int totalWeight;
    private final long stepPpm;
    private final SplittableRandom random;
    private final Map<String, CandleSeries> candleSeries = new HashMap<>();
    private boolean flowing;
    private long cascadeUntilMs = Long.MIN_VALUE;
    private Side cascadeSide = Side.SELL;

    MarketGenerator(final SimulatorConfig config)
    {
        this.config = config;
        this.symbols = config.symbols();
        this.random = new SplittableRandom(config.seed());
        this.flowing = config.generateFlow();
        this.priceUnits = new long[symbols.size()];
        this.lastTradeTimeMs = new long[symbols.size()];
        this.inCascade = new boolean[symbols.size()];
        int weight = 0;
        for (int i = 0; i < symbols.size(); i++)
        {
            indexBySymbol.put(symbols.get(i).symbol(), i);
            priceUnits[i] = symbols.get(i).initialPriceUnits();
            weight += symbols.get(i).weight();
        }
        this.totalWeight = weight;
        this.stepPpm = Math.max(1, (long)(VOLATILITY_PPM_PER_MINUTE * Math.sqrt(config.tickMs() / 60_000.0)));
    }

    List<SimulatedSymbol> symbols()
    {
        return symbols;
    }

    /** Index of the symbol (upper case), or -1 when the exchange does not list it. */
    int indexOf(final String symbol)
    {
        final Integer index = indexBySymbol.get(symbol);
        return index == null ? -1 : index;
    }

    /** Advances the market by one tick: prices move, candles follow, liquidations are drawn into the sink. */
    void tick(final long nowMs, final Consumer<SimulatedLiquidation> liquidations)
    {
        if (flowing)
        {
            maybeStartCascade(nowMs);
            final boolean cascading = nowMs < cascadeUntilMs;
            for (int i = 0; i < symbols.size(); i++)
            {
                movePrice(i, cascading && inCascade[i]);
                drawLiquidation(i, nowMs, cascading && inCascade[i], liquidations);
            }
        }
        for (final CandleSeries series : candleSeries.values())
        {
            final int index = indexOf(series.symbol().symbol());
            final long volume = flowing ? backgroundVolumeUnits(series.symbol()) : 0;
            series.onPrice(nowMs, priceUnits[index], volume);
        }
    }

    /** Prices stand still and no more liquidations are drawn from now on. */
    void stop()
    {
        flowing = false;
    }

    /** A liquidation of the symbol at its current price, with a realistic heavy-tailed size. */
    SimulatedLiquidation liquidation(final int index, final Side side, final long nowMs)
    {
        final SimulatedSymbol symbol = symbols.get(index);
        final long tick = symbol.tickUnits();
        final long averagePrice = priceUnits[index];
        final long slippage = Math.max(tick, averagePrice * 3 / 1000 / tick * tick);
        final long orderPrice = side == Side.SELL ? Math.max(tick, averagePrice - slippage) : averagePrice + slippage;
        final long notionalUsd = notionalUsd();
        final long quantityUnits = Math.max(1, notionalUsd * Decimals.pow10(symbol.quantityPrecision())
            * Decimals.pow10(symbol.pricePrecision()) / averagePrice);
        final long tradeTimeMs = Math.max(nowMs, lastTradeTimeMs[index] + 1);
        lastTradeTimeMs[index] = tradeTimeMs;
        for (final CandleSeries series : candleSeries.values())
        {
            if (series.symbol() == symbol)
            {
                series.onPrice(nowMs, averagePrice, quantityUnits);
            }
        }
        return new SimulatedLiquidation(symbol.symbol(), side,
            Decimals.format(quantityUnits, symbol.quantityPrecision()),
            Decimals.format(averagePrice, symbol.pricePrecision()),
            Decimals.format(orderPrice, symbol.pricePrecision()), tradeTimeMs);
    }

    /** The candles of a symbol and interval, created (with back-filled history) on first use. */
    CandleSeries candles(final int index, final Timeframe timeframe, final long nowMs)
    {
        final SimulatedSymbol symbol = symbols.get(index);
        return candleSeries.computeIfAbsent(symbol.symbol() + '@' + timeframe.code(),
            key -> new CandleSeries(symbol, timeframe, config.historyCandles(), nowMs, priceUnits[index],
                VOLATILITY_PPM_PER_MINUTE, random.split()));
    }

    private void maybeStartCascade(final long nowMs)
    {
        if (config.meanCascadeGapMs() == 0 || nowMs < cascadeUntilMs)
        {
            return;
        }
        if (random.nextLong(config.meanCascadeGapMs()) < config.tickMs())
        {
            cascadeUntilMs = nowMs + config.cascadeDurationMs();
            cascadeSide = random.nextBoolean() ? Side.SELL : Side.BUY;
            for (int i = 0; i < inCascade.length; i++)
            {
                inCascade[i] = random.nextInt(100) < 70;
            }
        }
    }

    private void movePrice(final int index, final boolean cascading)
    {
        long movePpm = CandleSeries.gaussianPpm(random, stepPpm);
        if (cascading)
        {
            final long drift = CASCADE_DRIFT_PPM_PER_SECOND * config.tickMs() / 1000;
            movePpm += cascadeSide == Side.SELL ? -drift : drift;
        }
        final long tick = symbols.get(index).tickUnits();
        final long moved = priceUnits[index] + priceUnits[index] * movePpm / 1_000_000L;
        priceUnits[index] = Math.max(tick, (moved + tick / 2) / tick * tick);
    }

    private void drawLiquidation(final int index, final long nowMs, final boolean cascading,
        final Consumer<SimulatedLiquidation> liquidations)
    {
        final double perTick = config.quietLiquidationsPerSecond() * config.tickMs() / 1000.0
            * symbols.get(index).weight() / totalWeight * (cascading ? config.cascadeMultiplier() : 1);
        if (random.nextDouble() >= perTick)
        {
            return;
        }
        final Side side;
        if (cascading)
        {
            side = random.nextInt(100) < CASCADE_SIDE_PERCENT ? cascadeSide : opposite(cascadeSide);
        }
        else
        {
            side = random.nextBoolean() ? Side.SELL : Side.BUY;
        }
        liquidations.accept(liquidation(index, side, nowMs));
    }

    /** Heavy-tailed notional in whole USDT: mostly hundreds to thousands, rarely millions. */
    private long notionalUsd()
    {
        final int draw = random.nextInt(1000);
        final long decade;
        if (draw < 350)
        {
            decade = 1;
        }
        else if (draw < 750)
        {
            decade = 10;
        }
        else if (draw < 950)
        {
            decade = 100;
        }
        else if (draw < 995)
        {
            decade = 1_000;
        }
        else
        {
            decade = 10_000;
        }
        return (100 + random.nextInt(900)) * decade;
    }

    private long backgroundVolumeUnits(final SimulatedSymbol symbol)
    {
        final long notionalUsd = 1 + random.nextLong(2_000L * symbol.weight());
        return Math.max(1, notionalUsd * Decimals.pow10(symbol.quantityPrecision())
            * Decimals.pow10(symbol.pricePrecision()) / priceUnits[indexOf(symbol.symbol())]);
    }

    private static Side opposite(final Side side)
    {
        return side == Side.SELL ? Side.BUY : Side.SELL;
    }
}
