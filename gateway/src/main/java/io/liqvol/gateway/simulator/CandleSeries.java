package io.liqvol.gateway.simulator;

import io.liqvol.engine.Timeframe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The candles of one symbol and interval: a history back-filled from the price at creation time followed by the
 * candles of the live prices. The back-fill is built from the symbol's minute path where it reaches (the generated
 * history and the live prices since), and before that is a random walk run backwards, so it ends exactly where the
 * path (or, without one, the live market) starts.
 * Bounded: the oldest candles are dropped beyond the capacity. Market thread only.
 */
final class CandleSeries
{
    /** A candle in fixed point: prices in the symbol's price units, volume in its quantity units. */
    static final class Candle
    {
        final long openTimeMs;
        final long closeTimeMs;
        long open;
        long high;
        long low;
        long close;
        long volume;

        Candle(final long openTimeMs, final long closeTimeMs, final long price)
        {
            this.openTimeMs = openTimeMs;
            this.closeTimeMs = closeTimeMs;
            this.open = price;
            this.high = price;
            this.low = price;
            this.close = price;
        }

        void trade(final long price, final long quantity)
        {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume += quantity;
        }
    }

    private final SimulatedSymbol symbol;
    private final Timeframe timeframe;
    private final int capacity;
    private final ArrayDeque<Candle> candles;
    private long lastPushedOpenTimeMs = Long.MIN_VALUE;

    CandleSeries(final SimulatedSymbol symbol, final Timeframe timeframe, final int capacity, final long nowMs,
        final long priceUnits, final long volatilityPpmPerMinute, final SplittableRandom random)
    {
        this(symbol, timeframe, capacity, nowMs, priceUnits, volatilityPpmPerMinute, random, null);
    }

    /** As above, the newest candles built from {@code path} (null: none) as far as it reaches. */
    CandleSeries(final SimulatedSymbol symbol, final Timeframe timeframe, final int capacity, final long nowMs,
        final long priceUnits, final long volatilityPpmPerMinute, final SplittableRandom random, final MinutePath path)
    {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.capacity = capacity;
        this.candles = new ArrayDeque<>(capacity + 1);
        backfill(nowMs, priceUnits, volatilityPpmPerMinute, random, path);
    }

    SimulatedSymbol symbol()
    {
        return symbol;
    }

    Timeframe timeframe()
    {
        return timeframe;
    }

    /** Applies a live price; opens a new candle when the interval rolled over. */
    void onPrice(final long nowMs, final long priceUnits, final long volumeUnits)
    {
        Candle current = candles.peekLast();
        if (current == null || nowMs > current.closeTimeMs)
        {
            current = newCandle(timeframe.bucketIndex(nowMs), current == null ? priceUnits : current.close);
            append(current);
        }
        current.trade(priceUnits, volumeUnits);
    }

    Candle current()
    {
        return candles.peekLast();
    }

    /** The candle before the current one, or null. */
    Candle previous()
    {
        final Iterator<Candle> newestFirst = candles.descendingIterator();
        newestFirst.next();
        return newestFirst.hasNext() ? newestFirst.next() : null;
    }

    long lastPushedOpenTimeMs()
    {
        return lastPushedOpenTimeMs;
    }

    void lastPushedOpenTimeMs(final long openTimeMs)
    {
        lastPushedOpenTimeMs = openTimeMs;
    }

    /**
     * Binance's selection: with a start time the first {@code limit} candles from it, otherwise the last
     * {@code limit} candles up to the end time (or now); both bounds inclusive on the open time.
     */
    List<Candle> select(final Long startMs, final Long endMs, final int limit)
    {
        final long from = startMs == null ? Long.MIN_VALUE : startMs;
        final long to = endMs == null ? Long.MAX_VALUE : endMs;
        final List<Candle> inRange = new ArrayList<>();
        for (final Candle candle : candles)
        {
            if (candle.openTimeMs >= from && candle.openTimeMs <= to)
            {
                inRange.add(candle);
            }
        }
        if (inRange.size() <= limit)
        {
            return inRange;
        }
        return startMs != null ? inRange.subList(0, limit) : inRange.subList(inRange.size() - limit, inRange.size());
    }

    private void backfill(final long nowMs, final long priceUnits, final long volatilityPpmPerMinute,
        final SplittableRandom random, final MinutePath path)
    {
        final long currentIndex = timeframe.bucketIndex(nowMs);
        final ArrayDeque<Candle> known = new ArrayDeque<>();
        while (path != null && known.size() < capacity)
        {
            final long index = currentIndex - known.size();
            final Candle candle = newCandle(index, priceUnits);
            if (!path.fill(candle, candle.openTimeMs, candle.closeTimeMs))
            {
                break;
            }
            if (index != currentIndex)
            {
                candle.volume = randomVolume(random);
            }
            known.addFirst(candle);
        }
        if (known.isEmpty())
        {
            known.add(newCandle(currentIndex, priceUnits));
        }
        final long minutes = Math.max(1, (timeframe.bucketStartMs(currentIndex + 1)
            - timeframe.bucketStartMs(currentIndex)) / 60_000L);
        final long stepPpm = Math.max(1, (long)(volatilityPpmPerMinute * Math.sqrt(minutes)));
        final long oldestKnownIndex = currentIndex - known.size() + 1;
        final Candle[] history = new Candle[capacity - known.size()];
        long close = known.peekFirst().open;
        final int count = history.length;
        for (int i = count - 1; i >= 0; i--)
        {
            final long open = roundToTick(close + close * gaussianPpm(random, stepPpm) / 1_000_000L);
            final Candle candle = newCandle(oldestKnownIndex - (count - i), open);
            final long wick = Math.abs(close * gaussianPpm(random, stepPpm / 2) / 1_000_000L);
            candle.high = roundToTick(Math.max(open, close) + wick / 2);
            candle.low = roundToTick(Math.min(open, close) - wick / 2);
            candle.close = close;
            candle.volume = randomVolume(random);
            history[i] = candle;
            close = open;
        }
        for (int i = 0; i < count; i++)
        {
            candles.addLast(history[i]);
        }
        candles.addAll(known);
    }

    private long randomVolume(final SplittableRandom random)
    {
        return 1 + random.nextLong(Decimals.pow10(symbol.quantityPrecision()) * 1000 * symbol.weight());
    }

    private Candle newCandle(final long index, final long priceUnits)
    {
        return new Candle(timeframe.bucketStartMs(index), timeframe.bucketStartMs(index + 1) - 1, priceUnits);
    }

    private void append(final Candle candle)
    {
        candles.addLast(candle);
        while (candles.size() > capacity)
        {
            candles.removeFirst();
        }
    }

    private long roundToTick(final long priceUnits)
    {
        final long tick = symbol.tickUnits();
        return Math.max(tick, (priceUnits + tick / 2) / tick * tick);
    }

    /** An approximately normal draw (sum of four uniforms) with the given standard deviation in ppm. */
    static long gaussianPpm(final SplittableRandom random, final long standardDeviationPpm)
    {
        if (standardDeviationPpm <= 0)
        {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < 4; i++)
        {
            sum += random.nextLong(2 * standardDeviationPpm + 1) - standardDeviationPpm;
        }
        return sum * 866 / 1000;
    }
}
