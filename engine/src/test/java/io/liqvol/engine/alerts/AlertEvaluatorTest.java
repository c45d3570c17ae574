package io.liqvol.engine.alerts;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AlertEvaluatorTest
{
    private static final long MINUTE_MS = 60_000L;
    /** The start of a minute; the engine's clock stands an hour later. */
    private static final long T0_MS = 1_700_000_040_000L;
    private static final long E8 = 100_000_000L;
    private static final int BYBIT = Venues.mask(Venue.BYBIT);
    private static final int OKX = Venues.mask(Venue.OKX);

    private final List<AlertEvent> events = new CopyOnWriteArrayList<>();
    private LiqvolEngine engine;
    private AlertEvaluator evaluator;

    @AfterEach
    void close()
    {
        if (engine != null)
        {
            engine.close();
        }
        if (evaluator != null)
        {
            evaluator.close();
        }
    }

    @Test
    void shouldFireOnLiquidationAtOrAboveThresholdOnItsSide()
    {
        start(null, List.of(liquidationRule("big-longs", Side.SELL, "1000", 0)));
        liquidate("BTCUSDT", Side.SELL, 1, 999, T0_MS);
        liquidate("BTCUSDT", Side.BUY, 1, 5000, T0_MS + 1);
        liquidate("BTCUSDT", Side.SELL, 2, 500, T0_MS + 2);
        liquidate("ETHUSDT", Side.SELL, 0.5, 4000, T0_MS + 3);
        settle(4);

        assertThat(events).extracting(AlertEvent::symbol, AlertEvent::value, AlertEvent::threshold)
            .containsExactly(
                tuple("BTCUSDT", new BigDecimal("1000"), new BigDecimal("1000")),
                tuple("ETHUSDT", new BigDecimal("2000"), new BigDecimal("1000")));
        assertThat(events.get(0).liquidation().side()).isEqualTo(Side.SELL);
        assertThat(events.get(0).liquidation().tradeTimeMs()).isEqualTo(T0_MS + 2);
        assertThat(events.get(0).bucket()).isNull();
    }

    @Test
    void shouldFireBucketRuleOncePerBucketWhenCrossed()
    {
        start(null, List.of(bucketRule("total", BucketMetric.TOTAL_VOLUME, "3000", 0)));
        liquidate("BTCUSDT", Side.SELL, 1, 1000, T0_MS);
        liquidate("BTCUSDT", Side.BUY, 1, 1999, T0_MS + 1);
        settle(2);
        assertThat(events).isEmpty();
        liquidate("BTCUSDT", Side.BUY, 1, 1, T0_MS + 2);
        settle(3);
        liquidate("BTCUSDT", Side.BUY, 1, 1, T0_MS + 3);
        settle(4);
        liquidate("BTCUSDT", Side.BUY, 1, 5000, T0_MS + MINUTE_MS);
        settle(5);

        assertThat(events).extracting(e -> e.bucket().startTimeMs(), AlertEvent::value)
            .containsExactly(tuple(T0_MS, new BigDecimal("3000")),
                tuple(T0_MS + MINUTE_MS, new BigDecimal("5000")));
        assertThat(events.get(0).bucket().timeframe()).isEqualTo(Timeframe.M1);
        assertThat(events.get(0).bucket().count()).isEqualTo(3);
    }

    @Test
    void shouldCompareAbsoluteDeltaAndCount()
    {
        start(null, List.of(bucketRule("delta", BucketMetric.DELTA_VOLUME, "500", 0),
            bucketRule("count", BucketMetric.COUNT, "3", 0)));
        liquidate("BTCUSDT", Side.BUY, 1, 100, T0_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 700, T0_MS + 1);
        settle(2);
        assertThat(events).extracting(e -> e.rule().id(), AlertEvent::value)
            .containsExactly(tuple("delta", new BigDecimal("600")));
        liquidate("BTCUSDT", Side.BUY, 1, 100, T0_MS + 2);
        settle(3);
        assertThat(events).extracting(e -> e.rule().id(), AlertEvent::value)
            .containsExactly(tuple("delta", new BigDecimal("600")),
                tuple("count", new BigDecimal("3")));
    }

    @Test
    void shouldHoldCooldownPerRuleAndSymbolOnTradeTime()
    {
        start(null, List.of(liquidationRule("any", null, "100", 10_000)));
        liquidate("BTCUSDT", Side.SELL, 1, 200, T0_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 200, T0_MS + 9_999);
        liquidate("ETHUSDT", Side.SELL, 1, 200, T0_MS + 5_000);
        liquidate("BTCUSDT", Side.SELL, 1, 200, T0_MS + 10_000);
        settle(4);

        assertThat(events).extracting(AlertEvent::symbol, AlertEvent::triggerTimeMs).containsExactly(
            tuple("BTCUSDT", T0_MS),
            tuple("ETHUSDT", T0_MS + 5_000),
            tuple("BTCUSDT", T0_MS + 10_000));
    }

    @Test
    void shouldSkipChangesOfBucketsOlderThanTheNewest()
    {
        start(null, List.of(bucketRule("total", BucketMetric.TOTAL_VOLUME, "1000", 0)));
        liquidate("BTCUSDT", Side.SELL, 1, 10, T0_MS + MINUTE_MS);
        settle(1);
        liquidate("BTCUSDT", Side.SELL, 1, 5000, T0_MS);
        settle(2);

        assertThat(events).isEmpty();
    }

    @Test
    void shouldFireUnusualVolumeAgainstTheMedianOfClosedBucketsWithItsRatio()
    {
        start(null, List.of(unusualRule("spike", Baseline.MEDIAN, "3", 4)));
        // four closed minutes of 100, 300, 200 and nothing (0): median of {0, 100, 200, 300} = 150
        liquidate("BTCUSDT", Side.SELL, 1, 100, T0_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 300, T0_MS + MINUTE_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 200, T0_MS + 2 * MINUTE_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 449, T0_MS + 4 * MINUTE_MS);
        settle(4);
        // minute 2 fired against {0, 0, 100, 300}: 200 >= 3 x 50; minute 1's baseline was 0, which never fires
        assertThat(events).extracting(e -> e.bucket().startTimeMs()).containsExactly(T0_MS + 2 * MINUTE_MS);
        liquidate("BTCUSDT", Side.BUY, 1, 1, T0_MS + 4 * MINUTE_MS + 1);
        settle(5);
        liquidate("BTCUSDT", Side.BUY, 1, 100, T0_MS + 4 * MINUTE_MS + 2);
        settle(6);

        assertThat(events).hasSize(2);
        final AlertEvent event = events.get(1);
        assertThat(event.value()).isEqualByComparingTo("450");
        assertThat(event.baseline()).isEqualByComparingTo("150");
        assertThat(event.threshold()).isEqualByComparingTo("450");
        assertThat(event.ratio()).isEqualTo(new BigDecimal("3.0000"));
        assertThat(event.bucket().startTimeMs()).isEqualTo(T0_MS + 4 * MINUTE_MS);
    }

    @Test
    void shouldTakeTheBaselineFromTheJournalAfterARestart(@TempDir final Path dataDir)
    {
        start(dataDir, List.of());
        liquidate("BTCUSDT", Side.SELL, 1, 100, T0_MS);
        liquidate("BTCUSDT", Side.SELL, 1, 100, T0_MS + MINUTE_MS);
        settle(2);
        engine.close();
        evaluator.close();

        start(dataDir, List.of(unusualRule("spike", Baseline.EWMA, "2", 2)));
        liquidate("BTCUSDT", Side.SELL, 1, 199, T0_MS + 2 * MINUTE_MS);
        settle(1);
        assertThat(events).isEmpty();
        liquidate("BTCUSDT", Side.SELL, 1, 1, T0_MS + 2 * MINUTE_MS + 1);
        settle(2);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).baseline()).isEqualByComparingTo("100");
        assertThat(events.get(0).ratio()).isEqualTo(new BigDecimal("2.0000"));
    }

    @Test
    void shouldFireBybitLiquidationRuleOnBybitLiquidationsOnly()
    {
        start(null, List.of(liquidationRule("bybit", null, "1000", 0).withVenues(BYBIT)));
        liquidate(Venue.BINANCE, Side.SELL, 10 * E8, 5000 * E8, T0_MS);
        liquidate(Venue.OKX, Side.SELL, 10 * E8, 5000 * E8, T0_MS + 1);
        liquidate(Venue.BYBIT, Side.SELL, E8 / 2, 1999 * E8, T0_MS + 2);
        liquidate(Venue.BYBIT, Side.BUY, E8 / 2, 2000 * E8, T0_MS + 3);
        settle(4);

        assertThat(events).extracting(AlertEvent::value, e -> e.liquidation().venue(), AlertEvent::triggerTimeMs)
            .containsExactly(tuple(new BigDecimal("1000"), Venue.BYBIT, T0_MS + 3));
        assertThat(events.get(0).rule().venueMask()).isEqualTo(BYBIT);
    }

    @Test
    void shouldFireBucketRulesOnTheExactSumOverTheirVenuesOnly()
    {
        start(null, List.of(bucketRule("bybit", BucketMetric.TOTAL_VOLUME, "1500", 0).withVenues(BYBIT),
            bucketRule("bybit-okx", BucketMetric.TOTAL_VOLUME, "3000", 0).withVenues(BYBIT | OKX),
            bucketRule("all", BucketMetric.TOTAL_VOLUME, "20000", 0)));
        // Binance alone crosses no rule of Bybit's, however large
        liquidate(Venue.BINANCE, Side.SELL, 7 * E8, 2_000 * E8, T0_MS);
        settle(1);
        assertThat(events).isEmpty();
        final Venue[] venues = {Venue.BYBIT, Venue.OKX, Venue.BINANCE};
        final Map<Venue, BigDecimal> reference = new EnumMap<>(Venue.class);
        reference.put(Venue.BINANCE, new BigDecimal(14_000));
        reference.put(Venue.BYBIT, BigDecimal.ZERO);
        reference.put(Venue.OKX, BigDecimal.ZERO);
        final Map<String, BigDecimal> expected = new HashMap<>();
        for (int i = 0; i < 30; i++)
        {
            final Venue venue = venues[i % venues.length];
            final long quantityE8 = 12_345_678L + i * 1_000_001L;
            final long priceE8 = 98_765_432_101L + i * 333_333_333L;
            liquidate(venue, i % 2 == 0 ? Side.SELL : Side.BUY, quantityE8, priceE8, T0_MS + 1 + i);
            settle(2 + i);
            reference.merge(venue, BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8)),
                BigDecimal::add);
            final BigDecimal bybit = reference.get(Venue.BYBIT);
            final BigDecimal bybitOkx = bybit.add(reference.get(Venue.OKX));
            final BigDecimal all = bybitOkx.add(reference.get(Venue.BINANCE));
            expectFirst(expected, "bybit", bybit, "1500");
            expectFirst(expected, "bybit-okx", bybitOkx, "3000");
            expectFirst(expected, "all", all, "20000");
        }

        assertThat(expected).containsOnlyKeys("bybit", "bybit-okx", "all");
        assertThat(events).hasSize(3);
        for (final AlertEvent event : events)
        {
            assertThat(event.value()).as(event.rule().id()).isEqualByComparingTo(expected.get(event.rule().id()));
            assertThat(event.bucket().totalNotional()).isEqualByComparingTo(expected.get(event.rule().id()));
        }
    }

    @Test
    void shouldHandOverNoBucketOfVenuesNoRuleWatches()
    {
        start(null, List.of(bucketRule("bybit", BucketMetric.TOTAL_VOLUME, "1000000", 0).withVenues(BYBIT)));
        liquidate(Venue.BINANCE, Side.SELL, E8, 100 * E8, T0_MS);
        liquidate(Venue.OKX, Side.SELL, E8, 100 * E8, T0_MS + 1);
        settle(2);
        assertThat(evaluator.evaluated()).isZero();
        liquidate(Venue.BYBIT, Side.SELL, E8, 100 * E8, T0_MS + 2);
        settle(3);

        assertThat(evaluator.evaluated()).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void shouldTakeTheBaselineOfUnusualVolumeOverTheRulesVenues()
    {
        // Bybit's minutes hold 100 each, every venue's 1100: only Bybit's baseline lets 300 fire
        start(null, List.of(unusualRule("spike", Baseline.MEDIAN, "3", 2).withVenues(BYBIT)));
        liquidate(Venue.BINANCE, Side.SELL, E8, 1000 * E8, T0_MS);
        liquidate(Venue.BYBIT, Side.SELL, E8, 100 * E8, T0_MS + 1);
        liquidate(Venue.BINANCE, Side.SELL, E8, 1000 * E8, T0_MS + MINUTE_MS);
        liquidate(Venue.BYBIT, Side.SELL, E8, 100 * E8, T0_MS + MINUTE_MS + 1);
        liquidate(Venue.BYBIT, Side.SELL, E8, 299 * E8, T0_MS + 2 * MINUTE_MS);
        settle(5);
        assertThat(events).isEmpty();
        liquidate(Venue.BYBIT, Side.SELL, E8, E8, T0_MS + 2 * MINUTE_MS + 1);
        settle(6);

        assertThat(events).extracting(AlertEvent::value, AlertEvent::baseline)
            .containsExactly(tuple(new BigDecimal("300"), new BigDecimal("100")));
    }

    private void expectFirst(final Map<String, BigDecimal> expected, final String ruleId, final BigDecimal sum,
        final String threshold)
    {
        if (!expected.containsKey(ruleId) && sum.compareTo(new BigDecimal(threshold)) >= 0)
        {
            expected.put(ruleId, sum);
        }
    }

    private void liquidate(final Venue venue, final Side side, final long quantityE8, final long priceE8,
        final long tradeTimeMs)
    {
        engine.ingestLiquidation(venue, "BTCUSDT", side, quantityE8, priceE8, tradeTimeMs, tradeTimeMs);
    }

    private void start(final Path dataDir, final List<AlertRule> rules)
    {
        evaluator = new AlertEvaluator((symbol, venueMask, timeframe, startMs, endMs) ->
            engine.volume(symbol, venueMask, timeframe, startMs, endMs), events::add, () -> 42L, 1024);
        evaluator.rules(rules);
        final EngineContext context = new EngineContext().epochClock(() -> T0_MS + 3_600_000L)
            .listener(evaluator.listener());
        engine = LiqvolEngine.launch(dataDir == null ? context : context.dataDir(dataDir));
        evaluator.start();
    }

    private void liquidate(final String symbol, final Side side, final double quantity, final long price,
        final long tradeTimeMs)
    {
        engine.ingestLiquidation(symbol, side, Math.round(quantity * E8), price * E8, tradeTimeMs, tradeTimeMs);
    }

    /** Waits until the engine published this many and the evaluator has taken everything handed over. */
    private void settle(final long published)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((engine.counters().published() < published || engine.processedSequence() < engine.inputSequence()
            || evaluator.queued() > 0) && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertThat(engine.counters().published()).isEqualTo(published);
        assertThat(evaluator.queued()).isZero();
        assertThat(evaluator.errors()).isZero();
    }

    static AlertRule liquidationRule(final String id, final Side side, final String threshold, final long cooldownMs)
    {
        return new AlertRule(id, id, List.of(), AlertCondition.LIQUIDATION, side, null, null,
            new BigDecimal(threshold), null, null, 0, cooldownMs, null);
    }

    static AlertRule bucketRule(final String id, final BucketMetric metric, final String threshold,
        final long cooldownMs)
    {
        return new AlertRule(id, id, List.of("BTCUSDT"), AlertCondition.BUCKET, null, metric, Timeframe.M1,
            new BigDecimal(threshold), null, null, 0, cooldownMs, null);
    }

    static AlertRule unusualRule(final String id, final Baseline baseline, final String factor, final int buckets)
    {
        return new AlertRule(id, id, List.of(), AlertCondition.UNUSUAL_VOLUME, null, BucketMetric.TOTAL_VOLUME,
            Timeframe.M1, null, new BigDecimal(factor), baseline, buckets, 0, null);
    }
}
