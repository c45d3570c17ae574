package io.liqvol.gateway;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiquidationImporter;
import io.liqvol.engine.LiqvolEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldImportAFileAndPrintTheReportWithRejectedLines() throws IOException
    {
        final Path file = dir.resolve("BTCUSDT-liquidationSnapshot-2023-06-01.csv");
        Files.writeString(file, LiquidationImporter.HEADER + "\n"
            + "1685577600000,BTCUSDT,SELL,LIMIT,IOC,0.014,9910,9910,FILLED,0.014,0.014\n"
            + "1685577601000,BTCUSDT,SHORT,LIMIT,IOC,0.014,9910,9910,FILLED,0.014,0.014\n");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        final int exit = ImportCommand.run(dir.resolve("data"), List.of(file.toString()), new PrintStream(bytes, true));

        assertThat(exit).isEqualTo(ImportCommand.EXIT_REJECTS);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
            .contains("rows read:  2", "imported:   1", "duplicates: 0", "rejected:   1",
                "BTCUSDT-liquidationSnapshot-2023-06-01.csv:3: invalid side: SHORT");
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dir.resolve("data"))))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(1);
        }
    }

    @Test
    void shouldFailWithoutTouchingTheJournalWhenAFileIsMissing()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        final int exit = ImportCommand.run(
            dir.resolve("data"), List.of(dir.resolve("missing.csv").toString()), new PrintStream(bytes, true));

        assertThat(exit).isEqualTo(ImportCommand.EXIT_FAILED);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("not a file");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void shouldFailWhileAnotherEngineHoldsTheDataDirectory() throws IOException
    {
        final Path file = dir.resolve("day.csv");
        Files.writeString(file, LiquidationImporter.HEADER + "\n");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final LiqvolEngine running = LiqvolEngine.launch(new EngineContext().dataDir(dir.resolve("data")));
        try
        {
            final int exit =
                ImportCommand.run(dir.resolve("data"), List.of(file.toString()), new PrintStream(bytes, true));

            assertThat(exit).isEqualTo(ImportCommand.EXIT_FAILED);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("in use");
        }
        finally
        {
            running.close();
        }
    }
}
