package io.liqvol.engine;

import java.math.BigDecimal;

/**
 * The accumulated totals of one bucket, exact. Notionals are in USDT (quantity × average price),
 * quantities in the base asset.
 */
public record BucketSnapshot(
    String symbol,
    Timeframe timeframe,
    long startTimeMs,
    BigDecimal buyNotional,
    BigDecimal sellNotional,
    BigDecimal buyQuantity,
    BigDecimal sellQuantity,
    long buyCount,
    long sellCount)
{
    public BigDecimal totalNotional()
    {
        return buyNotional.add(sellNotional);
    }

    public BigDecimal deltaNotional()
    {
        return buyNotional.subtract(sellNotional);
    }

    public long count()
    {
        return buyCount + sellCount;
    }
}
