package io.liqvol.gateway.replication;

import io.aeron.Aeron;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * This process's Aeron: the media driver (embedded, or a standalone one connected to), optionally an archive on it,
 * and the client. Shared threading keeps it to one driver thread on small machines; idle threads park at most
 * {@link #MAX_PARK_NS}, which bounds what idling adds to latency.
 */
final class AeronNode implements AutoCloseable
{
    static final long MAX_PARK_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final MediaDriver driver;
    private final Archive archive;
    private final Aeron aeron;

    private AeronNode(final MediaDriver driver, final Archive archive, final Aeron aeron)
    {
        this.driver = driver;
        this.archive = archive;
        this.aeron = aeron;
    }

    /** Starts the driver if embedded, then the archive if {@code archiveContext} is not null, then the client. */
    static AeronNode start(final ReplicationConfig config, final Archive.Context archiveContext)
    {
        MediaDriver driver = null;
        Archive archive = null;
        try
        {
            if (config.embeddedDriver())
            {
                driver = MediaDriver.launch(new MediaDriver.Context()
                    .aeronDirectoryName(config.aeronDir())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true)
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(idleStrategy())
                    .publicationTermBufferLength(config.termLength())
                    .ipcTermBufferLength(config.termLength())
                    .termBufferSparseFile(true)
                    .spiesSimulateConnection(false));
            }
            if (archiveContext != null)
            {
                archive = Archive.launch(archiveContext
                    .aeronDirectoryName(config.aeronDir())
                    .threadingMode(ArchiveThreadingMode.SHARED)
                    .idleStrategySupplier(AeronNode::idleStrategy)
                    .recordingEventsEnabled(false));
            }
            final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(config.aeronDir()));
            return new AeronNode(driver, archive, aeron);
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietCloseAll(archive, driver);
            throw e;
        }
    }

    static IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(10, 20, 1_000, MAX_PARK_NS);
    }

    Aeron aeron()
    {
        return aeron;
    }

    /** The archive started here, or null. */
    Archive archive()
    {
        return archive;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(aeron, archive, driver);
    }
}
