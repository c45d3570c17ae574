package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiquidationView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the engine's publications into client messages on the engine's publisher thread: each message is
 * encoded once, as a whole WebSocket frame, and the same bytes handed once to each event loop with
 * subscribers ({@link Recipients}), which walks its own clients; nothing here waits for a client.
 * Orders of a batch go out as one message per symbol (split into chunks of {@link #MAX_ROWS_PER_MESSAGE}
 * rows, oldest chunk first), volume updates as one message per changed bucket (so a lagging client can
 * coalesce them per bucket).
 */
public final class FanOutPublisher implements EngineListener
{
    /** Keeps messages small (about 70 KB) when a burst arrives in one batch; older rows go out first. */
    static final int MAX_ROWS_PER_MESSAGE = 256;

    private final Subscriptions subscriptions;
    private final SymbolDirectory symbols;
    private final ByteBufAllocator allocator;
    private final MessageWriter writer = MessageWriter.framing();
    private final List<SymbolTopic> touched = new ArrayList<>();
    /** The rows of one symbol of the venues a group of clients selected; publisher thread only. */
    private final OrderRows selectedRows = new OrderRows();
    /** The custom bucket last changed; publisher thread only. */
    private final List<BucketSnapshot> customBucket = new ArrayList<>(1);
    /** Nothing reads as recorded until the engine's history is known ({@link #coverage(Function)}). */
    private volatile Function<VenueSelection, Coverage> coverage = venues -> Coverage.NONE;
    /** Where custom timeframes read the base buckets they have not seen change; none until the engine runs. */
    private volatile LiquidationHistory history;

    public FanOutPublisher(
        final Subscriptions subscriptions, final SymbolDirectory symbols, final ByteBufAllocator allocator)
    {
        this.subscriptions = subscriptions;
        this.symbols = symbols;
        this.allocator = allocator;
    }

    /**
     * Where volume updates take their coverage of a selection of venues from (the engine's history, which exists only
     * once the engine this publisher listens to was launched).
     */
    public void coverage(final Function<VenueSelection, Coverage> source)
    {
        coverage = source;
    }

    /**
     * The history custom timeframes' live updates read their other base buckets from (the engine this publisher
     * listens to, once launched); until then only standard timeframes are updated live.
     */
    public void history(final LiquidationHistory source)
    {
        history = source;
    }

    @Override
    public void onLiquidation(final LiquidationView liquidation)
    {
        if (subscriptions.market().filters().length > 0)
        {
            subscriptions.market().add(liquidation);
        }
        final SymbolTopic topic = subscriptions.topic(liquidation.symbol());
        if (topic == null)
        {
            return;
        }
        topic.lastSequence(liquidation.sequence());
        if (!topic.hasOrderSubscribers())
        {
            if (topic.batchRows.size() == 0)
            {
                topic.deliveredSequence(liquidation.sequence());
            }
            return;
        }
        if (topic.batchRows.size() == 0)
        {
            touched.add(topic);
        }
        topic.batchRows.add(liquidation);
    }

    /**
     * The changed bucket of one venue to the clients whose selection holds that venue, each group its selection's sum
     * (and with {@code by_exchange} its venues' parts); two venues changed in one batch send the sum twice.
     */
    @Override
    public void onBucketChanged(final BucketView bucket)
    {
        final SymbolTopic topic = subscriptions.topic(bucket.symbol());
        if (topic == null)
        {
            return;
        }
        final int venueBit = bucket.venue() == null ? VenueSelection.ALL.mask() : 1 << bucket.venue().ordinal();
        final Map<CustomVolumeFeed.Key, CustomVolumeFeed> feeds = topic.customFeeds();
        if (!feeds.isEmpty())
        {
            publishCustom(bucket, venueBit, feeds);
        }
        for (int volume = 0; volume < VolumeSelection.COUNT; volume++)
        {
            final Recipients clients = topic.volumeSubscribers(bucket.timeframe(), volume);
            final int mask = volume >>> 1;
            if (clients.isEmpty() || (mask & venueBit) == 0)
            {
                continue;
            }
            final VenueSelection venues = VenueSelection.ofMask(mask);
            final ByteBuf bytes = writer.liquidationVolume(allocator, bucket.venues(mask), coverage.apply(venues),
                System.currentTimeMillis(), (volume & 1) == 0 ? null : venues);
            fanOut(OutboundMessage.coalesced(bytes, bucket.timeframe().ordinal(), bucket.startTimeMs()), clients);
        }
    }

    /** The custom buckets holding a changed base bucket, to their clients (allocates; only while followed). */
    private void publishCustom(
        final BucketView bucket, final int venueBit, final Map<CustomVolumeFeed.Key, CustomVolumeFeed> feeds)
    {
        final LiquidationHistory source = history;
        if (source == null)
        {
            return;
        }
        for (final CustomVolumeFeed feed : feeds.values())
        {
            final Recipients clients = feed.recipients;
            if (feed.timeframe.base() != bucket.timeframe() || clients.isEmpty()
                || (feed.volume.venues().mask() & venueBit) == 0)
            {
                continue;
            }
            final VenueBuckets exchanges = feed.changed(bucket, source, customBucket);
            final long nowMs = System.currentTimeMillis();
            final ByteBuf bytes = writer.liquidationVolume(allocator, bucket.symbol(), feed.timeframe, true, nowMs,
                customBucket, coverage.apply(feed.volume.venues()), null, exchanges);
            fanOut(OutboundMessage.coalesced(bytes, CustomVolumeFeed.COALESCE_GROUP, customBucket.get(0).startTimeMs()),
                clients);
        }
    }

    @Override
    public void onBatchEnd()
    {
        final long nowMs = System.currentTimeMillis();
        for (int i = 0; i < touched.size(); i++)
        {
            final SymbolTopic topic = touched.get(i);
            final OrderRows rows = topic.batchRows;
            final SymbolFormat format = topic.format(symbols);
            for (int mask = 1; mask <= VenueSelection.ALL.mask(); mask++)
            {
                final Recipients clients = topic.orderSubscribers(mask);
                if (!clients.isEmpty())
                {
                    final OrderRows selected =
                        mask == VenueSelection.ALL.mask() ? rows : select(rows, mask, 0, selectedRows);
                    publishOrders(topic, selected, rows.oldestReceiveTimeNs(), format, nowMs, clients);
                }
            }
            rows.clear();
            topic.deliveredSequence(topic.lastSequence());
        }
        touched.clear();
        publishMarket(nowMs);
    }

    private void publishOrders(final SymbolTopic topic, final OrderRows rows, final long oldestReceiveTimeNs,
        final SymbolFormat format, final long nowMs, final Recipients clients)
    {
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_MESSAGE)
        {
            final int to = Math.min(rows.size(), from + MAX_ROWS_PER_MESSAGE);
            final ByteBuf bytes =
                writer.liquidationOrders(allocator, topic.symbol, false, nowMs, rows, from, to, format);
            final OrderRows joiningCopy = topic.hasJoiningClients() ? rows.copy(from, to) : null;
            fanOut(OutboundMessage.orders(bytes, oldestReceiveTimeNs, rows.sequence(to - 1), joiningCopy), clients);
        }
    }

    /**
     * The batch's liquidations to the all-symbols stream: per symbol, for each threshold its clients asked for, only
     * the rows that pass it are encoded (so a filtered client costs what it receives), in messages as above.
     */
    private void publishMarket(final long nowMs)
    {
        final MarketTopic market = subscriptions.market();
        final MarketTopic.Filter[] filters = market.filters();
        for (int i = 0; i < market.touchedCount(); i++)
        {
            final int symbolId = market.touched(i);
            final OrderRows rows = market.rows(symbolId);
            final String symbol = market.symbol(symbolId);
            final SymbolFormat format = subscriptions.join(symbol).format(symbols);
            for (final MarketTopic.Filter filter : filters)
            {
                final OrderRows selected = filter.minUsdtE8() == 0 && filter.venues() == VenueSelection.ALL.mask()
                    ? rows : select(rows, filter.venues(), filter.minUsdtE8(), market.selected);
                for (int from = 0; from < selected.size(); from += MAX_ROWS_PER_MESSAGE)
                {
                    final int to = Math.min(selected.size(), from + MAX_ROWS_PER_MESSAGE);
                    final ByteBuf bytes =
                        writer.liquidationOrders(allocator, symbol, false, nowMs, selected, from, to, format);
                    fanOut(OutboundMessage.orders(bytes, rows.oldestReceiveTimeNs(), selected.sequence(to - 1), null),
                        filter.clients());
                }
            }
        }
        market.clearBatch();
    }

    /** The rows of the venues of {@code mask} whose notional is at least {@code minUsdtE8}, into {@code into}. */
    private static OrderRows select(final OrderRows rows, final int mask, final long minUsdtE8, final OrderRows into)
    {
        into.clear();
        for (int i = 0; i < rows.size(); i++)
        {
            if ((mask & 1 << rows.venue(i).ordinal()) != 0
                && MarketTopic.reaches(rows.quantityE8(i), rows.priceE8(i), minUsdtE8))
            {
                into.add(rows, i);
            }
        }
        return into;
    }

    /**
     * Tells every client of an interval that was not recorded (no upstream connection, or downtime); the
     * all-symbols stream's clients once, without a symbol.
     */
    @Override
    public void onGap(final Gap gap)
    {
        for (final MarketTopic.Filter filter : subscriptions.market().filters())
        {
            if (concerns(gap, filter.venues()))
            {
                fanOut(OutboundMessage.ordered(writer.gap(allocator, null, gap)), filter.clients());
            }
        }
        for (final SymbolTopic topic : subscriptions.topics())
        {
            for (int mask = 1; mask <= VenueSelection.ALL.mask(); mask++)
            {
                final Recipients clients = topic.orderSubscribers(mask);
                if (!clients.isEmpty() && concerns(gap, mask))
                {
                    fanOut(OutboundMessage.ordered(writer.gap(allocator, topic.symbol, gap)), clients);
                }
            }
        }
    }

    /** Whether clients of the venues of {@code mask} are told of a gap: one of theirs, or the engine's own. */
    private static boolean concerns(final Gap gap, final int mask)
    {
        return gap.kind() != GapKind.UPSTREAM || (mask & 1 << gap.venue().ordinal()) != 0;
    }

    private static void fanOut(final OutboundMessage message, final Recipients clients)
    {
        clients.offer(message);
        message.bytes.release();
    }

    /**
     * A pooled allocator for the publisher's messages whose thread caches also serve the engine's publisher
     * thread: Netty's default caches only its own threads, so there every allocation would take an arena lock.
     */
    public static ByteBufAllocator allocator()
    {
        return new PooledByteBufAllocator(true, 0, 1, PooledByteBufAllocator.defaultPageSize(),
            PooledByteBufAllocator.defaultMaxOrder(), PooledByteBufAllocator.defaultSmallCacheSize(),
            PooledByteBufAllocator.defaultNormalCacheSize(), true);
    }
}
