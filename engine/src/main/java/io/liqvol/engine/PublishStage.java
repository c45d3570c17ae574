package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;

import java.util.List;

/**
 * Stage 3, after journal and aggregate: hands each accepted liquidation to the listeners, appends it to the recent
 * liquidations, and at the end of a batch publishes every bucket the batch changed once (per venue, with the sum over
 * venues beside it), with its totals as of the batch's last sequence. The aggregate stage may already be further along
 * the ring; what it added since is taken back out, so a listener never sees a total that includes a liquidation not
 * yet journaled.
 */
final class PublishStage implements EventHandler<FrameEvent>
{
    private static final int TIMEFRAMES = Timeframe.count();

    private final EngineListener[] listeners;
    private final SymbolTable symbols;
    private final BucketStore buckets;
    private final RecentLiquidations recent;
    private final EngineCounters counters;
    private final List<Gap> gaps;
    private final LiquidationFlyweight liquidation;
    private final BucketValues bucket = new BucketValues();
    /** The changed bucket summed over venues, each venue's same bucket, and a sum over several of them. */
    private final BucketValues allVenues = new BucketValues();
    private final BucketValues[] venueBuckets = new BucketValues[Series.PER_SYMBOL];
    private final BucketValues selection = new BucketValues();
    private final ChangedBuckets changed = new ChangedBuckets();
    private RingBuffer<FrameEvent> ring;

    PublishStage(
        final List<EngineListener> listeners,
        final SymbolTable symbols,
        final BucketStore buckets,
        final RecentLiquidations recent,
        final EngineCounters counters,
        final List<Gap> gaps)
    {
        this.listeners = listeners.toArray(new EngineListener[0]);
        this.symbols = symbols;
        this.buckets = buckets;
        this.recent = recent;
        this.counters = counters;
        this.gaps = gaps;
        this.liquidation = new LiquidationFlyweight(symbols);
        for (int venue = 0; venue < venueBuckets.length; venue++)
        {
            venueBuckets[venue] = new BucketValues();
            linkVenues(venueBuckets[venue]);
        }
        linkVenues(bucket);
        linkVenues(allVenues);
        linkVenues(selection);
    }

    private void linkVenues(final BucketValues values)
    {
        values.venueBuckets = venueBuckets;
        values.selection = selection;
        values.allVenues = values == allVenues ? null : allVenues;
    }

