package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Interval;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client of {@code /api/v1/ws/liquidations/{symbol}[?timeframe=&start=&end=]} (docs/API.md §3): subscribes,
 * sends the snapshot (the latest orders, then the volume range), then lets live messages through its
 * {@link ClientOutbound}; answers {@code range} requests.
 */
final class LiquidationStreamHandler extends StreamHandler
{
    static final String PATH_PREFIX = "/api/v1/ws/liquidations/";
    static final int SNAPSHOT_ORDERS = 50;

    private Interval timeframe;
    private VenueSelection venues;
    private VolumeSelection volume;
    private SymbolTopic topic;
    /** Until the held live messages were compared with the snapshot: live messages carry their rows. */
    private boolean joining;

    LiquidationStreamHandler(final ServerHandlerParts context)
    {
        super(context);
    }

    /** The venues and volume of an upgrade request ({@code exchange}, {@code by_exchange}); a 400 when one is bad. */
    static VolumeSelection volume(final QueryStringDecoder request)
    {
        return VolumeSelection.parse(parameter(request, "exchange"), parameter(request, "by_exchange"));
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        symbol = context.validator().symbol(request.path().substring(PATH_PREFIX.length()));
        final String timeframeCode = parameter(request, "timeframe");
        timeframe = timeframeCode == null ? null : RequestValidator.anyTimeframe(timeframeCode);
        final VolumeRange range = timeframe == null ? null : context.validator().range(
            timeframe, parameter(request, "start"), parameter(request, "end"), System.currentTimeMillis());
        volume = volume(request);
        venues = volume.venues();
        outbound = new ClientOutbound(channel, context.config(), context.fanOutLoops().of(channel.eventLoop()));
        topic = context.subscriptions().join(symbol);
        topic.join(outbound, timeframe, volume);
        joining = true;
        context.marketData().watch(symbol);
        sendSnapshot(channel, range);
    }

