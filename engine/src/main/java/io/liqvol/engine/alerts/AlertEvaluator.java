package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Int128;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import org.agrona.collections.Long2LongHashMap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Evaluates the rules on a thread of its own, from what its {@link #listener()} copies off the engine's publisher
 * thread: a liquidation against the liquidation rules of its venue; a change of the newest bucket of a symbol's sum
 * over a selection of venues (older buckets changed by a late liquidation are not live and are skipped) against the
 * bucket and unusual-volume rules of that selection, each firing at most once per bucket. Comparisons are exact
 * 128-bit fixed-point. Cool-downs run on trade time, per rule and symbol.
 */
public final class AlertEvaluator implements AutoCloseable
{
    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int RATIO_SCALE = 4;
    private static final int SELECTION_ORDINAL = (1 << AlertListener.SELECTION_SHIFT) - 1;

    private final AlertQueue queue;
    private final AlertListener listener;
    private final AlertSink sink;
    private final LongSupplier clockMs;
    private final BaselineHistory history;
    private final Long2LongHashMap newestBucketStartMs = new Long2LongHashMap(RuleState.NONE);
    private final Int128Value value = new Int128Value();
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile List<AlertRule> pendingRules;
    private volatile boolean running = true;
    private RuleSet rules = RuleSet.EMPTY;
    private Thread thread;

    public AlertEvaluator(final VolumeSource volumes, final AlertSink sink, final LongSupplier clockMs,
        final int queueCapacity)
    {
        this.queue = new AlertQueue(queueCapacity);
        this.listener = new AlertListener(queue);
        this.sink = sink;
        this.clockMs = clockMs;
        this.history = new BaselineHistory(volumes);
    }

    /** To be registered with the engine ({@code EngineContext.listener}). */
    public AlertListener listener()
    {
        return listener;
    }

    /** Replaces the rules; the evaluator takes them before its next entry. Any thread. */
    public void rules(final List<AlertRule> newRules)
    {
        pendingRules = List.copyOf(newRules);
        // entries the new rules need are handed over from now on; the evaluator takes the rules before them
        listener.interest(RuleSet.interestOf(newRules), RuleSet.selectionsOf(newRules));
        LockSupport.unpark(thread);
    }

    public AlertEvaluator start()
    {
        thread = new Thread(this::run, "liqvol-alerts");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Entries dropped because the queue was full (the evaluator fell that far behind). */
    public long drops()
    {
        return queue.drops();
    }

    public long queued()
    {
        return queue.size();
    }

    public long fired()
    {
        return fired.get();
    }

    public long evaluated()
    {
        return evaluated.get();
    }

    /** Exceptions thrown by the sink (counted; the evaluator goes on). */
    public long errors()
    {
        return errors.get();
    }

    /** Evaluates what waits, then stops. */
    @Override
    public void close()
    {
        running = false;
        if (thread != null)
        {
            LockSupport.unpark(thread);
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run()
    {
        while (running)
        {
            if (drain() == 0)
            {
                listener.sleeper(Thread.currentThread());
                if (queue.peek() < 0 && pendingRules == null && running)
                {
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
                listener.sleeper(null);
            }
        }
        drain();
    }

    /** Evaluates every waiting entry; returns how many. */
    int drain()
    {
        takeRules();
        int entries = 0;
        int offset;
        while ((offset = queue.peek()) >= 0)
        {
            try
            {
                evaluate(offset);
            }
            catch (final RuntimeException e)
            {
                errors.incrementAndGet();
            }
            queue.advance();
            entries++;
        }
        if (entries > 0)
        {
            evaluated.addAndGet(entries);
            try
            {
                sink.onDrained();
            }
            catch (final RuntimeException e)
            {
                errors.incrementAndGet();
            }
        }
        return entries;
    }

    private void takeRules()
    {
        final List<AlertRule> taken = pendingRules;
        if (taken != null)
        {
            pendingRules = null;
            rules = RuleSet.of(taken, rules);
            listener.interest(rules.interest, rules.selections);
        }
    }

    private void evaluate(final int offset)
    {
        final long[] slots = queue.slots();
        if (slots[offset] == AlertQueue.LIQUIDATION)
        {
            evaluateLiquidation(slots, offset, queue.symbol(offset));
        }
        else
        {
            evaluateBucket(slots, offset, queue.symbol(offset));
        }
    }

    private void evaluateLiquidation(final long[] slots, final int offset, final String symbol)
    {
        final int symbolId = (int)slots[offset + 1];
        final Side side = Side.fromOrdinal((int)slots[offset + 2] & SELECTION_ORDINAL);
        final int venue = (int)(slots[offset + 2] >>> AlertListener.SELECTION_SHIFT);
        final long quantityE8 = slots[offset + 3];
        final long priceE8 = slots[offset + 4];
        final long tradeTimeMs = slots[offset + 5];
        for (final RuleState state : rules.liquidationRules)
        {
            final AlertRule rule = state.rule;
            value.set(Int128.multiplyHigh(quantityE8, priceE8), Int128.multiplyLow(quantityE8, priceE8));
            if ((rule.side() != null && rule.side() != side) || !Venues.selects(rule.venueMask(), venue)
                || !value.atLeast(state.thresholdHigh, state.thresholdLow) || !rule.watches(symbol)
                || state.coolingDown(symbolId, tradeTimeMs))
            {
                continue;
            }
            state.fired(symbolId, tradeTimeMs);
            final LiquidationSnapshot liquidation = new LiquidationSnapshot(symbol, side,
                BigDecimal.valueOf(quantityE8, 8).stripTrailingZeros(), BigDecimal.valueOf(priceE8, 8)
                .stripTrailingZeros(), value.toDecimalE16(), tradeTimeMs, slots[offset + 6],
                Venue.fromOrdinal(venue));
            emit(new AlertEvent(rule, symbol, value.toDecimalE16(), rule.threshold(), null, null, liquidation, null,
                tradeTimeMs, clockMs.getAsLong(), slots[offset + 7]));
        }
    }

    private void evaluateBucket(final long[] slots, final int offset, final String symbol)
    {
        final int symbolId = (int)slots[offset + 1];
        final Timeframe timeframe = Timeframe.fromOrdinal((int)slots[offset + 2] & SELECTION_ORDINAL);
        final int selection = (int)(slots[offset + 2] >>> AlertListener.SELECTION_SHIFT);
        final long startMs = slots[offset + 3];
        // the newest bucket of the symbol's sum over these venues
        final long key = ((long)symbolId * Timeframe.count() + timeframe.ordinal() << AlertListener.SELECTION_SHIFT)
            + selection;
        final long newestMs = newestBucketStartMs.get(key);
        if (newestMs != RuleState.NONE && startMs < newestMs)
        {
            return;
        }
        newestBucketStartMs.put(key, startMs);
        final long tradeTimeMs = slots[offset + 14];
        for (final RuleState state : rules.bucketRules[timeframe.ordinal()])
        {
            final AlertRule rule = state.rule;
            if (rule.venueSelection() != selection || !rule.watches(symbol) || state.firedFor(symbolId, startMs))
            {
                continue;
            }
            rule.metric().value(slots[offset + 4], slots[offset + 5], slots[offset + 6], slots[offset + 7],
                slots[offset + 12] + slots[offset + 13], value);
            if (rule.condition() == AlertCondition.BUCKET)
            {
                if (value.atLeast(state.thresholdHigh, state.thresholdLow)
                    && !state.coolingDown(symbolId, tradeTimeMs))
                {
                    state.fired(symbolId, tradeTimeMs, startMs);
                    emit(new AlertEvent(rule, symbol, value.toDecimalE16(), rule.threshold(), null, null, null,
                        bucket(slots, offset, symbol, timeframe), tradeTimeMs, clockMs.getAsLong(),
                        slots[offset + 15]));
                }
            }
            else
            {
                evaluateUnusual(state, slots, offset, symbol, symbolId, timeframe, startMs, tradeTimeMs);
            }
        }
    }

    private void evaluateUnusual(final RuleState state, final long[] slots, final int offset, final String symbol,
        final int symbolId, final Timeframe timeframe, final long startMs, final long tradeTimeMs)
    {
        final AlertRule rule = state.rule;
        RuleState.UnusualThreshold threshold = state.unusual(symbolId);
        if (threshold == null || threshold.bucketStartMs() != startMs)
        {
            threshold = unusualThreshold(rule, symbol, timeframe, startMs);
            state.unusual(symbolId, threshold);
        }
        if (threshold.baselineE16().signum() == 0 || !value.atLeast(threshold.high(), threshold.low())
            || state.coolingDown(symbolId, tradeTimeMs))
        {
            return;
        }
        state.fired(symbolId, tradeTimeMs, startMs);
        final BigDecimal baseline = new BigDecimal(threshold.baselineE16(), 16);
        final BigDecimal current = value.toDecimalE16();
        emit(new AlertEvent(rule, symbol, current, Int128.plain(rule.factor().multiply(baseline)),
            Int128.plain(baseline), current.divide(baseline, RATIO_SCALE, RoundingMode.HALF_EVEN),
            null, bucket(slots, offset, symbol, timeframe), tradeTimeMs, clockMs.getAsLong(), slots[offset + 15]));
    }

    private RuleState.UnusualThreshold unusualThreshold(final AlertRule rule, final String symbol,
        final Timeframe timeframe, final long startMs)
    {
        final List<BigInteger> closed =
            history.values(symbol, rule.venueMask(), timeframe, startMs, rule.baselineBuckets(), rule.metric());
        final BigInteger baseline = rule.baseline().of(closed);
        final BigInteger thresholdE16 =
            new BigDecimal(baseline).multiply(rule.factor()).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        final Int128Value bound = new Int128Value();
        bound.set(thresholdE16);
        return new RuleState.UnusualThreshold(startMs, baseline, bound.high, bound.low);
    }

    private static BucketSnapshot bucket(final long[] slots, final int offset, final String symbol,
        final Timeframe timeframe)
    {
        return new BucketSnapshot(symbol, timeframe, slots[offset + 3],
            Int128.toBigDecimal(slots[offset + 4], slots[offset + 5], 16),
            Int128.toBigDecimal(slots[offset + 6], slots[offset + 7], 16),
            Int128.toBigDecimal(slots[offset + 8], slots[offset + 9], 8),
            Int128.toBigDecimal(slots[offset + 10], slots[offset + 11], 8),
            slots[offset + 12], slots[offset + 13]);
    }

    private void emit(final AlertEvent event)
    {
        fired.incrementAndGet();
        try
        {
            sink.onAlert(event);
        }
        catch (final RuntimeException e)
        {
            errors.incrementAndGet();
        }
    }
}
