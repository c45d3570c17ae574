package io.liqvol.engine;

import java.math.BigDecimal;

/** Conversions of a fixed-point liquidation to its exact decimal snapshot. */
final class Liquidations
{
    private Liquidations()
    {
    }

    static LiquidationSnapshot snapshot(
        final Venue venue,
        final String symbol,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        final BigDecimal notional = Int128.toBigDecimal(
            Math.multiplyHigh(quantityE8, priceE8), quantityE8 * priceE8, BucketDescriptor.NOTIONAL_SCALE);
        return new LiquidationSnapshot(
            symbol,
            Side.fromOrdinal(side),
            FixedPoint.toBigDecimal(quantityE8),
            FixedPoint.toBigDecimal(priceE8),
            notional,
            tradeTimeMs,
            eventTimeMs,
            venue);
    }
}
