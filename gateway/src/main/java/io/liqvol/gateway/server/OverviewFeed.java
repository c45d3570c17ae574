package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live overview of docs/API.md §3.7. A thread of its own (never the engine's publisher, never an event loop, so
 * the liquidation streams never wait for it) computes each window that has subscribers once a second, only when
 * what it shows can have changed (a liquidation recorded, the window moved on by a minute, the gaps changed),
 * encodes it once and hands the same bytes to every subscriber's event loop; a lagging client keeps only the newest.
 * A new subscriber gets the latest answer at once. All state below is the feed thread's.
 */
final class OverviewFeed implements AutoCloseable
{
    static final long PERIOD_MS = 1_000L;
    /** The coalescing group of overview messages, apart from the timeframes' ordinals. */
    private static final int COALESCE_GROUP = 1 << 16;
    private static final System.Logger LOG = System.getLogger(OverviewFeed.class.getName());

    /** What an overview shows can only have changed when one of these did. */
    private record State(long startMs, long endMs, long liquidations, int gaps, long openGapFromMs)
    {
    }

    /** Which overview clients follow: a window label and a selection of venues. */
    private record Key(String label, VenueSelection venues)
    {
    }

    /** One window's subscribers and the newest answer. */
    private static final class Window
    {
        private Recipients clients = Recipients.NONE;
        /** Subscribers that already have {@link #latest} although it was not sent to all yet. */
        private Recipients ahead = Recipients.NONE;
        private State latestState;
        private OutboundMessage latest;
        private State sentState;
        private long sentNs;
    }

    private final LiquidationHistory history;
    private final GatewayMetrics metrics;
    private final ByteBufAllocator allocator;
    private final ScheduledExecutorService thread;
    private final MessageWriter writer = MessageWriter.framing();
    private final Map<Key, Window> windows = new HashMap<>();

    OverviewFeed(final LiquidationHistory history, final GatewayMetrics metrics, final ByteBufAllocator allocator)
    {
        this.history = history;
        this.metrics = metrics;
        this.allocator = allocator;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("liqvol-overview", true));
        thread.scheduleWithFixedDelay(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Subscribes a client (its outbound already released) to a window label of the selected venues; it gets the
     * latest answer at once.
     */
    void join(final String label, final VenueSelection venues, final ClientOutbound client)
    {
        thread.execute(() -> guarded(() -> welcome(new Key(label, venues), client)));
    }

    void leave(final String label, final VenueSelection venues, final ClientOutbound client)
    {
        final Key key = new Key(label, venues);
        thread.execute(() ->
        {
            final Window window = windows.get(key);
            if (window == null)
            {
                return;
            }
            window.clients = window.clients.without(client);
            window.ahead = window.ahead.without(client);
            if (window.clients.isEmpty())
            {
                windows.remove(key);
                release(window);
            }
        });
    }

    private void welcome(final Key key, final ClientOutbound client)
    {
        final Window window = windows.computeIfAbsent(key, each -> new Window());
        window.clients = window.clients.with(client);
        final MarketWindow span = MarketWindow.parse(key.label(), null, null, System.currentTimeMillis());
        final State now = state(span, key.venues());
        if (!now.equals(window.latestState))
        {
            compute(window, span, key.venues(), now);
        }
        if (System.nanoTime() - window.sentNs >= TimeUnit.MILLISECONDS.toNanos(PERIOD_MS)
            && !window.latestState.equals(window.sentState))
        {
            sendToAll(window);
            return;
        }
        final ClientOutbound[] one = {client};
        client.fanOut().offer(window.latest, one);
        if (!window.latestState.equals(window.sentState))
        {
            window.ahead = window.ahead.with(client);
        }
    }

    private void tick()
    {
        guarded(() ->
        {
            final long nowMs = System.currentTimeMillis();
            for (final Map.Entry<Key, Window> entry : windows.entrySet())
            {
                final Window window = entry.getValue();
                final VenueSelection venues = entry.getKey().venues();
                final MarketWindow span = MarketWindow.parse(entry.getKey().label(), null, null, nowMs);
                final State now = state(span, venues);
                if (!now.equals(window.latestState))
                {
                    compute(window, span, venues, now);
                    window.ahead = Recipients.NONE;
                }
                if (!window.latestState.equals(window.sentState))
                {
                    sendToAll(window);
                }
            }
        });
    }

    /** A failed computation is logged and tried again at the next tick; the thread goes on. */
    private static void guarded(final Runnable task)
    {
        try
        {
            task.run();
        }
        catch (final RuntimeException e)
        {
            LOG.log(System.Logger.Level.WARNING, "the live overview could not be computed", e);
        }
    }

    private State state(final MarketWindow span, final VenueSelection venues)
    {
        final Coverage coverage = history.coverage(venues);
        return new State(span.startMs(), span.endMs(), history.tape().appended(),
            coverage.countGaps(span.startMs(), span.endMs()), coverage.openGapFromMs());
    }

    private void compute(final Window window, final MarketWindow span, final VenueSelection venues, final State now)
    {
        final List<MarketOverview.Row> rows = MarketOverview.rows(history, span, venues);
        final LiquidationTape tape = history.tape();
        final SizeClasses sizes = new SizeClasses(tape.symbolCount());
        tape.forEach(span.startMs(), span.endMs(), venues, sizes);
        final Coverage coverage = history.coverage(venues);
        final ByteBuf bytes = writer.encode(allocator, json ->
        {
            json.writeStartObject();
            json.writeStringField("type", "market_overview");
            MarketOverview.writeFields(writer, json, span, rows, sizes, tape, coverage, System.currentTimeMillis());
            json.writeObjectFieldStart("distribution");
            SizeDistribution.writeClasses(json, sizes, -1);
            json.writeEndObject();
            json.writeEndObject();
        });
        metrics.increment(GatewayMetrics.OVERVIEWS_COMPUTED);
        release(window);
        window.latest = OutboundMessage.coalesced(bytes, COALESCE_GROUP, 0);
        window.latestState = now;
    }

    /** Sends the latest answer to every subscriber that does not have it yet. */
    private void sendToAll(final Window window)
    {
        window.clients.without(window.ahead).offer(window.latest);
        window.ahead = Recipients.NONE;
        window.sentState = window.latestState;
        window.sentNs = System.nanoTime();
    }

    private static void release(final Window window)
    {
        if (window.latest != null)
        {
            window.latest.bytes.release();
            window.latest = null;
            window.latestState = null;
        }
    }

    /** Stops the thread and frees the answers it kept. */
    @Override
    public void close()
    {
        thread.shutdownNow();
        try
        {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        windows.values().forEach(OverviewFeed::release);
        windows.clear();
    }
}
