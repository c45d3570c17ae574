package io.liqvol.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket client per symbol on the gateway's liquidations stream: every liquidation the simulator pushes is
 * noted with its time, and its arrival at the probe gives its delivery latency. The longest latency is the longest
 * stall a client saw; those pushed during an injected fault (an upstream drop, SIGSTOP) are reported apart.
 */
final class DeliveryProbe implements AutoCloseable
{
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<LiquidationKey, Long> pushedNs = new ConcurrentHashMap<>();
    private final Set<LiquidationKey> pushed = ConcurrentHashMap.newKeySet();
    private final List<long[]> samples = new ArrayList<>();
    private final WebSocketClients clients = new WebSocketClients(1);
    private volatile boolean recording;
    private long unparsable;

    /** From now on pushed liquidations count: the gateway runs (what it missed while starting is its first gap). */
    void startRecording()
    {
        recording = true;
    }

    /** The simulator's listener: a liquidation pushed to the streams now. */
    void onPushed(final SimulatedLiquidation liquidation)
    {
        if (!recording)
        {
            return;
        }
        final LiquidationKey key = LiquidationKey.of(
            liquidation.symbol(), liquidation.side().name(), liquidation.tradeTimeMs(), liquidation.quantity());
        pushed.add(key);
        pushedNs.put(key, System.nanoTime());
    }

    /** Opens a client on each symbol's stream; how many got their first message. */
    int open(final String address, final List<String> symbols) throws InterruptedException
    {
        int ready = 0;
        for (int i = 0; i < symbols.size(); i++)
        {
            ready += clients.open(URI.create("ws://" + address + "/api/v1/ws/liquidations/" + symbols.get(i)), i, 1,
                1, this::onText, 30_000);
        }
        return ready;
    }

    Set<LiquidationKey> pushed()
    {
        return pushed;
    }

    /** Liquidations pushed that the probe has not received. */
    int undelivered()
    {
        return pushedNs.size();
    }

    long closedByServer()
    {
        return clients.closedByServer();
    }

    /** The longest delivery latency in ms of liquidations pushed inside ({@code true}) or outside the windows. */
    synchronized double longestMs(final FaultWindows faults, final boolean inside)
    {
        long longestNs = 0;
        for (final long[] sample : samples)
        {
            if (faults.contains(sample[0]) == inside)
            {
                longestNs = Math.max(longestNs, sample[1]);
            }
        }
        return longestNs / 1e6;
    }

    synchronized int deliveredCount()
    {
        return samples.size();
    }

    long unparsable()
    {
        return unparsable;
    }

    @Override
    public void close()
    {
        clients.close();
    }

    private void onText(final int client, final ByteBuf content, final long receivedNs)
    {
        try (JsonParser parser = JSON.createParser((InputStream)new ByteBufInputStream(content.duplicate())))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return;
            }
            boolean live = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (field.equals("initial"))
                {
                    live = value == JsonToken.VALUE_FALSE;
                }
                else if (field.equals("data") && live && value == JsonToken.START_ARRAY)
                {
                    readRows(parser, receivedNs);
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            unparsable++;
        }
    }

    private void readRows(final JsonParser parser, final long receivedNs) throws IOException
    {
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            String symbol = null;
            String side = null;
            String quantity = null;
            long timeMs = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                parser.nextToken();
                switch (field)
                {
                    case "symbol" -> symbol = parser.getText();
                    case "side" -> side = parser.getText();
                    case "quantity" -> quantity = parser.getText();
                    case "timestamp" -> timeMs = parser.getLongValue();
                    default -> parser.skipChildren();
                }
            }
            final Long pushNs = pushedNs.remove(LiquidationKey.of(symbol, side, timeMs, quantity));
            if (pushNs != null)
            {
                synchronized (this)
                {
                    samples.add(new long[] {pushNs, receivedNs - pushNs});
                }
            }
        }
    }
}
