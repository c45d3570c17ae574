package io.liqvol.engine;

import io.liqvol.engine.journal.JournalDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomTimeframeTest
{
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final long SPAN_MS = 12 * DAY_MS;

    @TempDir
    Path dir;

    @Test
    void shouldNameEachSizeInItsLargestUnitWithTheLargestDividingBase()
    {
        assertCustom("10m", "10m", 600_000L, Timeframe.M5, 2);
        assertCustom("20m", "20m", 1_200_000L, Timeframe.M5, 4);
        assertCustom("90m", "90m", 5_400_000L, Timeframe.M30, 3);
        assertCustom("180m", "3h", 10_800_000L, Timeframe.H1, 3);
        assertCustom("2d", "2d", 2 * DAY_MS, Timeframe.D1, 2);
        assertCustom("7d", "7d", 7 * DAY_MS, Timeframe.D1, 7);
        assertCustom("90d", "90d", 90 * DAY_MS, Timeframe.D1, 90);
        assertThat(Interval.parse("120m")).isSameAs(Timeframe.H2);
        assertThat(Interval.parse("24h")).isSameAs(Timeframe.D1);
        assertThat(Interval.parse("1440m")).isSameAs(Timeframe.D1);
        assertThat(Interval.parse("1M")).isSameAs(Timeframe.MN1);
        assertThat(Interval.parse("1w")).isSameAs(Timeframe.W1);
    }

    @Test
    void shouldRefuseSizesThatDoNotDivideADayOrExceedTheLongestNamingTheRule()
    {
        for (final String code : new String[] {"7m", "25h", "5h", "13m", "91d", "0m", "010m", "1.5h", "2w", "3M",
            "10s", "m", "", "-5m", "1234567m", "10 m"})
        {
            assertThatThrownBy(() -> Interval.parse(code)).as(code)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divides 24h").hasMessageContaining("1 to 90");
        }
        assertThatThrownBy(() -> Interval.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomTimeframe("7m", 420_000L, Timeframe.M1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomTimeframe("10m", 600_000L, Timeframe.M3))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomTimeframe("1h", 3_600_000L, Timeframe.M1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartABucketOfEveryMinuteOrHourMultipleAtEveryUtcMidnight()
    {
        for (final String code : new String[] {"10m", "16m", "45m", "90m", "96m", "3h"})
        {
            final Interval interval = Interval.parse(code);
            for (long day = 0; day < 800; day += 37)
            {
                final long midnightMs = T0 + day * DAY_MS;
                assertThat(interval.bucketStartMs(interval.bucketIndex(midnightMs))).as(code).isEqualTo(midnightMs);
                assertThat(interval.bucketStartMs(interval.bucketIndex(midnightMs - 1)))
                    .isEqualTo(midnightMs - ((CustomTimeframe)interval).sizeMs());
            }
        }
    }

    @Test
    void shouldCountDayMultiplesFromTheUnixEpoch()
    {
        final Interval threeDays = Interval.parse("3d");
        assertThat(threeDays.bucketStartMs(threeDays.bucketIndex(0))).isZero();
        assertThat(threeDays.bucketStartMs(threeDays.bucketIndex(3 * DAY_MS - 1))).isZero();
        assertThat(threeDays.bucketStartMs(threeDays.bucketIndex(3 * DAY_MS))).isEqualTo(3 * DAY_MS);
        // 2024-01-01 is day 19723 since the epoch: its 3d bucket began on day 19722, 2023-12-31
        assertThat(threeDays.bucketStartMs(threeDays.bucketIndex(T0 + 5))).isEqualTo(19_722L * DAY_MS);
        assertThat(threeDays.bucketStartMs(threeDays.bucketIndex(-1))).isEqualTo(-3 * DAY_MS);
    }

    @Test
    void shouldSumEachBucketFromItsBaseBucketsExactlyFromMemoryFromRollupsAndAcrossARestart()
    {
        final List<long[]> liquidations = liquidations(new Random(17), 20_000);
        final EngineContext windowed = new EngineContext().maxFutureSkewMs(Long.MAX_VALUE / 4).dataDir(dir)
            .bucketsPerTimeframe(16).segmentBytes(JournalDescriptor.recordOffset(4096));
        try (LiqvolEngine engine = LiqvolEngine.launch(windowed))
        {
            for (final long[] liquidation : liquidations)
            {
                engine.ingestLiquidation("BTCUSDT", liquidation[1] == 0 ? Side.BUY : Side.SELL, liquidation[2],
                    liquidation[3], liquidation[0], liquidation[0]);
            }
            engine.drain();
            engine.journal().history().awaitRollups();
            assertReference(engine, liquidations);
        }
        try (LiqvolEngine restarted = LiqvolEngine.launch(windowed))
        {
            assertReference(restarted, liquidations);
        }
    }

    private static void assertReference(final LiqvolEngine engine, final List<long[]> liquidations)
    {
        for (final String code : new String[] {"10m", "20m", "90m", "3h", "2d", "3d"})
        {
            final CustomTimeframe custom = (CustomTimeframe)Interval.parse(code);
            final List<BucketSnapshot> buckets = engine.volume("BTCUSDT", custom, T0, T0 + SPAN_MS);
            final long first = custom.bucketIndex(T0);
            assertThat(buckets).as(code).hasSize((int)(custom.bucketIndex(T0 + SPAN_MS - 1) - first + 1));
            for (int i = 0; i < buckets.size(); i++)
            {
                final long startMs = custom.bucketStartMs(first + i);
                final BucketSnapshot bucket = buckets.get(i);
                assertThat(bucket.startTimeMs()).isEqualTo(startMs);
                assertThat(bucket.timeframe()).isEqualTo(custom.base());
                final BigDecimal[] expected = reference(liquidations, startMs, startMs + custom.sizeMs());
                assertThat(bucket.buyNotional()).as(code + " @" + startMs).isEqualByComparingTo(expected[0]);
                assertThat(bucket.sellNotional()).isEqualByComparingTo(expected[1]);
                assertThat(bucket.buyQuantity()).isEqualByComparingTo(expected[2]);
                assertThat(bucket.sellQuantity()).isEqualByComparingTo(expected[3]);
                assertThat(bucket.buyCount()).isEqualTo(expected[4].longValueExact());
                assertThat(bucket.sellCount()).isEqualTo(expected[5].longValueExact());
            }
        }
    }

    /** Buy and sell notional, quantity and count of the liquidations timed in {@code [fromMs, toMs)}, in BigDecimal. */
    private static BigDecimal[] reference(final List<long[]> liquidations, final long fromMs, final long toMs)
    {
        final BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO};
        for (final long[] liquidation : liquidations)
        {
            if (liquidation[0] >= fromMs && liquidation[0] < toMs)
            {
                final int side = (int)liquidation[1];
                final BigDecimal quantity = BigDecimal.valueOf(liquidation[2], 8);
                totals[side] = totals[side].add(quantity.multiply(BigDecimal.valueOf(liquidation[3], 8)));
                totals[2 + side] = totals[2 + side].add(quantity);
                totals[4 + side] = totals[4 + side].add(BigDecimal.ONE);
            }
        }
        return totals;
    }

    /** {time, side (0 buy), quantityE8, priceE8}, in time order over the span. */
    private static List<long[]> liquidations(final Random random, final int count)
    {
        final List<long[]> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long timeMs = T0 + SPAN_MS * i / count + random.nextInt(1000);
            all.add(new long[] {timeMs, random.nextInt(2), 1 + random.nextLong(50_000_000_000L),
                1 + random.nextLong(9_000_000_000_000L)});
        }
        return all;
    }

    private static void assertCustom(final String code, final String canonical, final long sizeMs,
        final Timeframe base, final int baseBuckets)
    {
        final CustomTimeframe custom = (CustomTimeframe)Interval.parse(code);
        assertThat(custom.code()).isEqualTo(canonical);
        assertThat(custom.sizeMs()).isEqualTo(sizeMs);
        assertThat(custom.base()).isEqualTo(base);
        assertThat(custom.baseBuckets()).isEqualTo(baseBuckets);
    }
}
