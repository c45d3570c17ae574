package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Timeframe;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;

/**
 * One client of {@code /api/v1/ws/liquidations/{symbol}[?timeframe=&start=&end=]} (API.md §3): subscribes,
 * sends the snapshot (the latest orders, then the volume range), then lets live messages through its
 * {@link ClientOutbound}; answers {@code range} requests.
 */
final class LiquidationStreamHandler extends StreamHandler
{
    static final String PATH_PREFIX = "/api/v1/ws/liquidations/";
    static final int SNAPSHOT_ORDERS = 50;

    private Timeframe timeframe;
    private SymbolTopic topic;
    /** Until the first live message past the snapshot: live messages may repeat snapshot rows. */
    private boolean joining;

    LiquidationStreamHandler(final ServerContext context)
    {
        super(context);
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        symbol = context.validator().symbol(request.path().substring(PATH_PREFIX.length()));
        final String timeframeCode = parameter(request, "timeframe");
        timeframe = timeframeCode == null ? null : RequestValidator.timeframe(timeframeCode);
        final VolumeRange range = timeframe == null ? null : context.validator().range(
            timeframe, parameter(request, "start"), parameter(request, "end"), System.currentTimeMillis());
        outbound = new ClientOutbound(channel, context.config(), context.metrics());
        topic = context.subscriptions().join(symbol);
        topic.join(outbound, timeframe);
        joining = true;
        context.marketData().watch(symbol);
        sendSnapshot(channel, range);
    }

    /**
     * Subscribed before querying, so nothing published meanwhile is missed; live messages wait in the
     * client's queue until the snapshot is written, and rows that made it into both are dropped from the
     * live ones ({@link SnapshotDeduplication}), so each liquidation reaches the client exactly once.
     */
    private void sendSnapshot(final Channel channel, final VolumeRange range)
    {
        final ClientOutbound client = outbound;
        final String forSymbol = symbol;
        final Timeframe forTimeframe = timeframe;
        query(channel, () ->
        {
            final ByteBufAllocator allocator = channel.alloc();
            final MessageWriter writer = MessageWriter.forThisThread();
            final List<LiquidationSnapshot> recent = context.history().recentLiquidations(forSymbol, SNAPSHOT_ORDERS);
            // read after the query: every row of the snapshot has a sequence at most this
            final long snapshotSequence = topic.lastSequence();
            final OrderRows rows = new OrderRows();
            rows.addNewestFirst(recent);
            final ByteBuf orders = writer.liquidationOrders(
                allocator, forSymbol, true, System.currentTimeMillis(), rows, context.symbols().format(forSymbol));
            final ByteBuf volume = range == null ? null : volumeMessage(writer, allocator, forSymbol, forTimeframe, range, false);
            channel.eventLoop().execute(() ->
            {
                writeText(channel, orders);
                if (volume != null)
                {
                    writeText(channel, volume);
                }
                channel.flush();
                client.release(new SnapshotDeduplication(channel.alloc(), snapshotSequence, rows));
            });
        });
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
        final Timeframe forTimeframe = timeframe;
        query(channel, () ->
        {
            final ByteBuf volume = volumeMessage(MessageWriter.forThisThread(), channel.alloc(), forSymbol, forTimeframe,
                range, true);
            channel.eventLoop().execute(() ->
            {
                writeText(channel, volume);
                channel.flush();
            });
        });
    }

    private ByteBuf volumeMessage(
        final MessageWriter writer, final ByteBufAllocator allocator, final String forSymbol, final Timeframe forTimeframe,
        final VolumeRange range, final boolean echoRange)
    {
        final List<BucketSnapshot> buckets = context.history().volume(forSymbol, forTimeframe, range.startMs(), range.endMs());
        return writer.liquidationVolume(allocator, forSymbol, forTimeframe, false, System.currentTimeMillis(), buckets,
            echoRange ? range : null);
    }

    @Override
    protected void stop()
    {
        finishJoining();
        topic.remove(outbound, timeframe);
        context.marketData().unwatch(symbol);
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().liquidationClients.addAndGet(delta);
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
     * A liquidation published while the client subscribed can be in its snapshot and in a live message. Live
     * messages carry a copy of their rows while a client joins; this drops the rows the snapshot had (same
     * side, quantity, price and time, the engine's identity of a liquidation) until a message past the
     * snapshot's newest sequence arrives. Runs on the client's event loop.
     */
    private final class SnapshotDeduplication implements ClientOutbound.JoinFilter
    {
        private final ByteBufAllocator allocator;
        private final long snapshotSequence;
        private final OrderRows snapshot;

        SnapshotDeduplication(final ByteBufAllocator allocator, final long snapshotSequence, final OrderRows snapshot)
        {
            this.allocator = allocator;
            this.snapshotSequence = snapshotSequence;
            this.snapshot = snapshot;
        }

        @Override
        public OutboundMessage apply(final OutboundMessage message)
        {
            if (message.lastSequence < 0)
            {
                return message;
            }
            if (message.lastSequence > snapshotSequence)
            {
                finishJoining();
            }
            final OrderRows rows = message.rows;
            if (rows == null)
            {
                return message;
            }
            final OrderRows kept = new OrderRows();
            for (int i = 0; i < rows.size(); i++)
            {
                if (rows.sequence(i) > snapshotSequence
                    || !snapshot.contains(rows.side(i), rows.quantityE8(i), rows.priceE8(i), rows.timeMs(i)))
                {
                    kept.add(rows, i);
                }
            }
            if (kept.size() == rows.size())
            {
                return message;
            }
            message.bytes.release();
            if (kept.size() == 0)
            {
                return null;
            }
            final ByteBuf bytes = MessageWriter.framingForThisThread().liquidationOrders(
                allocator, symbol, false, System.currentTimeMillis(), kept, context.symbols().format(symbol));
            return OutboundMessage.orders(bytes, message.receiveTimeNs, message.lastSequence, null);
        }

        @Override
        public boolean done()
        {
            return !joining;
        }
    }
}
