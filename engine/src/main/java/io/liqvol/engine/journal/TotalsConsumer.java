package io.liqvol.engine.journal;

/**
 * Receives the totals of one bucket from history: notionals (E16) and quantities (E8) as the high and low words of
 * 128-bit integers, then the counts. Keeps the journal free of the engine's own bucket types.
 */
@FunctionalInterface
public interface TotalsConsumer
{
    void accept(
        long buyNotionalHigh,
        long buyNotionalLow,
        long sellNotionalHigh,
        long sellNotionalLow,
        long buyQuantityHigh,
        long buyQuantityLow,
        long sellQuantityHigh,
        long sellQuantityLow,
        long buyCount,
        long sellCount);
}
