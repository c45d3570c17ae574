package io.liqvol.engine;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liqvol.engine.journal.JournalDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: any CSV file through {@link LiquidationImporter} into one engine's journal is read to its end
 * without an exception, and every data row is accounted for exactly once: imported, already recorded, or rejected
 * with a line inside the file. Seeds in {@code LiquidationImporterFuzzTestInputs}.
 */
class LiquidationImporterFuzzTest
{
    @TempDir
    static Path dir;

    private static LiqvolEngine engine;

    @BeforeAll
    static void launch()
    {
        engine = LiqvolEngine.launch(new EngineContext().dataDir(dir.resolve("data"))
            .segmentBytes(JournalDescriptor.recordOffset(16_384)));
    }

    @AfterAll
    static void close()
    {
        engine.close();
    }

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({LiquidationImporter.HEADER, "1685577600000,BTCUSDT,SELL,LIMIT,IOC,", ",FILLED,", "BUY",
        ",0.014,27000.5,27010.1,", "\"", "2023-06-01 00:00:00"})
    void shouldAccountForEveryRowOfAnyCsv(final byte[] csv) throws IOException
    {
        final Path file = Files.write(dir.resolve("fuzz-liquidationSnapshot.csv"), csv);
        final ImportReport report = new LiquidationImporter(engine).importFiles(List.of(file));

        assertThat(report.imported() + report.duplicates() + report.rejected()).isEqualTo(report.rowsRead());
        final long lines = new String(csv, StandardCharsets.UTF_8).lines().count();
        final long reported = Math.min(report.rejected(), LiquidationImporter.MAX_REPORTED_REJECTS);
        assertThat(report.rejects()).hasSize((int)reported)
            .allSatisfy(row -> assertThat(row.line()).isBetween(1L, lines));
    }
}
