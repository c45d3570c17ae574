package io.liqvol.engine.journal;

import io.liqvol.engine.EngineContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
            append(journal, 0, RECORDS + 1);
            journal.endOfBatch();
            final JournalStatus status = journal.status(0);
            assertThat(status.segments()).isEqualTo(2);
            assertThat(status.newestSegmentRecords()).isEqualTo(1);
            assertThat(status.rollStalls()).isZero();
            assertThat(status.failure()).isNull();
            Await.until("the next spare prepared", journal::spareReady);
            assertThat(segmentFiles(dir)).hasSize(3);
        }
        assertThat(segmentFiles(dir)).containsExactly(
            dir.resolve(JournalDescriptor.segmentFileName(1)), dir.resolve(JournalDescriptor.segmentFileName(2)));
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
    void shouldReportAFullDiskGoOnWithoutJournalingAndResumeWhenSpaceReturns() throws Exception
    {
        final Path small = Files.createDirectory(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()) == 0,
            "mounting a tmpfs is not permitted here");
        mounted = small;

        final int appended = 8 * RECORDS;
        final long unjournaled;
        try (Journal journal = Journal.open(context(small), new RecordingVisitor()))
        {
            append(journal, 0, appended);
            journal.endOfBatch();
            final JournalStatus full = journal.status(0);
            assertThat(full.failure()).isNotNull();
            assertThat(full.failure().reason()).contains("No space left on device");
            unjournaled = full.unjournaledRecords();
            assertThat(unjournaled).isPositive().isLessThan(appended);

            assertThat(run("mount", "-o", "remount,size=8m", small.toString())).isZero();
            Await.until("the spare prepared once there is space", journal::spareReady);
            assertThat(journal.status(0).failure()).isNull();
            append(journal, appended, appended + 100);
            assertThat(journal.status(0).unjournaledRecords()).isEqualTo(unjournaled);
        }

        try (Journal journal = Journal.open(context(small), new RecordingVisitor()))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(appended + 100 - unjournaled);
            assertThat(journal.recovery().corruptRecords()).isZero();
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
                btc, symbols, i & 1, quantityE8(i), 3_000_000_000_000L, T0 + i, T0 + i, System.nanoTime());
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
