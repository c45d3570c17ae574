package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Timeframe;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed buckets before a symbol's current bucket over a selection of venues, read from the engine's history
 * (memory, then the journal's roll-ups, so that baselines hold right after a restart), once per new bucket and
 * symbol × venues × timeframe, for as many buckets as the longest baseline asked for.
 */
final class BaselineHistory
{
    private final VolumeSource volumes;
    private final Map<String, Closed> cache = new HashMap<>();

    private record Closed(long currentStartMs, List<BucketSnapshot> buckets)
    {
    }

    BaselineHistory(final VolumeSource volumes)
    {
        this.volumes = volumes;
    }

    /** The metric's E16 values of the {@code count} buckets before the one starting at {@code currentStartMs}. */
    List<BigInteger> values(final String symbol, final int venueMask, final Timeframe timeframe,
        final long currentStartMs, final int count, final BucketMetric metric)
    {
        final String key = symbol + '/' + venueMask + '/' + timeframe.code();
        Closed closed = cache.get(key);
        if (closed == null || closed.currentStartMs != currentStartMs || closed.buckets.size() < count)
        {
            final long firstStartMs = timeframe.bucketStartMs(timeframe.bucketIndex(currentStartMs) - count);
            closed = new Closed(currentStartMs,
                volumes.volume(symbol, venueMask, timeframe, firstStartMs, currentStartMs));
            cache.put(key, closed);
        }
        // an embedder's history may hold fewer than asked for (none before it begins)
        final List<BucketSnapshot> buckets = closed.buckets.subList(Math.max(0, closed.buckets.size() - count),
            closed.buckets.size());
        final List<BigInteger> values = new ArrayList<>(count);
        for (final BucketSnapshot bucket : buckets)
        {
            values.add(valueE16(bucket, metric));
        }
        return values;
    }

    static BigInteger valueE16(final BucketSnapshot bucket, final BucketMetric metric)
    {
        final java.math.BigDecimal value = switch (metric)
        {
            case BUY_VOLUME -> bucket.buyNotional();
            case SELL_VOLUME -> bucket.sellNotional();
            case TOTAL_VOLUME -> bucket.totalNotional();
            case DELTA_VOLUME -> bucket.deltaNotional().abs();
            default -> java.math.BigDecimal.valueOf(bucket.count());
        };
        return value.movePointRight(16).toBigIntegerExact();
    }
}
