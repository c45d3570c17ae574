package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.engine.Venue;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Binance USD-M stream client a desk can leave running: combined-stream connections carrying at most
 * {@code maxStreamsPerConnection} streams each, live SUBSCRIBE / UNSUBSCRIBE paced under the exchange's limit,
 * reconnects with capped backoff and jitter, make-before-break rotation before the 24-hour cut, an idle timeout
 * for silent connections, and a record of every interval without a live connection. forceOrder events go raw
 * into the {@link FrameSink}; kline events to their listeners.
 *
 * <p>In {@link UpstreamMode#ALL_MARKET} one {@code !forceOrder@arr} stream records every symbol; in
 * {@link UpstreamMode#PER_SYMBOL} a symbol's stream is subscribed while {@link #acquire} outnumbers
 * {@link #release}. All state lives on one event loop of the given group; the public methods may be called
 * from any thread.
 */
public final class BinanceUpstream implements AutoCloseable
{
    /**
     * Binance pushes a liquidation up to its 1000 ms snapshot window after its trade time, so one traded this long
     * before a connection was lost may never have been pushed on it: the gap starts that much earlier.
     */
    static final long SNAPSHOT_WINDOW_MS = 1000;

    private static final System.Logger LOG = System.getLogger(BinanceUpstream.class.getName());
    private static final String ALL_FORCE_ORDERS = "!forceOrder@arr";

    private final UpstreamConfig config;
    private final EventLoop loop;
    private final UpstreamChannels channels;
    private final UpstreamCounters counters = new UpstreamCounters();
    private final FrameRouter router;
    private final GapTracker gaps;
    private final ShardSet shards;
    private final Map<String, Integer> symbolReferences = new HashMap<>();
    private final Map<String, List<KlineListener>> klineListeners = new HashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int connectionNumber;

    public BinanceUpstream(final UpstreamConfig config, final FrameSink sink, final Consumer<Gap> gapSink,
        final EventLoopGroup group)
    {
        this.config = config.conclude();
        this.loop = group.next();
        this.channels = new UpstreamChannels(config);
        this.router = new FrameRouter(sink, this::dispatchKline, counters);
        this.gaps = new GapTracker(Venue.BINANCE, gapSink, config.maxGapsKept());
        this.shards = new ShardSet(this.config, loop, counters, gaps, SNAPSHOT_WINDOW_MS, this::newConnection);
    }

    /** Connects; until the first connection is live, the time counts as a gap. */
    public void start()
    {
        if (!started.compareAndSet(false, true))
        {
            return;
        }
        loop.execute(() ->
        {
            shards.start(config.mode() == UpstreamMode.ALL_MARKET ? List.of(ALL_FORCE_ORDERS) : List.of());
            LOG.log(System.Logger.Level.INFO, "upstream {0} ({1}) starting", config.wsBaseUrl(), config.mode().code());
        });
    }

    /** A client started watching the symbol; in per-symbol mode its stream is subscribed for the first one. */
    public void acquire(final String symbol)
    {
        final String key = symbol.toUpperCase(Locale.ROOT);
        loop.execute(() ->
        {
            if (symbolReferences.merge(key, 1, Integer::sum) == 1 && config.mode() == UpstreamMode.PER_SYMBOL)
            {
                addStream(forceOrderStream(key));
            }
        });
    }

    /** A client stopped watching the symbol; in per-symbol mode the last one unsubscribes its stream. */
    public void release(final String symbol)
    {
        final String key = symbol.toUpperCase(Locale.ROOT);
        loop.execute(() ->
        {
            final Integer references = symbolReferences.get(key);
            if (references == null)
            {
                LOG.log(System.Logger.Level.WARNING, "release of {0} without acquire ignored", key);
                return;
            }
            if (references > 1)
            {
                symbolReferences.put(key, references - 1);
                return;
            }
            symbolReferences.remove(key);
            if (config.mode() == UpstreamMode.PER_SYMBOL)
            {
                removeStream(forceOrderStream(key));
            }
        });
    }

    /**
     * Relays the symbol's kline stream (such as {@code btcusdt@kline_1m}) to the listener until the returned
     * handle is closed; the stream is subscribed while it has at least one listener.
     */
    public AutoCloseable subscribeKlines(final String symbol, final String interval, final KlineListener listener)
    {
        final String stream = symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval;
        loop.execute(() ->
        {
            final List<KlineListener> listeners = klineListeners.computeIfAbsent(stream,
                key -> new CopyOnWriteArrayList<>());
            listeners.add(listener);
            if (listeners.size() == 1)
            {
                addStream(stream);
            }
        });
        final AtomicBoolean open = new AtomicBoolean(true);
        return () ->
        {
            if (open.compareAndSet(true, false))
            {
                loop.execute(() -> removeKlineListener(stream, listener));
            }
        };
    }

    /** How many clients watch the symbol now (reference count of {@link #acquire}). */
    public int references(final String symbol)
    {
        return onLoop(() -> symbolReferences.getOrDefault(symbol.toUpperCase(Locale.ROOT), 0));
    }

    public UpstreamStatus status()
    {
        return shards.status();
    }

    /** When the interval without a live connection under way began, or -1 while live; any thread. */
    public long openGapFromMs()
    {
        return gaps.openSinceMs();
    }

    public UpstreamCounters counters()
    {
        return counters;
    }

    /** Closes every connection gracefully, waiting at most the close timeout. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final List<Future<Void>> closing = onLoop(shards::close);
        final long deadlineMs = System.currentTimeMillis() + config.closeTimeoutMs() + 1000;
        for (final Future<Void> closeFuture : closing)
        {
            closeFuture.awaitUninterruptibly(Math.max(1, deadlineMs - System.currentTimeMillis()));
        }
        shards.closed();
        channels.close();
    }

    private ShardConnection newConnection(final StreamShard shard, final ShardConnection.Listener listener)
    {
        final UpstreamConnection connection = new UpstreamConnection("upstream#" + shard.index() + "."
            + ++connectionNumber, BinanceProtocol.INSTANCE, config, loop, shard.wanted(), listener, counters);
        connection.connect(channels, router);
        return connection;
    }

    private void addStream(final String stream)
    {
        if (!closed.get())
        {
            shards.add(stream);
        }
    }

    private void removeStream(final String stream)
    {
        shards.remove(stream);
    }

    private void removeKlineListener(final String stream, final KlineListener listener)
    {
        final List<KlineListener> listeners = klineListeners.get(stream);
        if (listeners != null && listeners.remove(listener) && listeners.isEmpty())
        {
            klineListeners.remove(stream);
            removeStream(stream);
        }
    }

    private void dispatchKline(final String stream, final KlineDecoder.KlineEvent event)
    {
        final List<KlineListener> listeners = klineListeners.get(stream);
        if (listeners == null)
        {
            counters.increment(UpstreamCounters.IGNORED_FRAMES);
            return;
        }
        for (final KlineListener listener : listeners)
        {
            listener.onKline(event.symbol(), event.interval(), event.kline());
        }
    }

    private static String forceOrderStream(final String symbol)
    {
        return symbol.toLowerCase(Locale.ROOT) + "@forceOrder";
    }

    private <T> T onLoop(final Callable<T> task)
    {
        if (loop.inEventLoop())
        {
            try
            {
                return task.call();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        return loop.submit(task).syncUninterruptibly().getNow();
    }
}
