package io.liqvol.engine.alerts;

import io.liqvol.engine.Int128;

/**
 * The bucket value a rule compares, as an exact signed 128-bit E16 number: notionals as they are, |buy − sell| for
 * the delta, and a count scaled by 10^16 so that every threshold is E16.
 */
public enum BucketMetric
{
    BUY_VOLUME("buy_volume"),
    SELL_VOLUME("sell_volume"),
    TOTAL_VOLUME("total_volume"),
    DELTA_VOLUME("delta_volume"),
    COUNT("count");

    static final long E16 = 10_000_000_000_000_000L;

    private final String code;

    BucketMetric(final String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }

    /** Whether its values and thresholds are whole numbers (a count) rather than USDT. */
    public boolean counts()
    {
        return this == COUNT;
    }

    /** The metric of this code, or null. */
    public static BucketMetric fromCode(final String code)
    {
        return Codes.find(values(), BucketMetric::code, code);
    }

    /** Writes this metric of the bucket into {@code out}; the sums are at most ~1.7e38, so none overflows. */
    void value(final long buyHigh, final long buyLow, final long sellHigh, final long sellLow, final long count,
        final Int128Value out)
    {
        switch (this)
        {
            case BUY_VOLUME -> out.set(buyHigh, buyLow);
            case SELL_VOLUME -> out.set(sellHigh, sellLow);
            case TOTAL_VOLUME -> out.set(Int128.addHigh(buyHigh, buyLow, sellHigh, sellLow),
                Int128.addLow(buyLow, sellLow));
            case DELTA_VOLUME ->
            {
                out.set(Int128.subtractHigh(buyHigh, buyLow, sellHigh, sellLow), Int128.subtractLow(buyLow, sellLow));
                out.abs();
            }
            default -> out.set(Int128.multiplyHigh(count, E16), Int128.multiplyLow(count, E16));
        }
    }
}
