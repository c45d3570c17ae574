package io.liqvol.engine;

/**
 * The side of the liquidation order, as Binance reports it: {@code SELL} liquidates a long position, {@code BUY} a
 * short one. Every venue is converted to it: Bybit reports the liquidated position's side ("Buy" is a long, so a
 * {@code SELL} here), OKX the order's side.
 */
public enum Side
{
    BUY,
    SELL;

    private static final Side[] VALUES = values();

    public static Side fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
