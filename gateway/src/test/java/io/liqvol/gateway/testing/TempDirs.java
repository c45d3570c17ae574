package io.liqvol.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary data directories for tests that open gateways outside JUnit's {@code @TempDir} (a harness, a restart on
 * the same directory): deleted with everything in them when the test JVM exits. Journals preallocate their segments,
 * so directories left behind fill a disk within days of test runs.
 */
public final class TempDirs
{
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static
    {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TempDirs::deleteTree), "temp-dirs"));
    }

    private TempDirs()
    {
    }

    public static Path create(final String prefix)
    {
        try
        {
            final Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException e)
        {
            // Best effort at exit: a directory already gone, or one a crashed process still holds.
        }
    }
}
