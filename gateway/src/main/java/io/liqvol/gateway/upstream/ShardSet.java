package io.liqvol.gateway.upstream;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams of one venue spread over shards of at most {@code maxStreamsPerConnection}, and the venue's gaps:
 * while any counted shard has no live connection the venue is down, from {@code lossWindowMs} before the loss
 * (what the venue may have traded but not yet pushed) until every shard is live again. Event loop only, except
 * {@link #connectedSinceMs()}.
 */
final class ShardSet implements StreamShard.Owner
{
    /** Opens a connection for the shard, with the venue's protocol and router. */
    interface ConnectionFactory
    {
        ShardConnection open(StreamShard shard, ShardConnection.Listener listener);
    }

    private final UpstreamConfig config;
    private final EventLoop loop;
    private final UpstreamCounters counters;
    private final GapTracker gaps;
    private final long lossWindowMs;
    private final ConnectionFactory factory;
    private final List<StreamShard> shards = new ArrayList<>();
    private final Map<String, StreamShard> shardByStream = new HashMap<>();
    private volatile long connectedSinceMs;
    private boolean running;
    private boolean closed;
    private int shardNumber;

    ShardSet(final UpstreamConfig config, final EventLoop loop, final UpstreamCounters counters,
        final GapTracker gaps, final long lossWindowMs, final ConnectionFactory factory)
    {
        this.config = config;
        this.loop = loop;
        this.counters = counters;
        this.gaps = gaps;
        this.lossWindowMs = lossWindowMs;
        this.factory = factory;
    }

    /** Opens the gap of the start-up, then connects every shard with the given streams. */
    void start(final List<String> streams)
    {
        gaps.down(System.currentTimeMillis());
        if (shards.isEmpty())
        {
            addShard();
        }
        for (final String stream : streams)
        {
            add(stream);
        }
        running = true;
        for (final StreamShard shard : shards)
        {
            shard.start();
        }
    }

    boolean contains(final String stream)
    {
        return shardByStream.containsKey(stream);
    }

    void add(final String stream)
    {
        if (closed || shardByStream.containsKey(stream))
        {
            return;
        }
        StreamShard target = null;
        for (final StreamShard shard : shards)
        {
            if (shard.hasRoom())
            {
                target = shard;
                break;
            }
        }
        if (target == null)
        {
            target = addShard();
            if (running)
            {
                target.start();
            }
        }
        target.add(stream);
        shardByStream.put(stream, target);
    }

    void remove(final String stream)
    {
        final StreamShard shard = shardByStream.remove(stream);
        if (shard == null)
        {
            return;
        }
        shard.remove(stream);
        if (shard.wanted().isEmpty() && shards.indexOf(shard) > 0)
        {
            shards.remove(shard);
            shard.close();
            onShardStateChanged();
        }
    }

    int shardCount()
    {
        return shards.size();
    }

    /** The venue's state for {@code /health}; any thread. */
    UpstreamStatus status()
    {
        final long sinceMs = connectedSinceMs;
        return new UpstreamStatus(sinceMs > 0, sinceMs, counters.reconnects(), counters.framesReceived(),
            counters.malformedFrames(), gaps.recent());
    }

    /** When every shard last became live, 0 while one is not; any thread. */
    long connectedSinceMs()
    {
        return connectedSinceMs;
    }

    /** Closes every shard gracefully; the futures complete when their connections ended. */
    List<Future<Void>> close()
    {
        closed = true;
        final List<Future<Void>> closing = new ArrayList<>();
        for (final StreamShard shard : shards)
        {
            closing.addAll(shard.close());
        }
        return closing;
    }

    /** After {@link #close()}: no longer connected, and the end is not a gap. */
    void closed()
    {
        connectedSinceMs = 0;
    }

    @Override
    public void onShardStateChanged()
    {
        boolean live = !shards.isEmpty();
        for (final StreamShard shard : shards)
        {
            if (shard.counted() && !shard.isLive())
            {
                live = false;
            }
        }
        final long nowMs = System.currentTimeMillis();
        if (live && connectedSinceMs == 0)
        {
            gaps.up(nowMs);
            connectedSinceMs = nowMs;
        }
        else if (!live && connectedSinceMs != 0 && !closed)
        {
            gaps.down(nowMs - lossWindowMs);
            connectedSinceMs = 0;
        }
    }

    @Override
    public ShardConnection newConnection(final StreamShard shard, final ShardConnection.Listener listener)
    {
        return factory.open(shard, listener);
    }

    /** Shards that exist when the set starts count for gaps at once, later ones once they were live. */
    private StreamShard addShard()
    {
        final StreamShard shard = new StreamShard(shardNumber++, config, loop, this, counters, !running);
        shards.add(shard);
        return shard;
    }
}
