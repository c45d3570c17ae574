package io.liqvol.gateway.server;

import io.netty.buffer.ByteBufAllocator;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one upstream kline subscription per symbol and interval among the clients watching it: each
 * candle is encoded once and offered to every client, coalesced per candle for a lagging one.
 */
public final class KlineRelay
{
    private final MarketData marketData;
    private final ByteBufAllocator allocator;
    private final Map<String, Stream> streams = new HashMap<>();

    public KlineRelay(final MarketData marketData, final ByteBufAllocator allocator)
    {
        this.marketData = marketData;
        this.allocator = allocator;
    }

    synchronized void join(final String symbol, final String interval, final ClientOutbound client)
    {
        final String key = symbol + "@" + interval;
        Stream stream = streams.get(key);
        if (stream == null)
        {
            stream = new Stream(symbol, interval);
            streams.put(key, stream);
            stream.upstream = marketData.subscribeKlines(symbol, interval, stream);
        }
        stream.add(client);
    }

    synchronized void leave(final String symbol, final String interval, final ClientOutbound client)
    {
        final String key = symbol + "@" + interval;
        final Stream stream = streams.get(key);
        if (stream != null && stream.remove(client))
        {
            streams.remove(key);
            try
            {
                stream.upstream.close();
            }
            catch (final Exception e)
            {
                throw new IllegalStateException("closing the kline subscription " + key + " failed", e);
            }
        }
    }

    private final class Stream implements MarketData.CandleListener
    {
        private final String symbol;
        private final String interval;
        private volatile Recipients clients = Recipients.NONE;
        private AutoCloseable upstream;

        Stream(final String symbol, final String interval)
        {
            this.symbol = symbol;
            this.interval = interval;
        }

        void add(final ClientOutbound client)
        {
            clients = clients.with(client);
        }

        /** True when the last client left. */
        boolean remove(final ClientOutbound client)
        {
            clients = clients.without(client);
            return clients.isEmpty();
        }

        @Override
        public void onCandle(final Candle candle)
        {
            final Recipients receivers = clients;
            if (receivers.isEmpty())
            {
                return;
            }
            final OutboundMessage message = OutboundMessage.coalesced(
                MessageWriter.framingForThisThread().kline(allocator, symbol, interval, candle), 0,
                candle.openTimeMs());
            receivers.offer(message);
            message.bytes.release();
        }
    }
}
