package io.liqvol.gateway.replication;

import io.liqvol.engine.GapKind;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapIntersectionTest
{
    private final List<String> recorded = new ArrayList<>();

    @Test
    void shouldPassAGapOfTheOnlyRecorderAsItIs()
    {
        final GapIntersection gaps = new GapIntersection(1, this::record);

        gaps.onGap(0, Venue.BINANCE, GapKind.DOWNTIME, 1, 100, 200);

        assertThat(recorded).containsExactly("100-200 downtime");
    }

    @Test
    void shouldRecordNothingWhileAnotherRecorderHadNoGap()
    {
        final GapIntersection gaps = new GapIntersection(2, this::record);

        gaps.onGap(0, Venue.BINANCE, GapKind.UPSTREAM, 2, 100, 200);
        gaps.onGap(0, Venue.BINANCE, GapKind.UPSTREAM, 3, 300, 400);
        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 4, 201, 299);

        assertThat(recorded).isEmpty();
    }

    @Test
    void shouldRecordOnlyWhereEveryRecorderHadAGapOnceItsLastPartArrives()
    {
        final GapIntersection gaps = new GapIntersection(3, this::record);

        gaps.onGap(0, Venue.BINANCE, GapKind.UPSTREAM, 5, 100, 500);
        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 6, 150, 250);
        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 7, 400, 700);
        assertThat(recorded).isEmpty();

        gaps.onGap(2, Venue.BINANCE, GapKind.UPSTREAM, 8, 200, 450);

        assertThat(recorded).containsExactly("200-250 upstream", "400-450 upstream");
    }

    @Test
    void shouldForgetTheOldestGapsOfARecorderBeyondWhatItKeeps()
    {
        final GapIntersection gaps = new GapIntersection(2, this::record);
        gaps.onGap(0, Venue.BINANCE, GapKind.UPSTREAM, 9, 0, 10);
        for (int i = 1; i <= GapIntersection.KEPT_PER_RECORDER; i++)
        {
            gaps.onGap(0, Venue.BINANCE, GapKind.UPSTREAM, 9 + i, i * 100, i * 100 + 10);
        }

        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 11, 0, 10);
        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 12, 100, 110);

        assertThat(recorded).containsExactly("100-110 upstream");
    }

    @Test
    void shouldIntersectEachVenuesGapsOnlyWithTheSameVenuesOfTheOtherRecorders()
    {
        final GapIntersection gaps = new GapIntersection(2, this::record);

        gaps.onGap(0, Venue.BYBIT, GapKind.UPSTREAM, 13, 100, 500);
        gaps.onGap(1, Venue.OKX, GapKind.UPSTREAM, 14, 100, 500);
        gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 15, 100, 500);
        assertThat(recorded).isEmpty();

        gaps.onGap(1, Venue.BYBIT, GapKind.UPSTREAM, 16, 300, 600);

        assertThat(recorded).containsExactly("bybit 300-500 upstream");
    }

    @Test
    void shouldIntersectWithTheGapsRestoredFromBeforeARestart()
    {
        final GapIntersection gaps = new GapIntersection(2, this::record);
        gaps.restore(0, Venue.BYBIT, 7, 100, 500);

        assertThat(gaps.onGap(1, Venue.BYBIT, GapKind.UPSTREAM, 3, 300, 600)).isTrue();

        assertThat(recorded).containsExactly("bybit 300-500 upstream");
    }

    @Test
    void shouldKeepAGapHandedAgainAfterARestartOnceAndStillRecordWhatItCompletes()
    {
        final GapIntersection gaps = new GapIntersection(2, this::record);
        gaps.restore(0, Venue.BINANCE, 7, 100, 500);
        gaps.restore(1, Venue.BINANCE, 9, 400, 600);

        assertThat(gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 9, 400, 600)).isFalse();
        assertThat(gaps.onGap(1, Venue.BINANCE, GapKind.UPSTREAM, 10, 450, 460)).isTrue();

        assertThat(recorded).containsExactly("400-500 upstream", "450-460 upstream");
    }

    private void record(final Venue venue, final long fromMs, final long toMs, final GapKind kind)
    {
        recorded.add((venue == Venue.BINANCE ? "" : venue.code() + " ") + fromMs + "-" + toMs + " " + kind.code());
    }
}
