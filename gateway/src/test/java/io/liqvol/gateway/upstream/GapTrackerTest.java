package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapTrackerTest
{
    private final List<Gap> reported = new ArrayList<>();
    private final GapTracker tracker = new GapTracker(Venue.BINANCE, reported::add, 2);

    @Test
    void shouldReportAGapFromTheFirstLossToTheNextLiveConnection()
    {
        tracker.down(1_000);
        tracker.down(1_500);
        assertThat(tracker.isOpen()).isTrue();
        assertThat(reported).isEmpty();

        tracker.up(2_000);
        tracker.up(2_500);

        assertThat(reported).containsExactly(new Gap(1_000, 2_000));
        assertThat(tracker.isOpen()).isFalse();
    }

    @Test
    void shouldReportTheGapsOfItsVenue()
    {
        final GapTracker okx = new GapTracker(Venue.OKX, reported::add, 2);
        okx.down(1_000);
        okx.up(3_000);

        assertThat(reported).containsExactly(new Gap(Venue.OKX, 1_000, 3_000));
    }

    @Test
    void shouldKeepOnlyTheMostRecentGapsButReportEveryOne()
    {
        tracker.down(1);
        tracker.up(2);
        tracker.down(3);
        tracker.up(4);
        tracker.down(5);
        tracker.up(6);

        assertThat(reported).hasSize(3);
        assertThat(tracker.recent()).containsExactly(new Gap(3, 4), new Gap(5, 6));
    }

    @Test
    void shouldIgnoreUpWithoutAnOpenGap()
    {
        tracker.up(10);

        assertThat(reported).isEmpty();
        assertThat(tracker.recent()).isEmpty();
    }
}