    /** The ring whose events this stage reads back when rewinding a bucket; set once before start. */
    void ring(final RingBuffer<FrameEvent> ring)
    {
        this.ring = ring;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.kind == FrameEvent.KIND_GAP)
        {
            publishGap(new Gap(event.gapFromMs, event.gapToMs, event.gapKind, Venue.fromOrdinal(event.inputVenue)));
        }
        for (int i = 0; i < event.count; i++)
        {
            publishLiquidation(event, i, sequence);
            markChanged(event, i);
        }
        if (endOfBatch)
        {
            publishChangedBuckets(sequence);
        }
    }

    private void publishLiquidation(final FrameEvent event, final int i, final long sequence)
    {
        liquidation.wrap(event, i, sequence);
        for (final EngineListener listener : listeners)
        {
            try
            {
                listener.onLiquidation(liquidation);
            }
            catch (final RuntimeException ex)
            {
                counters.incrementListenerErrors();
            }
        }
        recent.append(event.symbolId[i], event.venue[i], event.side[i], event.quantityE8[i], event.priceE8[i],
            event.tradeTimeMs[i], event.eventTimeMs[i]);
        counters.incrementPublished();
    }

    /** Marks the buckets the aggregate stage changed with liquidation i, from what it left in the event. */
    private void markChanged(final FrameEvent event, final int i)
    {
        final int seriesId = Series.of(event.symbolId[i], event.venue[i]);
        final int indexes = i * TIMEFRAMES;
        for (int applied = event.appliedTimeframes[i]; applied != 0; applied &= applied - 1)
        {
            final int t = Integer.numberOfTrailingZeros(applied);
            changed.mark(seriesId, t, event.bucketIndex[indexes + t]);
        }
    }

    private void publishChangedBuckets(final long sequence)
    {
        final long publishedPosition = BucketDescriptor.position(sequence, FrameEvent.MAX_LIQUIDATIONS - 1);
        for (int k = 0, size = changed.size(); k < size; k++)
        {
            final long key = changed.key(k);
            final int seriesId = ChangedBuckets.seriesId(key);
            final int timeframe = ChangedBuckets.timeframe(key);
            final int bucketIndex = ChangedBuckets.bucketIndex(key);
            if (!readAsPublished(seriesId, timeframe, bucketIndex, publishedPosition, bucket))
            {
                continue;
            }
            final int symbolId = Series.symbolId(seriesId);
            bucket.symbolId = symbolId;
            bucket.symbol = symbols.nameOf(symbolId);
            bucket.venue = Series.venue(seriesId);
            bucket.timeframe = Timeframe.fromOrdinal(timeframe);
            bucket.bucketIndex = bucketIndex;
            if (!sumVenues(publishedPosition))
            {
                counters.incrementAggregateOverflows();
                continue;
            }
            for (final EngineListener listener : listeners)
            {
                try
                {
                    listener.onBucketChanged(bucket);
                }
                catch (final RuntimeException ex)
                {
                    counters.incrementListenerErrors();
                }
            }
        }
        changed.clear();
        for (final EngineListener listener : listeners)
        {
            try
            {
                listener.onBatchEnd();
            }
            catch (final RuntimeException ex)
            {
                counters.incrementListenerErrors();
            }
        }
    }

    /** Reads a series' bucket as of {@code publishedPosition}; false when the store does not hold it. */
    private boolean readAsPublished(final int seriesId, final int timeframe, final int bucketIndex,
        final long publishedPosition, final BucketValues into)
    {
        if (buckets.read(seriesId, timeframe, bucketIndex, into) != BucketStore.HELD)
        {
            return false;
        }
        if (into.lastPosition > publishedPosition)
        {
            rewind(seriesId, timeframe, bucketIndex, publishedPosition, into);
        }
        return true;
    }

    /**
     * Copies {@link #bucket} and reads the same bucket of the symbol's other venues (zeros where one has none) into
     * {@link #venueBuckets}, summing them into {@link #allVenues}; false if the sum would overflow 128 bits.
     */
    private boolean sumVenues(final long publishedPosition)
    {
        allVenues.copyFrom(bucket);
        allVenues.venue = -1;
        final int timeframe = bucket.timeframe.ordinal();
        final int bucketIndex = (int)bucket.bucketIndex;
        for (int venue = 0; venue < Series.PER_SYMBOL; venue++)
        {
            final BucketValues part = venueBuckets[venue];
            if (venue == bucket.venue)
            {
                part.copyFrom(bucket);
                continue;
            }
            final int other = Series.of(bucket.symbolId, venue);
            if (!buckets.holds(other) || !readAsPublished(other, timeframe, bucketIndex, publishedPosition, part))
            {
                part.clear();
            }
            part.copyNames(bucket, venue);
            if (!allVenues.add(part))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes out of {@code into} what the aggregate stage added after {@code publishedPosition}. Those events are
     * still in the ring: the producers cannot reuse a slot this stage has not passed.
     */
    private void rewind(final int seriesId, final int timeframe, final int bucketIndex, final long publishedPosition,
        final BucketValues into)
    {
        final long lastPosition = into.lastPosition;
        final long firstSequence = publishedPosition / FrameEvent.MAX_LIQUIDATIONS + 1;
        final long lastSequence = lastPosition / FrameEvent.MAX_LIQUIDATIONS;
        for (long sequence = firstSequence; sequence <= lastSequence; sequence++)
        {
            final FrameEvent event = ring.get(sequence);
            for (int i = 0; i < event.count; i++)
            {
                final long position = BucketDescriptor.position(sequence, i);
                if (position > lastPosition)
                {
                    break;
                }
                // The last position is in this bucket by definition; the aggregate stage may still be writing its mask
                // and indexes. Before it, a liquidation is in the bucket if it was applied there.
                if (position == lastPosition
                    || (Series.of(event.symbolId[i], event.venue[i]) == seriesId
                        && (event.appliedTimeframes[i] & (1 << timeframe)) != 0
                        && event.bucketIndex[i * TIMEFRAMES + timeframe] == bucketIndex))
                {
                    into.subtract(event.side[i], event.quantityE8[i], event.priceE8[i]);
                }
            }
        }
    }

    private void publishGap(final Gap gap)
    {
        gaps.add(gap);
        for (final EngineListener listener : listeners)
        {
            try
            {
                listener.onGap(gap);
            }
            catch (final RuntimeException ex)
            {
                counters.incrementListenerErrors();
            }
        }
    }
}
