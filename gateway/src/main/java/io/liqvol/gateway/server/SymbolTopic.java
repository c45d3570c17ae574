package io.liqvol.gateway.server;

import io.liqvol.engine.CustomTimeframe;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Timeframe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The clients watching one symbol: all of them receive its orders of the venues they selected (grouped by
 * {@link VenueSelection#mask()}), those with a timeframe also its volume updates. {@link Recipients} are copied on
 * change (rare, event loops) so that the publisher reads them without locks or allocation.
 */
final class SymbolTopic
{
    final String symbol;
    /** The publisher's rows of the batch being published; publisher thread only. */
    final OrderRows batchRows = new OrderRows();
    /** The publisher's cached format of the symbol and the directory version it came from. */
    private SymbolFormat format;
    private int formatVersion;
    /** Order subscribers by venue mask; the array is copied on change. */
    private volatile Recipients[] orderSubscribers = noOrderSubscribers();
    /** The engine sequence of the newest liquidation of the symbol handed to the publisher. */
    private volatile long lastSequence;
    /** The newest sequence up to which every liquidation of the symbol has been offered to its subscribers. */
    private volatile long deliveredSequence;
    /** Clients between subscribing and having seen the first live message past their snapshot. */
    private final AtomicInteger joining = new AtomicInteger();
    /** By timeframe and {@link VolumeSelection#index()}. */
    private final AtomicReferenceArray<Recipients> volumeSubscribers =
        new AtomicReferenceArray<>(Timeframe.count() * VolumeSelection.COUNT);
    /** The custom timeframes clients follow, copied on change; the publisher only reads. */
    private volatile Map<CustomVolumeFeed.Key, CustomVolumeFeed> customFeeds = Map.of();

    SymbolTopic(final String symbol)
    {
        this.symbol = symbol;
        for (int i = 0; i < volumeSubscribers.length(); i++)
        {
            volumeSubscribers.set(i, Recipients.NONE);
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
    void join(final ClientOutbound client, final Interval timeframe, final VolumeSelection volume)
    {
        joining.incrementAndGet();
        add(client, timeframe, volume);
    }

    /** A joining client has released its held messages. */
    void joined()
    {
        joining.decrementAndGet();
    }

    /** The clients of the venues of {@code mask} (1 to {@link VenueSelection#ALL}'s mask). */
    Recipients orderSubscribers(final int mask)
    {
        return orderSubscribers[mask];
    }

    boolean hasOrderSubscribers()
    {
        for (final Recipients clients : orderSubscribers)
        {
            if (!clients.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    /** The clients of a timeframe's volume of a {@link VolumeSelection#index()}. */
    Recipients volumeSubscribers(final Timeframe timeframe, final int volume)
    {
        return volumeSubscribers.get(timeframe.ordinal() * VolumeSelection.COUNT + volume);
    }

    /** The custom timeframes followed, each with its clients. */
    Map<CustomVolumeFeed.Key, CustomVolumeFeed> customFeeds()
    {
        return customFeeds;
    }

    synchronized void add(final ClientOutbound client, final Interval timeframe, final VolumeSelection volume)
    {
        final int mask = volume.venues().mask();
        final Recipients[] next = orderSubscribers.clone();
        next[mask] = next[mask].with(client);
        orderSubscribers = next;
        if (timeframe instanceof Timeframe standard)
        {
            final int at = standard.ordinal() * VolumeSelection.COUNT + volume.index();
            volumeSubscribers.set(at, volumeSubscribers.get(at).with(client));
        }
        else if (timeframe instanceof CustomTimeframe custom)
        {
            final Map<CustomVolumeFeed.Key, CustomVolumeFeed> feeds = new HashMap<>(customFeeds);
            final CustomVolumeFeed feed =
                feeds.computeIfAbsent(new CustomVolumeFeed.Key(custom, volume), CustomVolumeFeed::new);
            feed.recipients = feed.recipients.with(client);
            customFeeds = Map.copyOf(feeds);
        }
    }

    synchronized void remove(final ClientOutbound client, final Interval timeframe, final VolumeSelection volume)
    {
        final int mask = volume.venues().mask();
        final Recipients[] next = orderSubscribers.clone();
        next[mask] = next[mask].without(client);
        orderSubscribers = next;
        final CustomVolumeFeed.Key key =
            timeframe instanceof CustomTimeframe custom ? new CustomVolumeFeed.Key(custom, volume) : null;
        if (timeframe instanceof Timeframe standard)
        {
            final int at = standard.ordinal() * VolumeSelection.COUNT + volume.index();
            volumeSubscribers.set(at, volumeSubscribers.get(at).without(client));
        }
        else if (key != null && customFeeds.containsKey(key))
        {
            final Map<CustomVolumeFeed.Key, CustomVolumeFeed> feeds = new HashMap<>(customFeeds);
            final CustomVolumeFeed feed = feeds.get(key);
            feed.recipients = feed.recipients.without(client);
            if (feed.recipients.isEmpty())
            {
                feeds.remove(key);
            }
            customFeeds = Map.copyOf(feeds);
        }
    }

    private static Recipients[] noOrderSubscribers()
    {
        final Recipients[] none = new Recipients[VenueSelection.ALL.mask() + 1];
        Arrays.fill(none, Recipients.NONE);
        return none;
    }
}
