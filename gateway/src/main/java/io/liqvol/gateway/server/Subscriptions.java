package io.liqvol.gateway.server;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics by symbol, and the all-symbols stream's. A topic outlives its last subscriber (symbols are few and bounded
 * by the exchange's list), so the publisher never races a removal.
 */
public final class Subscriptions
{
    private final ConcurrentHashMap<String, SymbolTopic> topics = new ConcurrentHashMap<>();
    private final MarketTopic market = new MarketTopic();

    /** The clients of the all-symbols stream. */
    MarketTopic market()
    {
        return market;
    }

    /** The topic of a symbol, or null when no client ever watched it; allocation-free. */
    SymbolTopic topic(final String symbol)
    {
        return topics.get(symbol);
    }

    SymbolTopic join(final String symbol)
    {
        return topics.computeIfAbsent(symbol, SymbolTopic::new);
    }

    Collection<SymbolTopic> topics()
    {
        return topics.values();
    }
}
