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
 * across most symbols while their prices run against it. With {@link SimulatorConfig#historyMs()} it starts after a
 * generated history ({@link HistoryGenerator}) whose prices, like every live one, go onto a minute path per symbol
 * that the candles are built from. Market thread only.
 */
final class MarketGenerator
{
    private static final long VOLATILITY_PPM_PER_MINUTE = 600;
    private static final long CASCADE_DRIFT_PPM_PER_SECOND = 400;
    static final int CASCADE_SIDE_PERCENT = 90;

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
    /** Per symbol its minute path, or null without history (the candles then back-fill a walk of their own). */
    private final MinutePath[] paths;
    private final SimulatedHistory history;
    private boolean flowing;
    private long cascadeUntilMs = Long.MIN_VALUE;
    private Side cascadeSide = Side.SELL;

    MarketGenerator(final SimulatorConfig config)
    {
        this(config, System.currentTimeMillis());
    }

    /** A market that starts at {@code startMs}, after the history the configuration asks for. */
    MarketGenerator(final SimulatorConfig config, final long startMs)
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
        if (config.historyMs() > 0)
        {
            this.paths = new MinutePath[symbols.size()];
            final int minutes = (int)(2 * config.historyMs() / 60_000L) + 2;
            for (int i = 0; i < paths.length; i++)
            {
                paths[i] = new MinutePath(minutes);
            }
            this.history = new HistoryGenerator(config).generate(startMs, paths);
            for (int i = 0; i < paths.length; i++)
            {
                priceUnits[i] = paths[i].lastPrice(priceUnits[i]);
            }
            for (final SimulatedLiquidation liquidation : history.liquidations())
            {
                lastTradeTimeMs[indexOf(liquidation.symbol())] = liquidation.tradeTimeMs();
            }
        }
        else
        {
            this.paths = null;
            this.history = SimulatedHistory.NONE;
        }
        this.stepPpm = Math.max(1, (long)(VOLATILITY_PPM_PER_MINUTE * Math.sqrt(config.tickMs() / 60_000.0)));
    }

    List<SimulatedSymbol> symbols()
    {
        return symbols;
    }

    /** The liquidations generated before the start. */
    SimulatedHistory history()
    {
        return history;
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
                if (paths != null)
                {
                    paths[i].onPrice(nowMs, priceUnits[i]);
                }
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
        final long averagePrice = priceUnits[index];
        final long notionalUsd = notionalUsd(random);
        final long tradeTimeMs = Math.max(nowMs, lastTradeTimeMs[index] + 1);
        lastTradeTimeMs[index] = tradeTimeMs;
        final SimulatedLiquidation liquidation = priced(symbol, side, averagePrice, notionalUsd, tradeTimeMs);
        final long quantityUnits = quantityUnits(symbol, averagePrice, notionalUsd);
        for (final CandleSeries series : candleSeries.values())
        {
            if (series.symbol() == symbol)
            {
                series.onPrice(nowMs, averagePrice, quantityUnits);
            }
        }
        return liquidation;
    }

    /** A liquidation of {@code notionalUsd} at {@code averagePrice}, its order price a slippage beyond. */
    static SimulatedLiquidation priced(final SimulatedSymbol symbol, final Side side, final long averagePrice,
        final long notionalUsd, final long tradeTimeMs)
    {
        final long tick = symbol.tickUnits();
        final long slippage = Math.max(tick, averagePrice * 3 / 1000 / tick * tick);
        final long orderPrice = side == Side.SELL ? Math.max(tick, averagePrice - slippage) : averagePrice + slippage;
        return new SimulatedLiquidation(symbol.symbol(), side,
            Decimals.format(quantityUnits(symbol, averagePrice, notionalUsd), symbol.quantityPrecision()),
            Decimals.format(averagePrice, symbol.pricePrecision()),
            Decimals.format(orderPrice, symbol.pricePrecision()), tradeTimeMs);
    }

    private static long quantityUnits(final SimulatedSymbol symbol, final long priceUnits, final long notionalUsd)
    {
        return Math.max(1, notionalUsd * Decimals.pow10(symbol.quantityPrecision())
            * Decimals.pow10(symbol.pricePrecision()) / priceUnits);
    }

    /** The candles of a symbol and interval, created (with back-filled history) on first use. */
    CandleSeries candles(final int index, final Timeframe timeframe, final long nowMs)
    {
        final SimulatedSymbol symbol = symbols.get(index);
        return candleSeries.computeIfAbsent(symbol.symbol() + '@' + timeframe.code(),
            key -> new CandleSeries(symbol, timeframe, config.historyCandles(), nowMs, priceUnits[index],
                VOLATILITY_PPM_PER_MINUTE, random.split(), paths == null ? null : paths[index]));
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
    static long notionalUsd(final SplittableRandom random)
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

    static Side opposite(final Side side)
    {
        return side == Side.SELL ? Side.BUY : Side.SELL;
    }
}
