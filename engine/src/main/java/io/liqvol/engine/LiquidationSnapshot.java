package io.liqvol.engine;

import java.math.BigDecimal;

/**
 * One recorded liquidation. {@code notional = quantity × price} in USDT, exact; {@code tradeTimeMs} is the
 * time buckets are taken from (Binance's {@code T}, falling back to {@code E}); {@code venue} the exchange it was
 * recorded from.
 */
public record LiquidationSnapshot(
    String symbol,
    Side side,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal notional,
    long tradeTimeMs,
    long eventTimeMs,
    Venue venue)
{
    /** A liquidation on Binance. */
    public LiquidationSnapshot(
        final String symbol,
        final Side side,
        final BigDecimal quantity,
        final BigDecimal price,
        final BigDecimal notional,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        this(symbol, side, quantity, price, notional, tradeTimeMs, eventTimeMs, Venue.BINANCE);
    }
}
