package io.liqvol.engine.journal;

/** Receives the journaled liquidations an order scan finds, in the scan's direction. */
@FunctionalInterface
public interface OrderVisitor
{
    /** {@code side} is the ordinal of {@code io.liqvol.engine.Side}. */
    void accept(String symbol, int side, long tradeTimeMs, long quantityE8, long priceE8);
}
