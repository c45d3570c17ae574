package io.liqvol.engine.journal;

import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * History beyond the in-memory window, served from the journal: every segment has a roll-up, live (in memory,
 * catching up with the writer) while it is written, then persisted to a file by a background thread once it is
 * sealed. A query sums the base buckets of the roll-ups whose time span overlaps it. The background thread also
 * removes segments older than the retention period.
 */
public final class JournalHistory implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(JournalHistory.class.getName());

    private final Path dir;
    private final List<JournalSegment> segments;
    private final long retentionMs;
    private final EpochClock clock;
    private final Map<Long, Rollup> rollups = new ConcurrentHashMap<>();
    private final List<JournalSegment> pending = new ArrayList<>();
    /** The roller thread's only: kept so that its buffers' capacity carries over from one segment to the next. */
    private final RollupFileWriter writer = new RollupFileWriter();
    private final ExecutorService roller = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "liqvol-history");
        thread.setDaemon(true);
        return thread;
    });

    JournalHistory(final Path dir, final List<JournalSegment> segments, final long retentionMs, final EpochClock clock)
    {
        this.dir = dir;
        this.segments = segments;
        this.retentionMs = retentionMs;
        this.clock = clock;
    }

    /**
     * A segment found on start: its roll-up file if whole, else a live roll-up, rolled up to a file once recovery
     * has established how many records the segment holds ({@link #recovered()}).
     */
    void opened(final JournalSegment segment, final boolean sealed)
    {
        if (sealed)
        {
            final Path file = rollupFile(segment);
            if (Files.exists(file))
            {
                try
                {
                    rollups.put(segment.number(), MappedRollup.open(file));
                    return;
                }
                catch (final IOException ex)
                {
                    LOG.log(System.Logger.Level.WARNING, "rebuilding roll-up: " + ex.getMessage());
                }
            }
            rollups.put(segment.number(), new LiveRollup(segment, false));
            pending.add(segment);
            return;
        }
        rollups.put(segment.number(), new LiveRollup(segment, false));
    }

    /** A segment this process created (empty, so far): its live roll-up trusts the records the writer commits. */
    void created(final JournalSegment segment)
    {
        rollups.put(segment.number(), new LiveRollup(segment, true));
    }

    /**
     * Recovery is done: roll up the sealed segments found without a whole roll-up file, and fold the newest
     * segment's records into its live roll-up in the background rather than in the first query.
     */
    void recovered()
    {
        pending.forEach(this::sealed);
        pending.clear();
        if (!segments.isEmpty())
        {
            final Rollup newest = rollups.get(segments.get(segments.size() - 1).number());
            roller.execute(() -> newest.maxTradeTimeMs());
        }
    }

    /** The writer moved on from the segment: persist its roll-up, then apply retention. Any thread. */
    void sealed(final JournalSegment segment)
    {
        roller.execute(() -> rollUp(segment));
    }

    /** Removes sealed segments whose newest liquidation is older than the retention period; 0 keeps everything. */
    void applyRetention()
    {
        if (retentionMs <= 0)
        {
            return;
        }
        final long cutoffMs = clock.time() - retentionMs;
        final JournalSegment newest = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        for (final JournalSegment segment : segments)
        {
            final Rollup rollup = rollups.get(segment.number());
            if (segment != newest && rollup instanceof MappedRollup && rollup.maxTradeTimeMs() < cutoffMs)
            {
                remove(segment);
            }
        }
    }

    /** The journal's totals of {@code [firstIndex, lastIndex]} buckets of a symbol on every venue. Any thread. */
    public HistoryRange volume(
        final String symbol, final Timeframe timeframe, final long firstIndex, final long lastIndex)
    {
        final HistoryRange range = volume(symbol, 0, timeframe, firstIndex, lastIndex);
        for (int venue = 1; venue < Venue.count(); venue++)
        {
            sum(symbol, venue, timeframe, range);
        }
        return range;
    }

    /**
     * The journal's totals of {@code [firstIndex, lastIndex]} buckets of a symbol on the venue of ordinal
     * {@code venue} (roll-ups written before venues hold Binance's). Any thread.
     */
    public HistoryRange volume(
        final String symbol, final int venue, final Timeframe timeframe, final long firstIndex, final long lastIndex)
    {
        final HistoryRange range = new HistoryRange(timeframe, firstIndex, lastIndex);
        sum(symbol, venue, timeframe, range);
        return range;
    }

    private void sum(final String symbol, final int venue, final Timeframe timeframe, final HistoryRange range)
    {
        final int base = RollupDescriptor.baseOf(timeframe);
        final Timeframe baseTimeframe = RollupDescriptor.BASES[base];
        final long fromIndex = baseTimeframe.bucketIndex(range.startMs());
        final long toIndex = baseTimeframe.bucketIndex(range.endMs() - 1);
        for (final JournalSegment segment : segments)
        {
            final Rollup rollup = rollups.get(segment.number());
            if (rollup != null)
            {
                rollup.sum(symbol, venue, base, fromIndex, toIndex, range);
            }
        }
    }

    /** Hands every journaled liquidation of a symbol traded in {@code [startMs, endMs)} to the consumer. Cold path. */
    public void forEachLiquidation(
        final String symbol, final long startMs, final long endMs, final LiquidationConsumer consumer)
    {
        final byte[] name = symbol.getBytes(StandardCharsets.US_ASCII);
        final CRC32C crc = new CRC32C();
        for (final JournalSegment segment : segments)
        {
            final Rollup rollup = rollups.get(segment.number());
            if (rollup == null || !rollup.overlaps(startMs, endMs))
            {
                continue;
            }
            final ByteBuffer view = segment.checksumView();
            final int committed = segment.committedRecords();
            for (int n = 0; n < committed; n++)
            {
                final long tradeTimeMs = segment.tradeTimeMs(n);
                if (segment.type(n) == JournalDescriptor.TYPE_LIQUIDATION
                    && tradeTimeMs >= startMs && tradeTimeMs < endMs
                    && segment.isSymbol(n, name) && segment.isValid(n, crc, view))
                {
                    consumer.accept(segment.side(n), tradeTimeMs, segment.quantityE8(n), segment.priceE8(n));
                }
            }
        }
    }

    /**
     * Journaled liquidations that match the filter, in record order (newest or oldest first) from {@code from} (null:
     * the newest or oldest record): at most {@code maxOrders} to the visitor, reading at most {@code maxRecords}
     * records. Any thread; throws {@link IllegalArgumentException} for a position the journal never had.
     */
    public OrderScanResult orders(final OrderFilter filter, final boolean newestFirst, final JournalPosition from,
        final int maxOrders, final long maxRecords, final OrderVisitor visitor)
    {
        return new OrderScan(filter, visitor).run(
            segments.toArray(new JournalSegment[0]), rollups, newestFirst, from, maxOrders, maxRecords);
    }

    /** Waits until every sealed segment has its roll-up file (tests, benchmarks, orderly shutdown). */
    public void awaitRollups()
    {
        try
        {
            roller.submit(() -> { }).get();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("roll-up thread failed", ex);
        }
    }

    @Override
    public void close()
    {
        roller.shutdown();
        try
        {
            roller.awaitTermination(1, TimeUnit.MINUTES);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void rollUp(final JournalSegment segment)
    {
        final Rollup current = rollups.get(segment.number());
        if (!(current instanceof LiveRollup))
        {
            return;
        }
        try
        {
            // A sealed segment goes to the device whole before its roll-up does, whatever the fsync interval.
            segment.force();
            ((LiveRollup)current).writeTo(writer);
            final Path file = rollupFile(segment);
            writer.writeTo(file);
            rollups.put(segment.number(), MappedRollup.open(file));
            applyRetention();
        }
        catch (final IOException ex)
        {
            LOG.log(System.Logger.Level.ERROR, "roll-up of " + segment + " failed; history keeps the live one", ex);
        }
    }

    private void remove(final JournalSegment segment)
    {
        segments.remove(segment);
        rollups.remove(segment.number());
        try
        {
            Files.deleteIfExists(rollupFile(segment));
            Files.deleteIfExists(segment.path());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        LOG.log(System.Logger.Level.INFO, "retention removed " + segment);
    }

    private Path rollupFile(final JournalSegment segment)
    {
        return dir.resolve(RollupDescriptor.fileName(segment.number()));
    }

    /** Receives journaled liquidations of one symbol. */
    public interface LiquidationConsumer
    {
        void accept(int side, long tradeTimeMs, long quantityE8, long priceE8);
    }
}
