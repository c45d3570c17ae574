package io.liqvol.gateway.simulator;

import io.liqvol.engine.Timeframe;

import java.util.Locale;

/** A parsed stream name of the simulated exchange; {@link #parse} returns null for a name it does not serve. */
record StreamName(String name, int symbolIndex, Timeframe klineInterval)
{
    static final String ALL_FORCE_ORDERS = "!forceOrder@arr";
    private static final String FORCE_ORDER = "@forceOrder";
    private static final String KLINE = "@kline_";

    static StreamName parse(final String name, final MarketGenerator market)
    {
        if (ALL_FORCE_ORDERS.equals(name))
        {
            return new StreamName(name, -1, null);
        }
        final int at = name.indexOf('@');
        if (at <= 0)
        {
            return null;
        }
        final String symbol = name.substring(0, at);
        if (!symbol.equals(symbol.toLowerCase(Locale.ROOT)))
        {
            return null;
        }
        final int index = market.indexOf(symbol.toUpperCase(Locale.ROOT));
        if (index < 0)
        {
            return null;
        }
        final String kind = name.substring(at);
        if (FORCE_ORDER.equals(kind))
        {
            return new StreamName(name, index, null);
        }
        if (kind.startsWith(KLINE))
        {
            final Timeframe interval = Timeframe.fromCode(kind.substring(KLINE.length()));
            return interval == null ? null : new StreamName(name, index, interval);
        }
        return null;
    }

    static String forceOrderOf(final String symbol)
    {
        return symbol.toLowerCase(Locale.ROOT) + FORCE_ORDER;
    }

    boolean isKline()
    {
        return klineInterval != null;
    }
}
