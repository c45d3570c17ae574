package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateFilterTest
{
    private final DuplicateFilter filter = new DuplicateFilter(2);

    @Test
    void shouldDropAnIdenticalLiquidationOnly()
    {
        assertThat(filter.firstSighting(0, 0, 0, 1000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 0, 1000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 0, 1, 1000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 0, 1001, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 0, 1000, 6, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 0, 1000, 5, 8)).isTrue();
        assertThat(filter.firstSighting(1, 0, 0, 1000, 5, 7)).isTrue();
    }

    @Test
    void shouldTellTheSameOrderOnTwoVenuesApartAndDropEachOnesCopy()
    {
        final int bybit = Venue.BYBIT.ordinal();
        final int okx = Venue.OKX.ordinal();
        assertThat(filter.firstSighting(1, 0, 1, 2000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(1, bybit, 1, 2000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(1, okx, 1, 2000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(1, bybit, 1, 2000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(1, okx, 1, 1000, 5, 7)).as("older on its venue, but new").isTrue();
        assertThat(filter.firstSighting(1, okx, 1, 1000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(1, 0, 1, 2000, 5, 7)).isFalse();
    }

    @Test
    void shouldRememberTheLastKeysOfEachSymbol()
    {
        for (int i = 0; i <= DuplicateFilter.KEYS_PER_SYMBOL; i++)
        {
            filter.firstSighting(0, 0, 0, i, 1, 1);
        }

        assertThat(filter.firstSighting(0, 0, 0, DuplicateFilter.KEYS_PER_SYMBOL, 1, 1)).isFalse();
        assertThat(filter.firstSighting(0, 0, 0, 1, 1, 1)).isFalse();
        assertThat(filter.firstSighting(0, 0, 0, 0, 1, 1)).as("forgotten: oldest of more than the window").isTrue();
    }

    @Test
    void shouldAcceptFortyDistinctLiquidationsOnceWhateverIsResent()
    {
        int accepted = 0;
        for (int i = 0; i < 40; i++)
        {
            accepted += filter.firstSighting(0, 0, i % 2, 1_000_000 + i * 1000L, 100_000_000L + i, 7) ? 1 : 0;
        }
        for (int i = 0; i < 10; i++)
        {
            accepted += filter.firstSighting(0, 0, i % 2, 1_000_000 + i * 1000L, 100_000_000L + i, 7) ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(40);
    }

    @Test
    void shouldCatchACopyAsFarBackAsTheHorizonAtBinancesHighestRate()
    {
        final long newestMs = 10_000_000;
        final long intervalMs = 1000;
        for (long timeMs = newestMs - DuplicateFilter.HORIZON_MS; timeMs <= newestMs; timeMs += intervalMs)
        {
            assertThat(filter.firstSighting(0, 0, 1, timeMs, 5, 7)).isTrue();
        }

        for (long timeMs = newestMs - DuplicateFilter.HORIZON_MS; timeMs <= newestMs; timeMs += intervalMs)
        {
            assertThat(filter.firstSighting(0, 0, 1, timeMs, 5, 7)).as("%d ms back", newestMs - timeMs).isFalse();
        }
    }

    @Test
    void shouldFindADuplicateThatArrivesAfterNewerLiquidations()
    {
        filter.firstSighting(0, 0, 0, 1000, 5, 7);
        filter.firstSighting(0, 0, 1, 3000, 5, 7);

        assertThat(filter.firstSighting(0, 0, 0, 1000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 0, 0, 2000, 5, 7)).as("older but new").isTrue();
        assertThat(filter.firstSighting(0, 0, 0, 2000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 0, 1, 3000, 5, 7)).isFalse();
    }
}
