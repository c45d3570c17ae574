package io.liqvol.engine.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

class JournalPreparerTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final long SEGMENT_BYTES = JournalDescriptor.recordOffset(1024);
    private static final long TOUCH_AHEAD_BYTES = 16 * 1024;

    @TempDir
    Path dir;

    private final List<JournalSegment> segments = new CopyOnWriteArrayList<>();

    @Test
    void shouldPrepareTheNextSegmentAndHandTheSealedOneToTheRollUpOnceTheWriterTakesIt() throws IOException
    {
        final JournalHistory history = new JournalHistory(dir, segments, 0, () -> T0);
        final AtomicReference<JournalSegment> current = new AtomicReference<>(firstSegment(history));
        final JournalSegment third;
        try (JournalPreparer preparer =
            new JournalPreparer(dir, SEGMENT_BYTES, TOUCH_AHEAD_BYTES, history, () -> T0, current::get, null))
        {
            Await.until("the second segment prepared", () -> preparer.spare() != null);
            final JournalSegment second = preparer.spare();
            assertThat(second.number()).isEqualTo(2);
            assertThat(Files.size(second.path())).isEqualTo(SEGMENT_BYTES);
            assertThat(JournalSegment.isAbandoned(second.path())).as("not announced before the roll").isTrue();

            second.activate(T0);
            segments.add(second);
            current.set(second);
            Await.until("the third segment prepared",
                () -> preparer.spare() != null && preparer.spare().number() == 3);
            third = preparer.spare();
            history.awaitRollups();
            assertThat(dir.resolve(RollupDescriptor.fileName(1))).exists();
            assertThat(JournalSegment.isAbandoned(second.path())).isFalse();
            assertThat(preparer.failure()).isNull();
        }
        finally
        {
            history.close();
        }
        assertThat(third.path()).as("an unused spare is deleted on close").doesNotExist();
    }

    @Test
    void shouldReportAFailureAndRetryUntilTheSegmentCanBePrepared() throws IOException
    {
        final JournalHistory history = new JournalHistory(dir, segments, 0, System::currentTimeMillis);
        final AtomicReference<JournalSegment> current = new AtomicReference<>(firstSegment(history));
        final Path missing = dir.resolve("missing");
        try (JournalPreparer preparer = new JournalPreparer(
            missing, SEGMENT_BYTES, TOUCH_AHEAD_BYTES, history, System::currentTimeMillis, current::get, null))
        {
            Await.until("the failure reported", () -> preparer.failure() != null);
            assertThat(preparer.failure().reason()).contains("missing");
            assertThat(preparer.spare()).isNull();

            Files.createDirectory(missing);
            Await.until("the segment prepared on a retry", () -> preparer.spare() != null);
            assertThat(preparer.failure()).isNull();
            assertThat(preparer.spare().path()).isEqualTo(missing.resolve(JournalDescriptor.segmentFileName(2)));
        }
        finally
        {
            history.close();
        }
    }

    private JournalSegment firstSegment(final JournalHistory history) throws IOException
    {
        final JournalSegment first = JournalSegment.create(dir, 1, SEGMENT_BYTES, T0);
        final CRC32C crc = new CRC32C();
        final int btc = first.writeSymbol(0, crc, first.checksumView(), "BTCUSDT".getBytes(StandardCharsets.US_ASCII));
        first.writeLiquidation(1, crc, first.checksumView(), btc, 0, 0, 1_000_000L, 3_000_000_000_000L, T0, T0, T0);
        first.commit(2);
        history.opened(first, false);
        segments.add(first);
        return first;
    }
}
