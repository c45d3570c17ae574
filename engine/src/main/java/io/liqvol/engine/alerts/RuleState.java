package io.liqvol.engine.alerts;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.math.BigInteger;

/**
 * One rule as the evaluator holds it: its threshold as a 128-bit E16 number, and per symbol id when its cool-down
 * ends, which bucket it last fired for, and (unusual volume) the baseline of the current bucket. The evaluator's
 * thread is its only reader and writer.
 */
final class RuleState
{
    static final long NONE = Long.MIN_VALUE;

    final AlertRule rule;
    final long thresholdHigh;
    final long thresholdLow;
    private final Long2LongHashMap cooldownUntilMs = new Long2LongHashMap(NONE);
    private final Long2LongHashMap firedBucketStartMs = new Long2LongHashMap(NONE);
    private final Long2ObjectHashMap<UnusualThreshold> unusual = new Long2ObjectHashMap<>();

    /** The threshold of a bucket of unusual volume: {@code ceil(factor × baseline)}, E16. */
    record UnusualThreshold(long bucketStartMs, BigInteger baselineE16, long high, long low)
    {
    }

    RuleState(final AlertRule rule)
    {
        this.rule = rule;
        final BigInteger threshold = rule.threshold() == null
            ? BigInteger.ZERO
            : rule.threshold().movePointRight(16).toBigIntegerExact();
        final Int128Value value = new Int128Value();
        value.set(threshold);
        this.thresholdHigh = value.high;
        this.thresholdLow = value.low;
    }

    boolean coolingDown(final int symbolId, final long timeMs)
    {
        final long until = cooldownUntilMs.get(symbolId);
        return until != NONE && timeMs < until;
    }

    boolean firedFor(final int symbolId, final long bucketStartMs)
    {
        return firedBucketStartMs.get(symbolId) == bucketStartMs;
    }

    /** Fired for a liquidation at {@code timeMs}: the cool-down starts. */
    void fired(final int symbolId, final long timeMs)
    {
        cooldownUntilMs.put(symbolId, timeMs + rule.cooldownMs());
    }

    /** Fired for the bucket starting at {@code bucketStartMs}, at {@code timeMs}. */
    void fired(final int symbolId, final long timeMs, final long bucketStartMs)
    {
        fired(symbolId, timeMs);
        firedBucketStartMs.put(symbolId, bucketStartMs);
    }

    UnusualThreshold unusual(final int symbolId)
    {
        return unusual.get(symbolId);
    }

    void unusual(final int symbolId, final UnusualThreshold threshold)
    {
        unusual.put(symbolId, threshold);
    }
}
