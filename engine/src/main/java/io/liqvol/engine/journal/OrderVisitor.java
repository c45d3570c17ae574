package io.liqvol.engine.journal;

/** Receives the journaled liquidations an order scan finds, in the scan's direction. */
@FunctionalInterface
public interface OrderVisitor
{
    /** {@code venue} is the ordinal of {@code io.liqvol.engine.Venue}, {@code side} that of {@code Side}. */
    void accept(int venue, String symbol, int side, long tradeTimeMs, long quantityE8, long priceE8);
}
