package io.liqvol.engine;

/**
 * The exchange a liquidation was recorded from. The ordinal is what a journal record stores: Binance is 0, so every
 * record written before venues existed (a zero byte there) reads as Binance. Append new venues; never reorder.
 */
public enum Venue
{
    BINANCE("binance"),
    BYBIT("bybit"),
    OKX("okx");

    private static final Venue[] BY_ORDINAL = values();

    private final String code;

    Venue(final String code)
    {
        this.code = code;
    }

    /** The name the contract shows and the {@code exchange} parameter takes. */
    public String code()
    {
        return code;
    }

    /** The venue stored as {@code ordinal}, or null for a number no venue has (a newer writer). */
    public static Venue fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < BY_ORDINAL.length ? BY_ORDINAL[ordinal] : null;
    }

    /** The venue named {@code code}, or null when there is none. */
    public static Venue fromCode(final String code)
    {
        for (final Venue venue : BY_ORDINAL)
        {
            if (venue.code.equals(code))
            {
                return venue;
            }
        }
        return null;
    }

    public static int count()
    {
        return BY_ORDINAL.length;
    }
}
