package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeWindowTest
{
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final long MIN_MS = 1_483_228_800_000L;
    private static final long SKEW_MS = 86_400_000L;

    private final TimeWindow window = new TimeWindow(() -> NOW_MS, MIN_MS, SKEW_MS);

    @Test
    void shouldBelieveTimesFromTheMinimumToTheAllowedSkewAhead()
    {
        assertThat(window.isAbsurd(MIN_MS)).isFalse();
        assertThat(window.isAbsurd(NOW_MS)).isFalse();
        assertThat(window.isAbsurd(NOW_MS + SKEW_MS)).isFalse();
    }

    @Test
    void shouldFindTimesOutsideTheWindowAbsurd()
    {
        assertThat(window.isAbsurd(MIN_MS - 1)).isTrue();
        assertThat(window.isAbsurd(NOW_MS + SKEW_MS + 1)).isTrue();
        assertThat(window.isAbsurd(-1)).isTrue();
    }
}