    /**
     * Subscribed before querying, so nothing published meanwhile is missed; live messages wait in the
     * client's queue until the snapshot is written, and rows that made it into both are dropped from the
     * live ones ({@link SnapshotDeduplication}), so each liquidation reaches the client exactly once. When the
     * query budget has no room, the client is told so and the snapshot is asked for again after the retry delay.
     */
    private void sendSnapshot(final Channel channel, final VolumeRange range)
    {
        final ClientOutbound client = outbound;
        final String forSymbol = symbol;
        final Interval forTimeframe = timeframe;
        final long answerRows =
            SNAPSHOT_ORDERS + (range == null ? 0 : range.baseBuckets(forTimeframe) * volume.reads());
        try
        {
            query(channel, answerRows, ticket ->
            {
                final ByteBufAllocator allocator = channel.alloc();
                final MessageWriter writer = MessageWriter.forThisThread();
                final List<LiquidationSnapshot> recent =
                    context.history().recentLiquidations(forSymbol, SNAPSHOT_ORDERS, venues);
                // read after the query: every row of the snapshot has a sequence at most this
                final long snapshotSequence = topic.lastSequence();
                final OrderRows rows = new OrderRows();
                rows.addNewestFirst(recent);
                final ByteBuf orders = writer.liquidationOrders(allocator, forSymbol, true, System.currentTimeMillis(),
                    rows, context.symbols().format(forSymbol));
                final ByteBuf volume = range == null
                    ? null
                    : volumeMessage(writer, allocator, forSymbol, forTimeframe, range, false);
                channel.eventLoop().execute(() ->
                {
                    ChannelFuture written = writeText(channel, orders, channel.newPromise());
                    if (volume != null)
                    {
                        written = writeText(channel, volume, channel.newPromise());
                    }
                    channel.flush();
                    written.addListener(done -> ticket.release());
                    releaseWhenDelivered(channel, client, snapshotSequence, rows);
                });
            });
        }
        catch (final ApiException e)
        {
            if (e.retryAfterSeconds() == 0)
            {
                throw e;
            }
            refuse(channel, e);
            channel.eventLoop().schedule(() ->
            {
                if (channel.isActive() && client == outbound)
                {
                    sendSnapshot(channel, range);
                }
            }, e.retryAfterSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Lets live messages through once every liquidation up to the snapshot's sequence has been offered to
     * this client (the publisher is at most one batch behind), so the held messages can be compared with
     * the snapshot as a whole.
     */
    private void releaseWhenDelivered(
        final Channel channel, final ClientOutbound client, final long snapshotSequence, final OrderRows snapshot)
    {
        if (!channel.isActive() || client != outbound)
        {
            return;
        }
        if (topic.deliveredSequence() < snapshotSequence)
        {
            channel.eventLoop().schedule(() -> releaseWhenDelivered(channel, client, snapshotSequence, snapshot),
                1, TimeUnit.MILLISECONDS);
            return;
        }
        client.release(new SnapshotDeduplication(channel.alloc(), snapshot));
        finishJoining();
    }

    @Override
    protected void onRange(final Channel channel, final ClientMessage message)
    {
        if (timeframe == null)
        {
            throw ApiException.badRequest("invalid_range", "this stream has no timeframe; connect with ?timeframe=");
        }
        if (message.startMs() == null || message.endMs() == null)
        {
            throw ApiException.badRequest("invalid_range", "a range needs start and end in epoch milliseconds");
        }
        final VolumeRange range = context.validator().range(timeframe, message.startMs(), message.endMs());
        final String forSymbol = symbol;
        final Interval forTimeframe = timeframe;
        query(channel, range.baseBuckets(forTimeframe) * volume.reads(), ticket ->
        {
            final ByteBuf volume = volumeMessage(
                MessageWriter.forThisThread(), channel.alloc(), forSymbol, forTimeframe, range, true);
            channel.eventLoop().execute(() ->
            {
                writeText(channel, volume, channel.newPromise()).addListener(done -> ticket.release());
                channel.flush();
                outbound.replayLastWritten(
                    CustomVolumeFeed.coalesceGroup(forTimeframe), range.startMs(), range.endMs());
            });
        });
    }

    private ByteBuf volumeMessage(
        final MessageWriter writer, final ByteBufAllocator allocator, final String forSymbol,
        final Interval forTimeframe, final VolumeRange range, final boolean echoRange)
    {
        final LiquidationHistory history = context.history();
        final List<BucketSnapshot> buckets =
            history.volume(forSymbol, venues, forTimeframe, range.startMs(), range.endMs());
        final VenueBuckets exchanges = volume.byExchange()
            ? VenueBuckets.query(history, forSymbol, venues, forTimeframe, range.startMs(), range.endMs()) : null;
        return writer.liquidationVolume(allocator, forSymbol, forTimeframe, false, System.currentTimeMillis(), buckets,
            history.coverage(venues), echoRange ? range : null, exchanges);
    }

    @Override
    protected void stop()
    {
        finishJoining();
        topic.remove(outbound, timeframe, volume);
        context.marketData().unwatch(symbol);
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().add(GatewayMetrics.LIQUIDATION_CLIENTS, delta);
    }

    private void finishJoining()
    {
        if (joining)
        {
            joining = false;
            topic.joined();
        }
    }

    /**
     * Liquidations published while the client subscribed reach it live and may also be in its snapshot (or,
     * when more than a snapshot's worth came meanwhile, be older than it). The snapshot is the newest window
     * of the symbol's liquidations in publication order and the held messages a contiguous run of that same
     * order, so everything up to the last held row that the snapshot has (same side, quantity, price and
     * time: the engine's identity of a liquidation) is dropped, and the rest delivered.
     */
    private final class SnapshotDeduplication implements ClientOutbound.HeldFilter
    {
        private final ByteBufAllocator allocator;
        private final OrderRows snapshot;

        SnapshotDeduplication(final ByteBufAllocator allocator, final OrderRows snapshot)
        {
            this.allocator = allocator;
            this.snapshot = snapshot;
        }

        @Override
        public void filter(final ArrayDeque<OutboundMessage> held)
        {
            int lastMessage = -1;
            int lastRow = -1;
            int index = 0;
            for (final OutboundMessage message : held)
            {
                final OrderRows rows = message.rows;
                for (int i = 0; rows != null && i < rows.size(); i++)
                {
                    if (snapshot.contains(rows, i))
                    {
                        lastMessage = index;
                        lastRow = i;
                    }
                }
                index++;
            }
            if (lastMessage < 0)
            {
                return;
            }
            final int count = held.size();
            for (int i = 0; i < count; i++)
            {
                final OutboundMessage message = held.pollFirst();
                if (i > lastMessage || message.rows == null)
                {
                    held.addLast(message);
                }
                else if (i < lastMessage || lastRow == message.rows.size() - 1)
                {
                    message.bytes.release();
                }
                else
                {
                    held.addLast(rest(message, lastRow + 1));
                }
            }
        }

        /** The message re-encoded with its rows from {@code fromIndex} on; takes over the message's reference. */
        private OutboundMessage rest(final OutboundMessage message, final int fromIndex)
        {
            final OrderRows kept = message.rows.copy(fromIndex, message.rows.size());
            message.bytes.release();
            final ByteBuf bytes = MessageWriter.framingForThisThread().liquidationOrders(
                allocator, symbol, false, System.currentTimeMillis(), kept, context.symbols().format(symbol));
            return OutboundMessage.orders(bytes, message.receiveTimeNs, message.lastSequence, null);
        }
    }
}
