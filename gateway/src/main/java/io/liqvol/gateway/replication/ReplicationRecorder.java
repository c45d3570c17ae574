package io.liqvol.gateway.replication;

import io.aeron.ChannelUriStringBuilder;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.archive.Archive;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.liqvol.engine.journal.JournalTailer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;

import java.nio.file.Path;

/**
 * A recorder's replication: publishes the journal in {@code dataDir}, record by record and in journal order, on a
 * UDP stream whose control endpoint edges add themselves to (dynamic multi-destination-cast), and records that stream
 * in an Aeron Archive, from which edges replay before they merge into the live stream. The archive is started afresh
 * each run and the whole journal published into it again, so a recording always begins with the journal's oldest
 * record; edges skip what they already hold by the recorder's journal position each message carries.
 */
public final class ReplicationRecorder implements AutoCloseable
{
    /** Tags the archive's recording subscription: the stream's flow control waits for it, never for an edge. */
    static final long RECORDING_GROUP_TAG = 0x6C71766FL;

    private final AeronNode node;
    private final AeronArchive archiveClient;
    private final ExclusivePublication publication;
    private final JournalPublisher publisher;
    private final AgentRunner runner;

    private ReplicationRecorder(
        final AeronNode node, final AeronArchive archiveClient, final ExclusivePublication publication,
        final JournalPublisher publisher)
    {
        this.node = node;
        this.archiveClient = archiveClient;
        this.publication = publication;
        this.publisher = publisher;
        this.runner = new AgentRunner(AeronNode.idleStrategy(), Throwable::printStackTrace, null, publisher);
        AgentRunner.startOnThread(runner);
    }

    /** Starts the driver (if embedded), the archive, the recording and the publisher thread. */
    public static ReplicationRecorder start(final ReplicationConfig config, final Path dataDir)
    {
        final Archive.Context archiveContext = new Archive.Context()
            .archiveDir(config.archiveDir().toFile())
            .deleteArchiveOnStart(true)
            .controlChannel("aeron:udp?endpoint=" + config.archiveEndpoint())
            .replicationChannel("aeron:udp?endpoint=" + config.localHost() + ":0")
            .segmentFileLength(Math.max(config.termLength(), Archive.Configuration.segmentFileLength()));
        final AeronNode node = AeronNode.start(config, archiveContext);
        AeronArchive archiveClient = null;
        ExclusivePublication publication = null;
        try
        {
            final Archive.Context started = node.archive().context();
            archiveClient = AeronArchive.connect(new AeronArchive.Context()
                .aeron(node.aeron())
                .controlRequestChannel(started.localControlChannel())
                .controlRequestStreamId(started.localControlStreamId())
                .controlResponseChannel(started.localControlChannel()));
            publication = node.aeron().addExclusivePublication(liveChannel(config), config.streamId());
            archiveClient.startRecording(recordingChannel(config, publication.sessionId()), config.streamId(),
                SourceLocation.REMOTE, true);
            return new ReplicationRecorder(node, archiveClient, publication,
                new JournalPublisher(new JournalTailer(dataDir), publication, config.recorderId()));
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietCloseAll(publication, archiveClient, node);
            throw e;
        }
    }

    static String liveChannel(final ReplicationConfig config)
    {
        return new ChannelUriStringBuilder()
            .media(CommonContext.UDP_MEDIA)
            .controlEndpoint(config.liveEndpoint())
            .controlMode(CommonContext.MDC_CONTROL_MODE_DYNAMIC)
            .termLength(config.termLength())
            .taggedFlowControl(RECORDING_GROUP_TAG, 1, "5s")
            .build();
    }

    private static String recordingChannel(final ReplicationConfig config, final int sessionId)
    {
        return new ChannelUriStringBuilder()
            .media(CommonContext.UDP_MEDIA)
            .endpoint(config.localHost() + ":0")
            .controlEndpoint(config.liveEndpoint())
            .sessionId(sessionId)
            .groupTag(RECORDING_GROUP_TAG)
            .build();
    }

    /** Messages published so far. */
    public long published()
    {
        return publisher.published();
    }

    /** Offers refused and tried again (back pressure, or before the recording connected). */
    public long refusedOffers()
    {
        return publisher.refusedOffers();
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(runner, publication, archiveClient, node);
    }
}
