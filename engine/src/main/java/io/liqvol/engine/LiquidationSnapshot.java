package io.liqvol.engine;

import java.math.BigDecimal;

/**
 * One recorded liquidation. {@code notional = quantity × price} in USDT, exact; {@code tradeTimeMs} is the
 * time buckets are taken from (Binance's {@code T}, falling back to {@code E}).
 */
public record LiquidationSnapshot(
    String symbol,
    Side side,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal notional,
    long tradeTimeMs,
    long eventTimeMs)
{
}
