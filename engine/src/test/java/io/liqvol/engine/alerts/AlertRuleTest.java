package io.liqvol.engine.alerts;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRuleTest
{
    @Test
    void shouldAcceptEachConditionWithItsFields()
    {
        assertThat(AlertEvaluatorTest.liquidationRule("a", Side.SELL, "250000", 60_000).watches("ETHUSDT")).isTrue();
        assertThat(AlertEvaluatorTest.bucketRule("b", BucketMetric.COUNT, "20", 0).watches("ETHUSDT")).isFalse();
        assertThat(AlertEvaluatorTest.unusualRule("c", Baseline.EWMA, "2.5", 30).baselineBuckets()).isEqualTo(30);
    }

    @Test
    void shouldNameTheFieldOfAnInvalidRule()
    {
        assertField(() -> rule("bad id!", AlertCondition.LIQUIDATION, null, null, "1", null, 0), "id");
        assertField(() -> new AlertRule("r", " ", List.of(), AlertCondition.LIQUIDATION, null, null, null,
            BigDecimal.ONE, null, null, 0, 0, null), "name");
        assertField(() -> new AlertRule("r", "n", List.of("btcusdt"), AlertCondition.LIQUIDATION, null, null, null,
            BigDecimal.ONE, null, null, 0, 0, null), "symbols");
        assertField(() -> rule("r", null, null, null, "1", null, 0), "condition");
        assertField(() -> rule("r", AlertCondition.LIQUIDATION, null, null, "0", null, 0), "threshold");
        assertField(() -> rule("r", AlertCondition.LIQUIDATION, null, null, "0.000000001", null, 0), "threshold");
        assertField(() -> rule("r", AlertCondition.LIQUIDATION, null, null, null, null, 0), "threshold");
        assertField(() -> rule("r", AlertCondition.LIQUIDATION, BucketMetric.COUNT, null, "1", null, 0), "metric");
        assertField(() -> rule("r", AlertCondition.BUCKET, null, Timeframe.M1, "1", null, 0), "metric");
        assertField(() -> rule("r", AlertCondition.BUCKET, BucketMetric.COUNT, null, "1", null, 0), "timeframe");
        assertField(() -> rule("r", AlertCondition.BUCKET, BucketMetric.COUNT, Timeframe.M1, "1.5", null, 0),
            "threshold");
        assertField(() -> rule("r", AlertCondition.BUCKET, BucketMetric.COUNT, Timeframe.M1, "2", "2", 0), "factor");
        assertField(() -> rule("r", AlertCondition.UNUSUAL_VOLUME, BucketMetric.TOTAL_VOLUME, Timeframe.M1, null,
            "-1", 5), "factor");
        assertField(() -> rule("r", AlertCondition.UNUSUAL_VOLUME, BucketMetric.TOTAL_VOLUME, Timeframe.M1, null,
            "3", 501), "baseline_buckets");
        assertField(() -> rule("r", AlertCondition.UNUSUAL_VOLUME, BucketMetric.TOTAL_VOLUME, Timeframe.M1, "5",
            "3", 5), "threshold");
        assertField(() -> new AlertRule("r", "n", List.of(), AlertCondition.LIQUIDATION, null, null, null,
            BigDecimal.ONE, null, null, 0, -1, null), "cooldown_ms");
        assertField(() -> new AlertRule("r", "n", List.of(), AlertCondition.LIQUIDATION, null, null, null,
            BigDecimal.ONE, null, null, 0, 0, "ftp://x"), "webhook_url");
    }

    @Test
    void shouldWatchEveryVenueUnlessItNamesSome()
    {
        final AlertRule every = AlertEvaluatorTest.liquidationRule("a", null, "1", 0);
        final AlertRule bybitOkx = every.withVenues(Venues.mask(Venue.BYBIT, Venue.OKX));

        assertThat(every.venueMask()).isEqualTo(Venues.ALL);
        assertThat(every.venueSelection()).isEqualTo((1 << Venue.count()) - 1);
        assertThat(bybitOkx.venueSelection()).isEqualTo(Venues.mask(Venue.BYBIT, Venue.OKX));
        assertThat(bybitOkx).isNotEqualTo(every);
        assertField(() -> every.withVenues(0), "exchange");
        assertField(() -> every.withVenues(1 << Venue.count()), "exchange");
        assertField(() -> every.withVenues(-2), "exchange");
    }

    private static AlertRule rule(final String id, final AlertCondition condition, final BucketMetric metric,
        final Timeframe timeframe, final String threshold, final String factor, final int buckets)
    {
        return new AlertRule(id, "name", List.of(), condition, null, metric, timeframe,
            threshold == null ? null : new BigDecimal(threshold), factor == null ? null : new BigDecimal(factor),
            factor == null ? null : Baseline.MEDIAN, buckets, 0, null);
    }

    private static void assertField(final org.assertj.core.api.ThrowableAssert.ThrowingCallable creation,
        final String field)
    {
        assertThatThrownBy(creation).isInstanceOfSatisfying(InvalidRuleException.class,
            e -> assertThat(e.field()).isEqualTo(field));
    }
}
