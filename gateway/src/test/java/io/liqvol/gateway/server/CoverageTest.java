package io.liqvol.gateway.server;

import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest
{
    /** 2024-01-17 05:43:20 UTC: inside a week and a month, not at any bucket's start. */
    private static final long ORIGIN_MS = 1_705_470_200_000L;

    @Test
    void shouldMatchACountOfRecordedSecondsInEveryBucketOfEveryTimeframe()
    {
        final SplittableRandom random = new SplittableRandom(20);
        final int seconds = 75 * 86_400;
        for (int round = 0; round < 4; round++)
        {
            final long sinceMs = ORIGIN_MS + random.nextInt(seconds / 3) * 1000L;
            final long nowMs = ORIGIN_MS + (seconds - random.nextInt(86_400 * 3)) * 1000L;
            final List<Gap> gaps = randomGaps(random, seconds, 1000);
            final int[] recordedBefore = recordedSecondsBefore(seconds, sinceMs, nowMs, gaps);
            final Coverage coverage = Coverage.of(sinceMs, gaps);
            for (final Timeframe timeframe : Timeframe.values())
            {
                for (long index = timeframe.bucketIndex(ORIGIN_MS); ; index++)
                {
                    final long startMs = Math.max(ORIGIN_MS, timeframe.bucketStartMs(index));
                    final long bucketStartMs = timeframe.bucketStartMs(index);
                    final long endMs = Math.min(timeframe.bucketStartMs(index + 1), ORIGIN_MS + seconds * 1000L);
                    if (startMs >= endMs)
                    {
                        break;
                    }
                    final long expectedMs = 1000L * (recordedBefore[second(endMs)] - recordedBefore[second(startMs)]);
                    if (bucketStartMs >= ORIGIN_MS)
                    {
                        assertThat(coverage.recordedMs(timeframe, bucketStartMs, nowMs))
                            .as("%s bucket at %d", timeframe.code(), bucketStartMs).isEqualTo(expectedMs);
                    }
                    assertThat(coverage.recordedMs(startMs, Math.min(endMs, nowMs)))
                        .as("%s from %d", timeframe.code(), startMs).isEqualTo(Math.min(endMs, nowMs) > startMs
                            ? expectedMs : 0);
                }
            }
        }
    }

    @Test
    void shouldMatchACountOfRecordedMillisecondsWithGapsOfAnyLength()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final int spanMs = 2 * 3_600_000;
        final long sinceMs = ORIGIN_MS + random.nextInt(600_000);
        final long nowMs = ORIGIN_MS + spanMs - random.nextInt(90_000);
        final List<Gap> gaps = randomGaps(random, spanMs, 1);
        final boolean[] recorded = new boolean[spanMs];
        for (int ms = 0; ms < spanMs; ms++)
        {
            recorded[ms] = ORIGIN_MS + ms >= sinceMs && ORIGIN_MS + ms < nowMs && outsideGaps(ORIGIN_MS + ms, gaps);
        }
        final Coverage coverage = Coverage.of(sinceMs, gaps);
        for (int first = 0; first < 120; first++)
        {
            final long bucketStartMs = Timeframe.M1.bucketStartMs(Timeframe.M1.bucketIndex(ORIGIN_MS) + 1 + first);
            long expectedMs = 0;
            for (long ms = bucketStartMs; ms < bucketStartMs + 60_000 && ms - ORIGIN_MS < spanMs; ms++)
            {
                expectedMs += recorded[(int)(ms - ORIGIN_MS)] ? 1 : 0;
            }
            final long recordedMs = coverage.recordedMs(Timeframe.M1, bucketStartMs, nowMs);
            assertThat(recordedMs).as("minute at %d", bucketStartMs).isEqualTo(expectedMs);
            final long spanOfBucketMs = Coverage.spanMs(Timeframe.M1, bucketStartMs, nowMs);
            assertThat(spanOfBucketMs).isEqualTo(Math.max(0, Math.min(60_000, nowMs - bucketStartMs)));
            final BigDecimal fraction = spanOfBucketMs == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(recordedMs)
                .divide(BigDecimal.valueOf(spanOfBucketMs), 4, RoundingMode.HALF_EVEN);
            assertThat(Coverage.fraction(recordedMs, spanOfBucketMs)).isEqualTo(fraction.movePointRight(4).intValue());
        }
    }

    @Test
    void shouldReadTheGapUnderWayAsNotRecordedFromItsStartUpToNowAndSwallowTheGapsInsideIt()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final int spanMs = 3_600_000;
        final long sinceMs = ORIGIN_MS + random.nextInt(60_000);
        final long nowMs = ORIGIN_MS + spanMs - random.nextInt(30_000);
        final List<Gap> gaps = randomGaps(random, spanMs, 1);
        final boolean[] inGap = new boolean[spanMs];
        for (final Gap gap : gaps)
        {
            for (long ms = gap.fromMs(); ms < gap.toMs(); ms++)
            {
                inGap[(int)(ms - ORIGIN_MS)] = true;
            }
        }
        for (final long openFromMs : new long[] {ORIGIN_MS + spanMs / 2 + random.nextInt(60_000), sinceMs - 5,
            gaps.get(gaps.size() / 2).fromMs() + 1})
        {
            final Coverage coverage = Coverage.of(sinceMs, gaps).withOpenGap(openFromMs);
            assertThat(coverage.openGapFromMs()).isEqualTo(openFromMs);
            assertThat(coverage.withOpenGap(Coverage.NO_OPEN_GAP).recordedMs(ORIGIN_MS, nowMs))
                .isEqualTo(Coverage.of(sinceMs, gaps).recordedMs(ORIGIN_MS, nowMs));
            for (long bucketStartMs = Timeframe.M1.alignDownMs(ORIGIN_MS); bucketStartMs < nowMs;
                bucketStartMs += 60_000)
            {
                long expectedMs = 0;
                for (long ms = Math.max(bucketStartMs, ORIGIN_MS); ms < Math.min(bucketStartMs + 60_000, nowMs); ms++)
                {
                    expectedMs += ms >= sinceMs && ms < openFromMs && !inGap[(int)(ms - ORIGIN_MS)] ? 1 : 0;
                }
                assertThat(coverage.recordedMs(Math.max(bucketStartMs, ORIGIN_MS), Math.min(bucketStartMs + 60_000,
                    nowMs))).as("minute at %d, open since %d", bucketStartMs, openFromMs).isEqualTo(expectedMs);
            }
        }
    }

    @Test
    void shouldCountTheGapsOfTheSelectedVenuesAndTheEnginesOwn()
    {
        final List<Gap> gaps = List.of(new Gap(Venue.BINANCE, ORIGIN_MS + 1_000, ORIGIN_MS + 2_000),
            new Gap(Venue.OKX, ORIGIN_MS + 1_500, ORIGIN_MS + 4_000),
            new Gap(ORIGIN_MS + 8_000, ORIGIN_MS + 9_000, GapKind.DOWNTIME));
        final long endMs = ORIGIN_MS + 10_000;

        assertThat(Coverage.of(ORIGIN_MS, gaps).recordedMs(ORIGIN_MS, endMs)).isEqualTo(10_000 - 3_000 - 1_000);
        assertThat(Coverage.of(ORIGIN_MS, gaps, VenueSelection.parse("binance,bybit")).recordedMs(ORIGIN_MS, endMs))
            .isEqualTo(10_000 - 1_000 - 1_000);
        final Coverage okx = Coverage.of(ORIGIN_MS, gaps, VenueSelection.parse("okx"));
        assertThat(okx.recordedMs(ORIGIN_MS, endMs)).isEqualTo(10_000 - 2_500 - 1_000);
        assertThat(okx.gaps(ORIGIN_MS, endMs, 10)).containsExactly(gaps.get(1), gaps.get(2));
        assertThat(okx.sourceGaps()).as("built from every gap, so a new one of any venue rebuilds it").isEqualTo(3);
        assertThat(Coverage.of(ORIGIN_MS, gaps, VenueSelection.parse("bybit")).recordedMs(ORIGIN_MS, endMs))
            .isEqualTo(10_000 - 1_000);
    }

    @Test
    void shouldRoundTheFractionHalfToEven()
    {
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++)
        {
            final long spanMs = 1 + random.nextLong(2_678_400_000L);
            final long recordedMs = random.nextLong(spanMs + 1);
            final BigDecimal expected = BigDecimal.valueOf(recordedMs)
                .divide(BigDecimal.valueOf(spanMs), 4, RoundingMode.HALF_EVEN);
            assertThat(Coverage.fraction(recordedMs, spanMs)).isEqualTo(expected.movePointRight(4).intValue());
        }
        assertThat(Coverage.fraction(5, 100_000)).isZero();
        assertThat(Coverage.fraction(15, 100_000)).isEqualTo(2);
        assertThat(Coverage.fraction(0, 0)).isZero();
    }

    @Test
    void shouldReadNothingAsRecordedBeforeRecordingBeganNorWithoutAHistory()
    {
        final Coverage coverage = Coverage.of(ORIGIN_MS, List.of());
        assertThat(coverage.recordedMs(Timeframe.W1, Timeframe.W1.alignDownMs(ORIGIN_MS) - 7 * 86_400_000L,
            ORIGIN_MS + 1_000)).isZero();
        assertThat(coverage.recordedMs(Timeframe.M1, Timeframe.M1.alignDownMs(ORIGIN_MS), ORIGIN_MS + 60_000))
            .isEqualTo(Timeframe.M1.alignDownMs(ORIGIN_MS) + 60_000 - ORIGIN_MS);
        assertThat(Coverage.NONE.recordedMs(Timeframe.M1, Timeframe.M1.alignDownMs(ORIGIN_MS), ORIGIN_MS + 60_000))
            .isZero();
    }

    @Test
    void shouldListTheGapsOverlappingARangeOldestFirstUpToALimit()
    {
        final SplittableRandom random = new SplittableRandom(5);
        final List<Gap> gaps = randomGaps(random, 86_400, 1000);
        final Coverage coverage = Coverage.of(ORIGIN_MS, gaps);
        assertThat(coverage.sourceGaps()).isEqualTo(gaps.size());
        for (int i = 0; i < 200; i++)
        {
            final long startMs = ORIGIN_MS + random.nextLong(86_400_000L);
            final long endMs = startMs + 1 + random.nextLong(20_000_000L);
            final List<Gap> expected = new ArrayList<>();
            for (final Gap gap : gaps)
            {
                if (gap.fromMs() < endMs && gap.toMs() >= startMs)
                {
                    expected.add(gap);
                }
            }
            expected.sort((a, b) -> a.fromMs() != b.fromMs() ? Long.compare(a.fromMs(), b.fromMs())
                : Long.compare(a.toMs(), b.toMs()));
            assertThat(coverage.countGaps(startMs, endMs)).isEqualTo(expected.size());
            assertThat(coverage.gaps(startMs, endMs, 10_000)).isEqualTo(expected);
            assertThat(coverage.gaps(startMs, endMs, 3)).isEqualTo(expected.subList(0, Math.min(3, expected.size())));
        }
    }

    /** Gaps inside {@code [ORIGIN_MS, ORIGIN_MS + units × unitMs)}, on a grid of unitMs, overlapping, in any order. */
    private static List<Gap> randomGaps(final SplittableRandom random, final int units, final long unitMs)
    {
        final GapKind[] kinds = GapKind.values();
        final List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < 150; i++)
        {
            final long from = random.nextInt(units);
            final long length = random.nextInt(4) == 0 ? 0 : random.nextLong(1 + units / (1 + random.nextInt(200)));
            gaps.add(new Gap(ORIGIN_MS + from * unitMs, ORIGIN_MS + Math.min(units, from + length) * unitMs,
                kinds[random.nextInt(kinds.length)]));
        }
        return gaps;
    }

    /** {@code [s]}: how many of the seconds before second s of the window were recorded, by marking each one. */
    private static int[] recordedSecondsBefore(
        final int seconds, final long sinceMs, final long nowMs, final List<Gap> gaps)
    {
        final boolean[] inGap = new boolean[seconds];
        for (final Gap gap : gaps)
        {
            for (int s = second(gap.fromMs()); s < second(gap.toMs()); s++)
            {
                inGap[s] = true;
            }
        }
        final int[] before = new int[seconds + 1];
        for (int s = 0; s < seconds; s++)
        {
            final long ms = ORIGIN_MS + s * 1000L;
            before[s + 1] = before[s] + (ms >= sinceMs && ms < nowMs && !inGap[s] ? 1 : 0);
        }
        return before;
    }

    private static boolean outsideGaps(final long ms, final List<Gap> gaps)
    {
        for (final Gap gap : gaps)
        {
            if (ms >= gap.fromMs() && ms < gap.toMs())
            {
                return false;
            }
        }
        return true;
    }

    private static int second(final long ms)
    {
        return (int)((ms - ORIGIN_MS) / 1000);
    }
}
