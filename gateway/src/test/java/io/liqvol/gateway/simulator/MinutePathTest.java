package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinutePathTest
{
    private static final long MINUTE_MS = 60_000L;

    private static CandleSeries.Candle candle()
    {
        return new CandleSeries.Candle(0, 0, 0);
    }

    @Test
    void shouldJoinMinutesAndFillSkippedOnesAtTheLastClose()
    {
        final MinutePath path = new MinutePath(10);
        path.onPrice(5 * MINUTE_MS + 1, 100);
        path.onPrice(5 * MINUTE_MS + 2, 120);
        path.onPrice(5 * MINUTE_MS + 3, 90);
        path.onPrice(8 * MINUTE_MS + 1, 95);

        final CandleSeries.Candle fifth = candle();
        assertThat(path.fill(fifth, 5 * MINUTE_MS, 6 * MINUTE_MS - 1)).isTrue();
        assertThat(new long[] {fifth.open, fifth.high, fifth.low, fifth.close}).containsExactly(100, 120, 90, 90);
        final CandleSeries.Candle skipped = candle();
        assertThat(path.fill(skipped, 6 * MINUTE_MS, 7 * MINUTE_MS - 1)).isTrue();
        assertThat(new long[] {skipped.open, skipped.high, skipped.low, skipped.close}).containsExactly(90, 90, 90, 90);
        final CandleSeries.Candle eighth = candle();
        assertThat(path.fill(eighth, 8 * MINUTE_MS, 9 * MINUTE_MS - 1)).isTrue();
        assertThat(new long[] {eighth.open, eighth.high, eighth.low, eighth.close}).containsExactly(90, 95, 90, 95);
        final CandleSeries.Candle all = candle();
        assertThat(path.fill(all, 0, 20 * MINUTE_MS)).isTrue();
        assertThat(new long[] {all.open, all.high, all.low, all.close}).containsExactly(100, 120, 90, 95);
        assertThat(path.fill(candle(), 9 * MINUTE_MS, 20 * MINUTE_MS)).isFalse();
        assertThat(path.lastPrice(1)).isEqualTo(95);
    }

    @Test
    void shouldKeepOnlyTheNewestMinutes()
    {
        final MinutePath path = new MinutePath(3);
        for (long minute = 0; minute < 10; minute++)
        {
            path.onPrice(minute * MINUTE_MS, 100 + minute);
        }
        path.onPrice(2 * MINUTE_MS, 1);

        assertThat(path.oldestMinute()).isEqualTo(7);
        assertThat(path.newestMinute()).isEqualTo(9);
        assertThat(path.fill(candle(), 0, 7 * MINUTE_MS - 1)).isFalse();
        assertThat(path.lastPrice(0)).isEqualTo(109);
        assertThat(new MinutePath(3).lastPrice(42)).isEqualTo(42);
    }
}
