package io.liqvol.gateway.replication;

import io.liqvol.engine.LiqvolEngine;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An edge's replication: follows the recorders {@link ReplicationConfig#from()} names into {@code engine} (see
 * {@link EdgeFeed}), resuming where {@code replication.positions} in the data directory says it was, with the
 * recorders' gaps {@code replication.gaps} holds.
 */
public final class ReplicationEdge implements AutoCloseable
{
    static final int QUEUE_CAPACITY = 4096;

    private final AeronNode node;
    private final ReplicationCheckpoint checkpoint;
    private final ReplicationGapLog gapLog;
    private final List<ReplicationFollower> followers;
    private final EdgeFeed feed;
    private final AgentRunner runner;

    private ReplicationEdge(
        final AeronNode node, final ReplicationCheckpoint checkpoint, final ReplicationGapLog gapLog,
        final List<ReplicationFollower> followers, final EdgeFeed feed)
    {
        this.node = node;
        this.checkpoint = checkpoint;
        this.gapLog = gapLog;
        this.followers = followers;
        this.feed = feed;
        this.runner = new AgentRunner(AeronNode.idleStrategy(), Throwable::printStackTrace, null, feed);
        AgentRunner.startOnThread(runner);
    }

    public static ReplicationEdge start(final ReplicationConfig config, final Path dataDir, final LiqvolEngine engine)
    {
        final AeronNode node = AeronNode.start(config, null);
        ReplicationCheckpoint checkpoint = null;
        ReplicationGapLog gapLog = null;
        try
        {
            checkpoint = ReplicationCheckpoint.open(dataDir);
            gapLog = ReplicationGapLog.open(dataDir);
            final List<ReplicationFollower> followers = new ArrayList<>();
            final int[] slots = new int[config.from().size()];
            for (int i = 0; i < slots.length; i++)
            {
                final String endpoint = config.from().get(i);
                slots[i] = checkpoint.slotOf(endpoint);
                followers.add(new ReplicationFollower(node.aeron(), config, endpoint, i,
                    new MessageQueue(QUEUE_CAPACITY), checkpoint.recordingId(slots[i]),
                    checkpoint.startTimeMs(slots[i]), checkpoint.position(slots[i]),
                    checkpoint.journalPosition(slots[i])));
            }
            return new ReplicationEdge(node, checkpoint, gapLog, followers,
                new EdgeFeed(engine, followers, checkpoint, slots, gapLog));
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietCloseAll(gapLog, checkpoint, node);
            throw e;
        }
    }

    /** Caught up with a recorder's live stream (and stays so). */
    public boolean ready()
    {
        return feed.ready();
    }

    /** Messages handed to the engine since the start. */
    public long handed()
    {
        return feed.handed();
    }

    /** Liquidations from recorders skipped because this build does not know their venue. */
    public long unknownVenues()
    {
        return feed.unknownVenues();
    }

    /** Per recorder followed: its archive endpoint, whether merged into its live stream, messages and reconnects. */
    public List<RecorderStatus> recorders()
    {
        final List<RecorderStatus> statuses = new ArrayList<>(followers.size());
        for (final ReplicationFollower follower : followers)
        {
            statuses.add(new RecorderStatus(follower.endpoint(), follower.merged(), follower.received(),
                follower.reconnects()));
        }
        return statuses;
    }

    /** One followed recorder's state, for {@code /health}. */
    public record RecorderStatus(String endpoint, boolean live, long received, long reconnects)
    {
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(runner, gapLog, checkpoint, node);
    }
}
