package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.engine.Venue;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The client of one venue beside Binance (Bybit, OKX): loads the venue's instruments (or takes a configured symbol
 * list), hands them to the {@link InstrumentSink} before subscribing, then keeps every liquidation topic subscribed
 * over shards of connections with the guarantees of the Binance client: back-off with jitter, make-before-break
 * rotation, idle detection and a gap recorded for every interval without a live connection. Liquidation frames go
 * whole to the {@link VenueFrameSink}. A refresh of the instruments adds new ones. All state lives on one event
 * loop of the given group; the public methods may be called from any thread.
 */
public final class VenueUpstream implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(VenueUpstream.class.getName());

    private final Venue venue;
    private final VenueProtocol protocol;
    private final UpstreamConfig config;
    private final List<String> configuredSymbols;
    private final InstrumentSink instrumentSink;
    private final EventLoop loop;
    private final UpstreamChannels channels;
    private final RestGet rest;
    private final UpstreamCounters counters = new UpstreamCounters();
    private final VenueFrameRouter router;
    private final GapTracker gaps;
    private final ShardSet shards;
    private final Backoff loadBackoff;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<VenueInstrument> instruments = List.of();
    private ScheduledFuture<?> pending;
    private boolean subscribed;
    private int connectionNumber;

    /**
     * @param configuredSymbols Bybit symbols to record instead of every listed one (empty: from the venue's REST)
     */
    public VenueUpstream(final Venue venue, final UpstreamConfig config, final List<String> configuredSymbols,
        final VenueFrameSink sink, final InstrumentSink instrumentSink, final Consumer<Gap> gapSink,
        final EventLoopGroup group)
    {
        this.venue = venue;
        this.protocol = VenueProtocol.of(venue);
        this.config = config.conclude();
        this.configuredSymbols = List.copyOf(configuredSymbols);
        if (venue == Venue.OKX && !this.configuredSymbols.isEmpty())
        {
            throw new IllegalArgumentException("OKX symbols come from its instruments (contract values)");
        }
        this.instrumentSink = instrumentSink;
        this.loop = group.next();
        this.channels = new UpstreamChannels(this.config);
        this.rest = new RestGet(this.config, loop, channels);
        this.router = new VenueFrameRouter(protocol, sink, counters);
        this.gaps = new GapTracker(venue, gapSink, this.config.maxGapsKept());
        this.shards = new ShardSet(this.config, loop, counters, gaps, protocol.lossWindowMs(), this::newConnection);
        this.loadBackoff = new Backoff(this.config.initialBackoffMs(), this.config.maxBackoffMs(), 0,
            ThreadLocalRandom.current());
    }

    /** The venue's settings with its public endpoints, keep-alive and limits; not yet concluded. */
    public static UpstreamConfig defaults(final Venue venue)
    {
        return switch (venue)
        {
            // Bybit: ping every 20 s; public subscribe requests take at most 10 args (docs/v5/ws/connect).
            case BYBIT -> new UpstreamConfig().wsBaseUrl("wss://stream.bybit.com/v5/public/linear")
                .restBaseUrl("https://api.bybit.com").pingIntervalMs(20_000).idleTimeoutMs(45_000)
                .maxStreamsPerMessage(10).maxStreamsPerConnection(200);
            // OKX: ping after silence well inside its 30 s cut; expect a pong before the idle timeout.
            case OKX -> new UpstreamConfig().wsBaseUrl("wss://ws.okx.com:8443/ws/v5/public")
                .restBaseUrl("https://www.okx.com").pingIntervalMs(25_000).idleTimeoutMs(40_000)
                .maxStreamsPerMessage(10);
            default -> throw new IllegalArgumentException(venue + " is configured by UpstreamConfig's defaults");
        };
    }

    public Venue venue()
    {
        return venue;
    }

    /**
     * Loads the instruments (retried with back-off until they load), registers them, then connects; the time
     * until every shard is live counts as a gap.
     */
    public void start()
    {
        if (!started.compareAndSet(false, true))
        {
            return;
        }
        loop.execute(() ->
        {
            gaps.down(System.currentTimeMillis());
            load();
        });
    }

    /** The instruments registered so far (canonical symbols and contract sizes); any thread. */
    public List<VenueInstrument> instruments()
    {
        return instruments;
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

    /** Connections the venue's topics are spread over. */
    public int shardCount()
    {
        return loop.submit(shards::shardCount).syncUninterruptibly().getNow();
    }

    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final List<Future<Void>> closing = loop.submit(() ->
        {
            if (pending != null)
            {
                pending.cancel(false);
            }
            return shards.close();
        }).syncUninterruptibly().getNow();
        final long deadlineMs = System.currentTimeMillis() + config.closeTimeoutMs() + 1000;
        for (final Future<Void> closeFuture : closing)
        {
            closeFuture.awaitUninterruptibly(Math.max(1, deadlineMs - System.currentTimeMillis()));
        }
        shards.closed();
        channels.close();
    }

    private void load()
    {
        final CompletableFuture<List<VenueInstrument>> loading = configuredSymbols.isEmpty()
            ? protocol.instruments(rest)
            : CompletableFuture.completedFuture(configured());
        loading.whenComplete((loaded, failure) -> loop.execute(() -> onLoaded(loaded, failure)));
    }

    private List<VenueInstrument> configured()
    {
        final List<VenueInstrument> listed = new ArrayList<>(configuredSymbols.size());
        for (final String symbol : configuredSymbols)
        {
            listed.add(new VenueInstrument(symbol, symbol, VenueInstrument.BASE_QUANTITY_E8));
        }
        return listed;
    }

    /** New instruments are registered before their topics are subscribed; the first load starts the shards. */
    private void onLoaded(final List<VenueInstrument> loaded, final Throwable failure)
    {
        if (closed.get())
        {
            return;
        }
        if (failure != null || loaded.isEmpty())
        {
            final long delayMs = subscribed ? config.exchangeInfoRefreshMs() : loadBackoff.nextDelayMs();
            LOG.log(System.Logger.Level.WARNING, "{0}: instruments not loaded ({1}), again in {2} ms", venue.code(),
                failure == null ? "none listed" : String.valueOf(failure), delayMs);
            pending = loop.schedule(this::load, delayMs, TimeUnit.MILLISECONDS);
            return;
        }
        final List<VenueInstrument> known = new ArrayList<>(instruments);
        final List<VenueInstrument> added = new ArrayList<>();
        for (final VenueInstrument instrument : loaded)
        {
            if (!known.contains(instrument))
            {
                instrumentSink.registerInstrument(venue, instrument.venueSymbol(), instrument.canonicalSymbol(),
                    instrument.contractSizeE8());
                known.add(instrument);
                added.add(instrument);
            }
        }
        instruments = List.copyOf(known);
        if (!subscribed)
        {
            subscribed = true;
            shards.start(protocol.topics(added));
            LOG.log(System.Logger.Level.INFO, "{0}: {1} instruments, connecting to {2}", venue.code(), known.size(),
                config.wsBaseUrl());
        }
        else
        {
            protocol.topics(added).forEach(shards::add);
        }
        if (configuredSymbols.isEmpty())
        {
            pending = loop.schedule(this::load, config.exchangeInfoRefreshMs(), TimeUnit.MILLISECONDS);
        }
    }

    private ShardConnection newConnection(final StreamShard shard, final ShardConnection.Listener listener)
    {
        final UpstreamConnection connection = new UpstreamConnection(venue.code() + "#" + shard.index() + "."
            + ++connectionNumber, protocol, config, loop, shard.wanted(), listener, counters);
        connection.connect(channels, router);
        return connection;
    }
}
