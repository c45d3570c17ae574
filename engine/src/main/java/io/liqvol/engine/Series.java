package io.liqvol.engine;

/**
 * A series is one symbol on one venue: the unit buckets, duplicate keys and the memory budget are held per. Its dense
 * id is the symbol's id times the venue count plus the venue's ordinal, so no table is needed to find it on the hot
 * path; what a series holds is taken at its first liquidation, so a symbol that one venue lists costs one series.
 */
final class Series
{
    static final int PER_SYMBOL = Venue.count();

    private Series()
    {
    }

    static int of(final int symbolId, final int venue)
    {
        return symbolId * PER_SYMBOL + venue;
    }

    static int symbolId(final int seriesId)
    {
        return seriesId / PER_SYMBOL;
    }

    static int venue(final int seriesId)
    {
        return seriesId % PER_SYMBOL;
    }

    /** How many series {@code maxSymbols} symbols hold. */
    static int capacity(final int maxSymbols)
    {
        return maxSymbols * PER_SYMBOL;
    }
}
