package io.liqvol.gateway.replication;

import io.aeron.CommonContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What replication tests share: free UDP ports and media driver directories of their own, removed after. */
final class ReplicationTesting
{
    private ReplicationTesting()
    {
    }

    static int freeUdpPort()
    {
        try (DatagramSocket probe = new DatagramSocket(0))
        {
            return probe.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** A new media driver directory (in /dev/shm where there is one), named after its owner. */
    static Path aeronDir(final String name)
    {
        return Path.of(CommonContext.generateRandomDirName() + "-" + name);
    }

    static void deleteTree(final Path root) throws IOException
    {
        if (Files.exists(root))
        {
            try (Stream<Path> paths = Files.walk(root))
            {
                for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
                {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
