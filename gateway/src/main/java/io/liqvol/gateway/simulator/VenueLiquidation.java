package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;

import java.math.BigDecimal;

/**
 * A liquidation a simulated venue pushed, in the terms every venue is converted to: the canonical symbol, the side
 * of the liquidation order as Binance reports it ({@code SELL}: a long position was liquidated) and the quantity
 * in base units (OKX's contracts times their value), exact.
 */
public record VenueLiquidation(Venue venue, String canonicalSymbol, Side side, BigDecimal baseQuantity,
                               BigDecimal price, long tradeTimeMs)
{
    public BigDecimal notional()
    {
        return baseQuantity.multiply(price);
    }
}
