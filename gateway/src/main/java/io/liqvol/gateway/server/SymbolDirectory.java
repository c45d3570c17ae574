package io.liqvol.gateway.server;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exchange's symbols and how to show their numbers, replaced whole when the exchange's list is
 * refreshed; read from any thread.
 */
public final class SymbolDirectory
{
    private volatile Map<String, SymbolFormat> formats = Map.of();
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

    /** Changes whenever the list is replaced, so that readers may cache formats. */
    public int version()
    {
        return version;
    }

    /** Every listed symbol, in name order. */
    public List<SymbolFormat> listed()
    {
        return List.copyOf(formats.values());
    }

    public boolean isListed(final String symbol)
    {
        return formats.containsKey(symbol);
    }

    /** The listed format, or one derived from the name for a symbol only the engine has seen. */
    public SymbolFormat format(final String symbol)
    {
        final SymbolFormat format = formats.get(symbol);
        return format != null ? format : SymbolFormat.unlisted(symbol);
    }
}
