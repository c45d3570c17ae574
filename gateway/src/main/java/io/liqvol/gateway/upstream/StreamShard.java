package io.liqvol.gateway.upstream;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A set of at most {@code maxStreamsPerConnection} streams and the connection that carries them: reconnected
 * with backoff when lost, replaced make-before-break when it nears the exchange's age limit (the new connection
 * is opened and subscribed before the old one is closed, so nothing falls between them). Event loop only.
 */
final class StreamShard implements ShardConnection.Listener
{
    /** Told when the shard starts or stops having a live connection. */
    interface Owner
    {
        void onShardStateChanged();

        ShardConnection newConnection(StreamShard shard, ShardConnection.Listener listener);
    }

    private static final System.Logger LOG = System.getLogger(StreamShard.class.getName());

    private final int index;
    private final UpstreamConfig config;
    private final EventLoop loop;
    private final Owner owner;
    private final UpstreamCounters counters;
    private final Set<String> wanted = new LinkedHashSet<>();
    private final Backoff backoff;
    private ShardConnection current;
    private ShardConnection successor;
    private ScheduledFuture<?> reconnectTask;
    private ScheduledFuture<?> rotationTask;
    private boolean counted;
    private boolean closed;

    StreamShard(final int index, final UpstreamConfig config, final EventLoop loop, final Owner owner,
        final UpstreamCounters counters, final boolean countedFromStart)
    {
        this.index = index;
        this.config = config;
        this.loop = loop;
        this.owner = owner;
        this.counters = counters;
        this.counted = countedFromStart;
        this.backoff = new Backoff(config.initialBackoffMs(), config.maxBackoffMs(), config.healthyAfterMs(),
            ThreadLocalRandom.current());
    }

    int index()
    {
        return index;
    }

    /** The streams this shard's connection should carry; its connections read it. */
    Set<String> wanted()
    {
        return wanted;
    }

    void start()
    {
        current = owner.newConnection(this, this);
    }

    void add(final String stream)
    {
        if (wanted.add(stream))
        {
            notifyConnections();
        }
    }

    void remove(final String stream)
    {
        if (wanted.remove(stream))
        {
            notifyConnections();
        }
    }

    boolean hasRoom()
    {
        return wanted.size() < config.maxStreamsPerConnection();
    }

    boolean isLive()
    {
        return current != null && current.isLive() || successor != null && successor.isLive();
    }

    /**
     * Whether the shard's state counts for gaps: shards present at start-up always, a shard added later only
     * once it was live, so that adding a stream is not mistaken for losing the upstream.
     */
    boolean counted()
    {
        return counted;
    }

    /** Closes the shard's connections gracefully; the futures complete when they ended. */
    List<Future<Void>> close()
    {
        closed = true;
        cancel(reconnectTask);
        cancel(rotationTask);
        final List<Future<Void>> closing = new ArrayList<>(2);
        for (final ShardConnection connection : new ShardConnection[] {successor, current})
        {
            if (connection != null)
            {
                connection.closeGracefully();
                closing.add(connection.ended());
            }
        }
        return closing;
    }

    /** Replaces the live connection make-before-break: the successor is opened and subscribed first. */
    void rotate()
    {
        cancel(rotationTask);
        if (closed || successor != null || current == null || !current.isLive())
        {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "shard {0}: rotating {1} before the exchange''s age limit", index, current);
        successor = owner.newConnection(this, this);
    }

    @Override
    public void onLive(final ShardConnection connection)
    {
        if (connection == successor)
        {
            final ShardConnection retiring = current;
            current = successor;
            successor = null;
            counters.increment(UpstreamCounters.ROTATIONS);
            if (retiring != null)
            {
                retiring.closeGracefully();
            }
        }
        if (connection == current)
        {
            counted = true;
            scheduleRotation(connection);
            owner.onShardStateChanged();
        }
    }

    @Override
    public void onClosed(final ShardConnection connection)
    {
        if (connection == current)
        {
            final long liveForMs = connection.liveSinceMs() > 0
                ? System.currentTimeMillis() - connection.liveSinceMs()
                : -1;
            backoff.onConnectionEnded(liveForMs);
            current = successor;
            successor = null;
            cancel(rotationTask);
            if (current == null && !closed)
            {
                scheduleReconnect();
            }
            owner.onShardStateChanged();
        }
        else if (connection == successor)
        {
            successor = null;
            if (!closed)
            {
                final long delayMs = backoff.nextDelayMs();
                LOG.log(System.Logger.Level.WARNING, "shard {0}: rotation failed, retrying in {1} ms", index, delayMs);
                rotationTask = loop.schedule(this::rotate, delayMs, TimeUnit.MILLISECONDS);
            }
            owner.onShardStateChanged();
        }
        else if (closed)
        {
            owner.onShardStateChanged();
        }
    }

    private void scheduleReconnect()
    {
        final long delayMs = backoff.nextDelayMs();
        LOG.log(System.Logger.Level.WARNING, "shard {0}: connection lost, reconnecting in {1} ms", index, delayMs);
        reconnectTask = loop.schedule(() ->
        {
            if (!closed && current == null)
            {
                counters.increment(UpstreamCounters.RECONNECTS);
                current = owner.newConnection(this, this);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void scheduleRotation(final ShardConnection connection)
    {
        cancel(rotationTask);
        final long dueMs = connection.openedAtMs() + config.rotateAfterMs();
        rotationTask = loop.schedule(this::rotate, Math.max(0, dueMs - System.currentTimeMillis()),
            TimeUnit.MILLISECONDS);
    }

    private void notifyConnections()
    {
        if (current != null)
        {
            current.wantedChanged();
        }
        if (successor != null)
        {
            successor.wantedChanged();
        }
    }

    private static void cancel(final ScheduledFuture<?> task)
    {
        if (task != null)
        {
            task.cancel(false);
        }
    }
}
