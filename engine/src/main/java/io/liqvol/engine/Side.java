package io.liqvol.engine;

/**
 * The side of the liquidation order. {@code SELL} liquidates a long position, {@code BUY} a short one.
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
