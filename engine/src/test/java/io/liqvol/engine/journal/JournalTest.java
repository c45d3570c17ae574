package io.liqvol.engine.journal;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JournalTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final int RECORDS = 4096;
    /** A segment begins with the record that defines the one symbol of these tests. */
    private static final int LIQUIDATIONS_PER_SEGMENT = RECORDS - 1;
    private static final long SEGMENT_BYTES = JournalDescriptor.recordOffset(RECORDS);

    @TempDir
    Path dir;

    private final int btc = 0;
    private final IntFunction<String> symbols = id -> "BTCUSDT";
    private Path mounted;

    @AfterEach
    void unmount() throws Exception
    {
        if (mounted != null)
        {
            // Lazily: the segments stay mapped until their buffers are collected.
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void shouldTakeThePreparedSegmentAtARollAndDeleteAnUnusedOneOnClose() throws IOException
    {
        try (Journal journal = Journal.open(context(dir), new RecordingVisitor()))
        {
            Await.until("the spare prepared", journal::spareReady);
            append(journal, 0, LIQUIDATIONS_PER_SEGMENT + 1);
            journal.endOfBatch();
            final JournalStatus status = journal.status(0);
            assertThat(status.segments()).isEqualTo(2);
            assertThat(status.newestSegmentRecords()).as("the symbol's definition and one liquidation").isEqualTo(2);
            assertThat(status.rollStalls()).isZero();
            assertThat(status.failure()).isNull();
            Await.until("the next spare prepared", journal::spareReady);
            assertThat(segmentFiles(dir)).hasSize(3);
        }
        assertThat(segmentFiles(dir)).containsExactly(
            dir.resolve(JournalDescriptor.segmentFileName(1)), dir.resolve(JournalDescriptor.segmentFileName(2)));
    }

    @Test
    void shouldDefineEachSymbolOncePerSegmentAndReuseItsNumberAfterARestart()
    {
        final IntFunction<String> twoSymbols = id -> id == 0 ? "BTCUSDT" : "ETHUSDT";
        try (Journal journal = Journal.open(context(dir), new RecordingVisitor()))
        {
            journal.appendLiquidation(0, twoSymbols, 0, 0, 1L, 2L, T0, T0, System.nanoTime());
            journal.appendLiquidation(1, twoSymbols, 0, 1, 1L, 2L, T0 + 1, T0 + 1, System.nanoTime());
            journal.appendLiquidation(0, twoSymbols, 0, 0, 1L, 2L, T0 + 2, T0 + 2, System.nanoTime());
            journal.endOfBatch();
            assertThat(journal.status(0).newestSegmentRecords()).as("two definitions, three liquidations").isEqualTo(5);
        }
        // The restarted engine numbers its symbols in another order; the segment keeps its own numbers.
        final IntFunction<String> swapped = id -> id == 0 ? "ETHUSDT" : "BTCUSDT";
        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(dir), new RecordingVisitor()))
        {
            journal.appendLiquidation(0, swapped, 0, 1, 1L, 2L, T0 + 3, T0 + 3, System.nanoTime());
            journal.appendLiquidation(1, swapped, 0, 0, 1L, 2L, T0 + 4, T0 + 4, System.nanoTime());
            journal.endOfBatch();
            assertThat(journal.status(0).newestSegmentRecords()).as("no definition repeated").isEqualTo(7);
        }
        try (Journal journal = Journal.open(context(dir), replayed))
        {
            assertThat(journal.recovery().corruptRecords()).isZero();
        }
        assertThat(replayed.records()).containsExactly("BTCUSDT 0 " + (T0 + 4), "ETHUSDT 1 " + (T0 + 3),
            "BTCUSDT 0 " + (T0 + 2), "ETHUSDT 1 " + (T0 + 1), "BTCUSDT 0 " + T0);
    }

    @Test
    void shouldReplayAJournalOfTheFirstFormatAndWriteOnInANewSegment() throws IOException
    {
        FirstFormatSegment.write(dir, 1, List.of(
            FirstFormatSegment.liquidation("BTCUSDT", 1, 150_000_000L, 9_000_000_000_000L, T0),
            FirstFormatSegment.gap(T0 + 1, T0 + 2),
            FirstFormatSegment.liquidation("ETHUSDT", 0, 2_000_000_000L, 300_000_000_000L, T0 + 3)));
        final RecordingVisitor first = new RecordingVisitor();
        try (Journal journal = Journal.open(context(dir), first))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(2);
            assertThat(btcSellsOnDayOf(journal, T0)).as("history reads the old segment").isEqualTo(1);
            append(journal, 4, 6);
            journal.endOfBatch();
            assertThat(journal.status(0).segments()).isEqualTo(2);
            assertThat(btcSellsOnDayOf(journal, T0)).as("and the new one beside it").isEqualTo(2);
        }
        assertThat(first.records()).containsExactly("ETHUSDT 0 " + (T0 + 3), "gap " + (T0 + 1) + ".." + (T0 + 2),
            "BTCUSDT 1 " + T0);
        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(dir), replayed))
        {
            assertThat(journal.recovery().segments()).isEqualTo(2);
            assertThat(journal.recovery().corruptRecords()).isZero();
        }
        assertThat(replayed.records()).containsExactly("BTCUSDT 1 " + (T0 + 5), "BTCUSDT 0 " + (T0 + 4),
            "ETHUSDT 0 " + (T0 + 3), "gap " + (T0 + 1) + ".." + (T0 + 2), "BTCUSDT 1 " + T0);
    }

    @Test
    void shouldKeepEveryRecordIntactWhileTouchingPagesJustAheadOfTheWriter()
    {
        final int count = 5 * RECORDS + 123;
        final RecordingVisitor ignored = new RecordingVisitor();
        try (Journal journal = Journal.open(context(dir), ignored, JournalPreparer.PAGE_BYTES))
        {
            for (int i = 0; i < count; i += 7)
            {
                append(journal, i, Math.min(count, i + 7));
                journal.endOfBatch();
            }
        }
        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(dir), replayed))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(count);
            assertThat(journal.recovery().corruptRecords()).isZero();
            assertThat(journal.recovery().truncatedRecords()).isZero();
        }
        final int last = count - 1;
        assertThat(replayed.records()).hasSize(count).first().isEqualTo("BTCUSDT " + (last & 1) + " " + (T0 + last));
    }

    @Test
    void shouldReportAFullDiskGoOnWithoutJournalingAndResumeWithAGapWhenSpaceReturns() throws Exception
    {
        final Path small = mountTmpfs("2m");

        final int appended = 8 * RECORDS;
        final long unjournaled;
        final List<Gap> disclosed = new ArrayList<>();
        try (Journal journal = Journal.open(context(small), new RecordingVisitor()))
        {
            journal.onDisclosedGap(disclosed::add);
            append(journal, 0, appended);
            journal.endOfBatch();
            final JournalStatus full = journal.status(0);
            assertThat(full.failure()).isNotNull();
            assertThat(full.failure().reason()).contains("No space left on device").doesNotContain("java.");
            assertThat(full.failures()).isEqualTo(1);
            assertThat(full.freeBytes()).isLessThan(SEGMENT_BYTES);
            unjournaled = full.unjournaledRecords();
            assertThat(unjournaled).isPositive().isLessThan(appended);
            assertThat(full.journalGaps()).isZero();

            assertThat(run("mount", "-o", "remount,size=8m", small.toString())).isZero();
            Await.until("the spare prepared once there is space", journal::spareReady);
            assertThat(journal.status(0).failure()).isNull();
            assertThat(journal.status(0).freeBytes()).isGreaterThan(SEGMENT_BYTES);
            append(journal, appended, appended + 100);
            journal.endOfBatch();
            assertThat(journal.status(0).unjournaledRecords()).isEqualTo(unjournaled);
            assertThat(journal.status(0).journalGaps()).isEqualTo(1);
        }
        final long firstLost = T0 + appended - unjournaled;
        assertThat(disclosed).as("heard as it was written").containsExactly(
            new Gap(firstLost, T0 + appended - 1, GapKind.JOURNAL));

        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(small), replayed))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(appended + 100 - unjournaled);
            assertThat(journal.recovery().gaps()).isEqualTo(1);
            assertThat(journal.recovery().corruptRecords()).isZero();
        }
        assertThat(replayed.records().subList(99, 102)).as("the gap spans the lost records, before the next one")
            .containsExactly("BTCUSDT 0 " + (T0 + appended), "journal gap " + firstLost + ".." + (T0 + appended - 1),
                "BTCUSDT " + ((appended - unjournaled - 1) & 1) + " " + (firstLost - 1));
    }

    @Test
    void shouldStartOnAFullDiskWithoutASegmentAndBeginJournalingWithAGapOnceThereIsSpace() throws Exception
    {
        final Path small = mountTmpfs("256k");

        try (Journal journal = Journal.open(context(small), new RecordingVisitor()))
        {
            final JournalStatus full = journal.status(0);
            assertThat(full.failure()).isNotNull();
            assertThat(full.failure().reason()).contains("No space left on device");
            assertThat(full.segments()).isZero();
            append(journal, 0, 10);
            journal.endOfBatch();
            assertThat(journal.status(0).unjournaledRecords()).isEqualTo(10);

            assertThat(run("mount", "-o", "remount,size=8m", small.toString())).isZero();
            Await.until("the first segment prepared once there is space", journal::spareReady);
            append(journal, 10, 12);
            journal.endOfBatch();
            assertThat(journal.status(0).failure()).isNull();
            assertThat(journal.status(0).segments()).isEqualTo(1);
        }

        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(small), replayed))
        {
            assertThat(journal.recovery().corruptRecords()).isZero();
        }
        assertThat(replayed.records()).containsExactly("BTCUSDT 1 " + (T0 + 11), "BTCUSDT 0 " + (T0 + 10),
            "journal gap " + T0 + ".." + (T0 + 9));
    }

    @Test
    void shouldRecoverWhatIsThereAndGoOnOnAFullDisk() throws Exception
    {
        final Path small = mountTmpfs("1m");
        try (Journal journal = Journal.open(context(small), new RecordingVisitor()))
        {
            append(journal, 0, 100);
            journal.endOfBatch();
        }
        fill(small);

        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(small), replayed))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(100);
            Await.until("the full disk reported", () -> journal.status(0).failure() != null);
            append(journal, 100, LIQUIDATIONS_PER_SEGMENT + 50);
            journal.endOfBatch();
            assertThat(journal.status(0).unjournaledRecords()).isEqualTo(50);
        }
        assertThat(replayed.records()).hasSize(100);
    }

    private static long btcSellsOnDayOf(final Journal journal, final long timeMs)
    {
        final long day = Timeframe.D1.bucketIndex(timeMs);
        final HistoryRange range = journal.history().volume("BTCUSDT", Timeframe.D1, day, day);
        return HistorySnapshots.of(range, "BTCUSDT", Timeframe.D1, day).sellCount();
    }

    private Path mountTmpfs(final String size) throws Exception
    {
        final Path small = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", small.toString()) == 0,
            "mounting a tmpfs is not permitted here");
        mounted = small;
        return small;
    }

    /** Writes a file until the filesystem has no space left. */
    private static void fill(final Path dir) throws IOException
    {
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler")))
        {
            final byte[] chunk = new byte[4096];
            while (true)
            {
                out.write(chunk);
            }
        }
        catch (final IOException ex)
        {
            assertThat(ex).hasMessageContaining("No space left on device");
        }
    }

    private static EngineContext context(final Path dataDir)
    {
        return new EngineContext().dataDir(dataDir).segmentBytes(SEGMENT_BYTES).conclude();
    }

    private void append(final Journal journal, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            journal.appendLiquidation(
                btc, symbols, 0, i & 1, quantityE8(i), 3_000_000_000_000L, T0 + i, T0 + i, System.nanoTime());
        }
    }

    private static long quantityE8(final int i)
    {
        return 1_000_000L + i;
    }

    private static List<Path> segmentFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> JournalDescriptor.segmentNumberOf(f.getFileName().toString()) > 0)
                .sorted()
                .toList();
        }
    }

    private static int run(final String... command) throws Exception
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
