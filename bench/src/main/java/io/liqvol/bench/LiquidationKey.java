package io.liqvol.bench;

import java.math.BigDecimal;

/** What identifies a liquidation across the simulator, a client row and the journal: symbol, side, time, quantity. */
record LiquidationKey(String symbol, String side, long tradeTimeMs, long quantityE8)
{
    static LiquidationKey of(final String symbol, final String side, final long tradeTimeMs, final String quantity)
    {
        final long quantityE8 = new BigDecimal(quantity).movePointRight(8).longValueExact();
        return new LiquidationKey(symbol, side, tradeTimeMs, quantityE8);
    }
}
