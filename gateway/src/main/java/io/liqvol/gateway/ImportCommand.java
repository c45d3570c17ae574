package io.liqvol.gateway;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.ImportReport;
import io.liqvol.engine.LiquidationImporter;
import io.liqvol.engine.LiqvolEngine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar liqvol.jar import FILE...}: loads Binance {@code liquidationSnapshot} CSV files (plain or zipped)
 * into the journal of the data directory, which must not be in use by a running gateway, and prints what happened.
 */
public final class ImportCommand
{
    public static final int EXIT_OK = 0;
    public static final int EXIT_REJECTS = 1;
    public static final int EXIT_FAILED = 2;

    private ImportCommand()
    {
    }

    /** Returns the exit code: 0 every row imported or already recorded, 1 some rows rejected, 2 nothing done. */
    public static int run(final Path dataDir, final List<String> files, final PrintStream out)
    {
        if (files.isEmpty())
        {
            out.println("usage: import FILE...   (liquidationSnapshot .csv or .zip files)");
            return EXIT_FAILED;
        }
        final List<Path> paths = new ArrayList<>();
        for (final String file : files)
        {
            final Path path = Path.of(file);
            if (!Files.isRegularFile(path))
            {
                out.println("not a file: " + file);
                return EXIT_FAILED;
            }
            paths.add(path);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dataDir).liveRecording(false)))
        {
            final ImportReport report = new LiquidationImporter(engine).importFiles(paths);
            out.println("imported " + paths.size() + " file(s) into " + dataDir);
            out.println("rows read:  " + report.rowsRead());
            out.println("imported:   " + report.imported());
            out.println("duplicates: " + report.duplicates());
            out.println("rejected:   " + report.rejected());
            for (final ImportReport.RejectedRow reject : report.rejects())
            {
                out.println("  " + reject.file() + ":" + reject.line() + ": " + reject.reason());
            }
            if (report.rejected() > report.rejects().size())
            {
                out.println("  ... and " + (report.rejected() - report.rejects().size()) + " more");
            }
            return report.rejected() == 0 ? EXIT_OK : EXIT_REJECTS;
        }
        catch (final IOException | UncheckedIOException | IllegalStateException ex)
        {
            out.println("import failed: " + ex.getMessage());
            return EXIT_FAILED;
        }
    }
}
