package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimeframeTest
{
    private static final long FROM_MS = Instant.parse("1999-01-01T00:00:00Z").toEpochMilli();
    private static final long TO_MS = Instant.parse("2101-01-01T00:00:00Z").toEpochMilli();

    @ParameterizedTest
    @EnumSource(Timeframe.class)
    void shouldAlignLikeBinanceKlineOpenTimes(final Timeframe timeframe)
    {
        final SplittableRandom random = new SplittableRandom(timeframe.ordinal());
        for (int n = 0; n < 20_000; n++)
        {
            final long timeMs = random.nextLong(FROM_MS, TO_MS);
            final long startMs = timeframe.alignDownMs(timeMs);

            assertThat(startMs).as("%s at %d", timeframe, timeMs).isEqualTo(referenceStartMs(timeframe, timeMs));
            assertThat(timeframe.bucketIndex(startMs)).isEqualTo(timeframe.bucketIndex(timeMs));
            assertThat(timeframe.bucketIndex(startMs - 1)).isEqualTo(timeframe.bucketIndex(timeMs) - 1);
            assertThat(timeframe.bucketStartMs(timeframe.bucketIndex(timeMs) + 1)).isGreaterThan(timeMs);
        }
    }

    @Test
    void shouldStartMonthsOnTheFirstIncludingLeapFebruaries()
    {
        final long feb29 = Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli();
        final long mar1 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

        assertThat(Timeframe.MN1.alignDownMs(feb29)).isEqualTo(Instant.parse("2024-02-01T00:00:00Z").toEpochMilli());
        assertThat(Timeframe.MN1.alignDownMs(mar1)).isEqualTo(mar1);
        assertThat(Timeframe.MN1.bucketIndex(mar1) - Timeframe.MN1.bucketIndex(feb29)).isEqualTo(1);
        assertThat(Timeframe.MN1.alignDownMs(Instant.parse("2100-02-28T12:00:00Z").toEpochMilli()))
            .isEqualTo(Instant.parse("2100-02-01T00:00:00Z").toEpochMilli());
        assertThat(Timeframe.MN1.alignDownMs(Instant.parse("2000-02-29T12:00:00Z").toEpochMilli()))
            .isEqualTo(Instant.parse("2000-02-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldStartWeeksOnMondayAcrossYearEnds()
    {
        final long wednesday = Instant.parse("2025-01-01T10:00:00Z").toEpochMilli();
        final long sundayNight = Instant.parse("2024-12-29T23:59:59.999Z").toEpochMilli();

        assertThat(Timeframe.W1.alignDownMs(wednesday))
            .isEqualTo(Instant.parse("2024-12-30T00:00:00Z").toEpochMilli());
        assertThat(Timeframe.W1.alignDownMs(sundayNight))
            .isEqualTo(Instant.parse("2024-12-23T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldAlignFixedSizesToTheEpoch()
    {
        final long timeMs = Instant.parse("2024-01-01T13:47:12.345Z").toEpochMilli();

        assertThat(Timeframe.M1.alignDownMs(timeMs)).isEqualTo(Instant.parse("2024-01-01T13:47:00Z").toEpochMilli());
        assertThat(Timeframe.H4.alignDownMs(timeMs)).isEqualTo(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli());
        assertThat(Timeframe.H12.alignDownMs(timeMs)).isEqualTo(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli());
        assertThat(Timeframe.D1.alignDownMs(timeMs)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldResolveContractNamesCaseSensitively()
    {
        assertThat(Timeframe.fromCode("1m")).isEqualTo(Timeframe.M1);
        assertThat(Timeframe.fromCode("1M")).isEqualTo(Timeframe.MN1);
        assertThat(Timeframe.fromCode("1w")).isEqualTo(Timeframe.W1);
        assertThat(Timeframe.fromCode("2m")).isNull();
        assertThat(Timeframe.fromCode(null)).isNull();
        for (final Timeframe timeframe : Timeframe.values())
        {
            assertThat(Timeframe.fromCode(timeframe.code())).isEqualTo(timeframe);
        }
    }

    private static long referenceStartMs(final Timeframe timeframe, final long timeMs)
    {
        final ZonedDateTime time = Instant.ofEpochMilli(timeMs).atZone(ZoneOffset.UTC);
        if (timeframe == Timeframe.MN1)
        {
            return LocalDate.of(time.getYear(), time.getMonth(), 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        }
        if (timeframe == Timeframe.W1)
        {
            return time.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return Math.floorDiv(timeMs, timeframe.sizeMs()) * timeframe.sizeMs();
    }
}
