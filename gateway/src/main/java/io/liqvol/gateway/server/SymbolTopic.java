package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The clients watching one symbol: all of them receive its orders, those with a timeframe also its
 * volume updates. Arrays are copied on change (rare, event loops) so that the publisher reads them
 * without locks or allocation.
 */
final class SymbolTopic
{
    private static final ClientOutbound[] NONE = new ClientOutbound[0];

    final String symbol;
    /** The publisher's rows of the batch being published; publisher thread only. */
    final OrderRows batchRows = new OrderRows();
    /** The publisher's cached format of the symbol and the directory version it came from. */
    private SymbolFormat format;
    private int formatVersion;
    private volatile ClientOutbound[] orderSubscribers = NONE;
    /** The engine sequence of the newest liquidation of the symbol handed to the publisher. */
    private volatile long lastSequence;
    /** The newest sequence up to which every liquidation of the symbol has been offered to its subscribers. */
    private volatile long deliveredSequence;
    /** Clients between subscribing and having seen the first live message past their snapshot. */
    private final AtomicInteger joining = new AtomicInteger();
    private final AtomicReferenceArray<ClientOutbound[]> volumeSubscribers =
        new AtomicReferenceArray<>(Timeframe.count());

    SymbolTopic(final String symbol)
    {
        this.symbol = symbol;
        for (int i = 0; i < Timeframe.count(); i++)
        {
            volumeSubscribers.set(i, NONE);
        }
    }

    /** The symbol's format, looked up again only when the directory changed; publisher thread only. */
    SymbolFormat format(final SymbolDirectory symbols)
    {
        final int version = symbols.version();
        if (format == null || formatVersion != version)
        {
            format = symbols.format(symbol);
            formatVersion = version;
        }
        return format;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    /** Publisher thread only. */
    void lastSequence(final long sequence)
    {
        lastSequence = sequence;
    }

    long deliveredSequence()
    {
        return deliveredSequence;
    }

    /** Publisher thread only. */
    void deliveredSequence(final long sequence)
    {
        deliveredSequence = sequence;
    }

    /** Whether live messages must carry a copy of their rows, for a joining client to drop what its snapshot had. */
    boolean hasJoiningClients()
    {
        return joining.get() > 0;
    }

    /** Subscribes a client that will de-duplicate its snapshot against live messages; see {@link #joined()}. */
    void join(final ClientOutbound client, final Timeframe timeframe)
    {
        joining.incrementAndGet();
        add(client, timeframe);
    }

    /** A joining client has released its held messages. */
    void joined()
    {
        joining.decrementAndGet();
    }

    ClientOutbound[] orderSubscribers()
    {
        return orderSubscribers;
    }

    ClientOutbound[] volumeSubscribers(final Timeframe timeframe)
    {
        return volumeSubscribers.get(timeframe.ordinal());
    }

    synchronized void add(final ClientOutbound client, final Timeframe timeframe)
    {
        orderSubscribers = with(orderSubscribers, client);
        if (timeframe != null)
        {
            volumeSubscribers.set(timeframe.ordinal(), with(volumeSubscribers.get(timeframe.ordinal()), client));
        }
    }

    synchronized void remove(final ClientOutbound client, final Timeframe timeframe)
    {
        orderSubscribers = without(orderSubscribers, client);
        if (timeframe != null)
        {
            volumeSubscribers.set(timeframe.ordinal(), without(volumeSubscribers.get(timeframe.ordinal()), client));
        }
    }

    private static ClientOutbound[] with(final ClientOutbound[] clients, final ClientOutbound client)
    {
        final ClientOutbound[] copy = Arrays.copyOf(clients, clients.length + 1);
        copy[clients.length] = client;
        return copy;
    }

    private static ClientOutbound[] without(final ClientOutbound[] clients, final ClientOutbound client)
    {
        for (int i = 0; i < clients.length; i++)
        {
            if (clients[i] == client)
            {
                final ClientOutbound[] copy = new ClientOutbound[clients.length - 1];
                System.arraycopy(clients, 0, copy, 0, i);
                System.arraycopy(clients, i + 1, copy, i, clients.length - i - 1);
                return copy;
            }
        }
        return clients;
    }
}
