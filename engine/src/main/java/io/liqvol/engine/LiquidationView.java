package io.liqvol.engine;

/**
 * A flyweight over an accepted liquidation, valid only during the listener call that receives it.
 * Quantities and prices are fixed-point with 8 decimals ({@code E8}).
 */
public interface LiquidationView
{
    /** The ring sequence of the frame that carried this liquidation. */
    long sequence();

    /** The exchange it was recorded from. */
    Venue venue();

    int symbolId();

    String symbol();

    Side side();

    long quantityE8();

    long priceE8();

    long tradeTimeMs();

    long eventTimeMs();

    /** {@link System#nanoTime()} when the frame was received (or handed in by an embedder). */
    long receiveTimeNs();

    /** An immutable copy; allocates. */
    LiquidationSnapshot toSnapshot();
}
