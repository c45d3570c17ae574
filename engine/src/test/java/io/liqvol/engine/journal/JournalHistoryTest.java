package io.liqvol.engine.journal;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Int128;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JournalHistoryTest
{
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final int COUNT = 6_000;
    private static final long STEP_MS = 47_000L;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    @TempDir
    Path dir;

    @Test
    void shouldSumTheLiveRollupsAndThenThePersistedOnes()
    {
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal);
            assertHistoryMatchesReference(journal.history());
            journal.history().awaitRollups();
            assertHistoryMatchesReference(journal.history());
        }
    }

    @Test
    void shouldServeHistoryFromPersistedRollupsAfterRestart()
    {
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal);
        }
        assertThat(rollupFiles()).isEqualTo(COUNT / 1024);
        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(), replayed))
        {
            assertHistoryMatchesReference(journal.history());
        }
        assertThat(replayed.records()).hasSize(COUNT);
    }

    @Test
    void shouldRebuildAMissingRollupAfterRestart() throws Exception
    {
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal);
        }
        Files.delete(dir.resolve(RollupDescriptor.fileName(2)));
        Files.writeString(dir.resolve(RollupDescriptor.fileName(3)), "torn");
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            assertHistoryMatchesReference(journal.history());
            journal.history().awaitRollups();
            assertHistoryMatchesReference(journal.history());
        }
        assertThat(Files.size(dir.resolve(RollupDescriptor.fileName(3)))).isGreaterThan(RollupDescriptor.HEADER_LENGTH);
    }

    @Test
    void shouldRemoveSegmentsOlderThanTheRetentionAndKeepTheHistoryOfNewerOnes()
    {
        final long nowMs = T0 + COUNT * STEP_MS;
        final long retentionMs = 86_400_000L;
        final EngineContext context = context().epochClock(() -> nowMs).retentionMs(retentionMs);
        try (Journal journal = Journal.open(context, new RecordingVisitor()))
        {
            append(journal);
            journal.history().awaitRollups();
            assertThat(volume(journal.history(), Timeframe.H1, nowMs - retentionMs / 2, nowMs))
                .isEqualTo(reference(Timeframe.H1, nowMs - retentionMs / 2, nowMs));
            assertThat(volume(journal.history(), Timeframe.M1, T0, T0 + 3_600_000L))
                .allSatisfy(bucket -> assertThat(bucket.count()).isZero());
        }
        assertThat(Files.exists(dir.resolve(JournalDescriptor.segmentFileName(1)))).isFalse();
        try (Journal journal = Journal.open(context, new RecordingVisitor()))
        {
            assertThat(volume(journal.history(), Timeframe.H1, nowMs - retentionMs / 2, nowMs))
                .isEqualTo(reference(Timeframe.H1, nowMs - retentionMs / 2, nowMs));
        }
    }

    private EngineContext context()
    {
        return new EngineContext().dataDir(dir).segmentBytes(JournalDescriptor.recordOffset(1024));
    }

    /** Writes the generated liquidations in batches of 64, as the journal stage would. */
    private static void append(final Journal journal)
    {
        for (int i = 0; i < COUNT; i++)
        {
            journal.appendLiquidation(i % 3 == 2 ? 1 : 0, SYMBOLS::get, 0, side(i).ordinal(), quantityE8(i), priceE8(i),
                timeMs(i), timeMs(i), System.nanoTime());
            if (i % 64 == 63)
            {
                journal.endOfBatch();
            }
        }
        journal.endOfBatch();
    }

    private static List<BucketSnapshot> volume(
        final JournalHistory history, final Timeframe timeframe, final long startMs, final long endMs)
    {
        final long first = timeframe.bucketIndex(startMs);
        final long last = timeframe.bucketIndex(endMs - 1);
        final HistoryRange range = history.volume("BTCUSDT", timeframe, first, last);
        final List<BucketSnapshot> result = new ArrayList<>();
        for (long index = first; index <= last; index++)
        {
            result.add(HistorySnapshots.of(range, "BTCUSDT", timeframe, index));
        }
        return result;
    }

    private static void assertHistoryMatchesReference(final JournalHistory history)
    {
        final long endMs = T0 + COUNT * STEP_MS;
        for (final Timeframe timeframe : Timeframe.values())
        {
            assertThat(volume(history, timeframe, T0, endMs))
                .as(timeframe.code())
                .isEqualTo(reference(timeframe, T0, endMs));
        }
    }

    /** The buckets of BTCUSDT computed with BigDecimal from the generator. */
    private static List<BucketSnapshot> reference(final Timeframe timeframe, final long startMs, final long endMs)
    {
        final Map<Long, BigDecimal[]> sums = new HashMap<>();
        final Map<Long, long[]> counts = new HashMap<>();
        for (int i = 0; i < COUNT; i++)
        {
            if (!symbol(i).equals("BTCUSDT"))
            {
                continue;
            }
            final long index = timeframe.bucketIndex(timeMs(i));
            final BigDecimal[] sum = sums.computeIfAbsent(index, k -> new BigDecimal[] {
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            final long[] count = counts.computeIfAbsent(index, k -> new long[2]);
            final int s = side(i).ordinal();
            final BigDecimal quantity = BigDecimal.valueOf(quantityE8(i), 8);
            sum[s] = sum[s].add(quantity.multiply(BigDecimal.valueOf(priceE8(i), 8)));
            sum[2 + s] = sum[2 + s].add(quantity);
            count[s]++;
        }
        final long first = timeframe.bucketIndex(startMs);
        final long last = timeframe.bucketIndex(endMs - 1);
        final List<BucketSnapshot> result = new ArrayList<>();
        for (long index = first; index <= last; index++)
        {
            final BigDecimal[] sum = sums.getOrDefault(index, new BigDecimal[] {
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            final long[] count = counts.getOrDefault(index, new long[2]);
            result.add(new BucketSnapshot("BTCUSDT", timeframe, timeframe.bucketStartMs(index),
                Int128.plain(sum[0]), Int128.plain(sum[1]), Int128.plain(sum[2]), Int128.plain(sum[3]),
                count[0], count[1]));
        }
        return result;
    }

    private long rollupFiles()
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> f.getFileName().toString().endsWith(RollupDescriptor.SUFFIX)).count();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String symbol(final int i)
    {
        return SYMBOLS.get(i % 3 == 2 ? 1 : 0);
    }

    private static Side side(final int i)
    {
        return i % 5 < 2 ? Side.BUY : Side.SELL;
    }

    private static long quantityE8(final int i)
    {
        return 100_000L + 13L * i;
    }

    private static long priceE8(final int i)
    {
        return 4_200_000_000_000L + 99_991L * i;
    }

    private static long timeMs(final int i)
    {
        return T0 + i * STEP_MS;
    }
}
