package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateFilterTest
{
    private final DuplicateFilter filter = new DuplicateFilter(2);

    @Test
    void shouldDropAnIdenticalLiquidationOnly()
    {
        assertThat(filter.firstSighting(0, 0, 1000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 1000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 1, 1000, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 1001, 5, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 1000, 6, 7)).isTrue();
        assertThat(filter.firstSighting(0, 0, 1000, 5, 8)).isTrue();
        assertThat(filter.firstSighting(1, 0, 1000, 5, 7)).isTrue();
    }

    @Test
    void shouldRememberTheLastKeysOfEachSymbol()
    {
        for (int i = 0; i <= DuplicateFilter.KEYS_PER_SYMBOL; i++)
        {
            filter.firstSighting(0, 0, i, 1, 1);
        }

        assertThat(filter.firstSighting(0, 0, DuplicateFilter.KEYS_PER_SYMBOL, 1, 1)).isFalse();
        assertThat(filter.firstSighting(0, 0, 1, 1, 1)).isFalse();
        assertThat(filter.firstSighting(0, 0, 0, 1, 1)).as("forgotten: oldest of more than the window").isTrue();
    }

    @Test
    void shouldFindADuplicateThatArrivesAfterNewerLiquidations()
    {
        filter.firstSighting(0, 0, 1000, 5, 7);
        filter.firstSighting(0, 1, 3000, 5, 7);

        assertThat(filter.firstSighting(0, 0, 1000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 0, 2000, 5, 7)).as("older but new").isTrue();
        assertThat(filter.firstSighting(0, 0, 2000, 5, 7)).isFalse();
        assertThat(filter.firstSighting(0, 1, 3000, 5, 7)).isFalse();
    }
}
