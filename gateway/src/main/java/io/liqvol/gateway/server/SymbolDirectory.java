package io.liqvol.gateway.server;

import io.liqvol.engine.Venue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges' symbols and how to show their numbers: Binance's list, replaced whole when its exchangeInfo is
 * refreshed, and the canonical symbols the other enabled venues list (only ever added, as their instruments are);
 * read from any thread.
 */
public final class SymbolDirectory
{
    /** The status shown for a symbol only another venue lists: venues list only their trading instruments. */
    static final String OTHER_VENUE_STATUS = "TRADING";

    private volatile Map<String, SymbolFormat> formats = Map.of();
    /** Per canonical symbol the venues other than Binance that list it, a bit per venue ordinal. */
    private final Map<String, Integer> otherVenues = new ConcurrentHashMap<>();
    private volatile int version;

    public void replace(final Collection<SymbolFormat> listed)
    {
        final Map<String, SymbolFormat> next = new TreeMap<>();
        for (final SymbolFormat format : listed)
        {
            next.put(format.symbol(), format);
        }
        formats = next;
        version++;
    }

    /** {@code venue} (not Binance) lists {@code symbol} (canonical). */
    public void listedOn(final Venue venue, final String symbol)
    {
        otherVenues.merge(symbol, 1 << venue.ordinal(), (held, added) -> held | added);
    }

    /** Changes whenever the list is replaced, so that readers may cache formats. */
    public int version()
    {
        return version;
    }

    /** Every listed symbol of any venue, in name order. */
    public List<SymbolFormat> listed()
    {
        final Map<String, SymbolFormat> all = new TreeMap<>(formats);
        for (final String symbol : otherVenues.keySet())
        {
            all.computeIfAbsent(symbol, SymbolDirectory::otherVenueFormat);
        }
        return List.copyOf(all.values());
    }

    public boolean isListed(final String symbol)
    {
        return formats.containsKey(symbol) || otherVenues.containsKey(symbol);
    }

    /** The venues that list {@code symbol}, a bit per venue ordinal (0: none). */
    public int venues(final String symbol)
    {
        return (formats.containsKey(symbol) ? 1 << Venue.BINANCE.ordinal() : 0)
            | otherVenues.getOrDefault(symbol, 0);
    }

    /** The listed format, or one derived from the name for a symbol Binance does not list. */
    public SymbolFormat format(final String symbol)
    {
        final SymbolFormat format = formats.get(symbol);
        if (format != null)
        {
            return format;
        }
        return otherVenues.containsKey(symbol) ? otherVenueFormat(symbol) : SymbolFormat.unlisted(symbol);
    }

    private static SymbolFormat otherVenueFormat(final String symbol)
    {
        final SymbolFormat derived = SymbolFormat.unlisted(symbol);
        return new SymbolFormat(symbol, derived.baseAsset(), derived.quoteAsset(), SymbolFormat.UNKNOWN_PRECISION,
            SymbolFormat.UNKNOWN_PRECISION, OTHER_VENUE_STATUS);
    }
}
