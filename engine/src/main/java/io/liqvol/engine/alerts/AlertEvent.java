package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;

import java.math.BigDecimal;

/**
 * A rule that fired: the value that crossed its threshold (USDT, or a count), the threshold (for unusual volume
 * {@code factor × baseline}), and for unusual volume the baseline and {@code ratio = value / baseline} rounded half
 * to even to 4 fraction digits. It carries the liquidation or the bucket (totals as of the firing) that fired it.
 * {@code triggerTimeMs} is the trade time of the liquidation that fired it (or, for a bucket, of the newest
 * liquidation published with it): the clock of cool-downs.
 */
public record AlertEvent(
    AlertRule rule,
    String symbol,
    BigDecimal value,
    BigDecimal threshold,
    BigDecimal baseline,
    BigDecimal ratio,
    LiquidationSnapshot liquidation,
    BucketSnapshot bucket,
    long triggerTimeMs,
    long firedAtMs,
    long receiveTimeNs)
{
}
