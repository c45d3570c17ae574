package io.liqvol.engine.journal;

/**
 * Which journaled liquidations an order query wants: of one symbol ({@code null}: all), traded in
 * {@code [startMs, endMs)}, of one side ({@link #ANY_SIDE}: both), of at least {@code minNotionalE8} USDT
 * (quantity × price, E8) and on the venues of {@code venueMask} (bit {@code v} selects the
 * {@code io.liqvol.engine.Venue} of ordinal {@code v}; {@link #ALL_VENUES}: every venue).
 */
public record OrderFilter(String symbol, long startMs, long endMs, int side, long minNotionalE8, int venueMask)
{
    public static final int ANY_SIDE = -1;
    public static final int ALL_VENUES = -1;
    private static final long E8 = 100_000_000L;

    /** On every venue. */
    public OrderFilter(final String symbol, final long startMs, final long endMs, final int side,
        final long minNotionalE8)
    {
        this(symbol, startMs, endMs, side, minNotionalE8, ALL_VENUES);
    }

    /** Whether the venue of ordinal {@code venue} is selected. */
    boolean selects(final int venue)
    {
        return (venueMask & (1 << venue)) != 0;
    }

    /** Whether the notional {@code quantityE8 × priceE8} (E16, compared exactly in 128 bits) reaches the minimum. */
    boolean reaches(final long quantityE8, final long priceE8)
    {
        if (minNotionalE8 <= 0)
        {
            return true;
        }
        final long high = Math.multiplyHigh(quantityE8, priceE8);
        final long low = quantityE8 * priceE8;
        final long minHigh = Math.multiplyHigh(minNotionalE8, E8);
        final long minLow = minNotionalE8 * E8;
        return high != minHigh ? high > minHigh : Long.compareUnsigned(low, minLow) >= 0;
    }
}
