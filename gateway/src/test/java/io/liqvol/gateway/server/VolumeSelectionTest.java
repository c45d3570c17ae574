package io.liqvol.gateway.server;

import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolumeSelectionTest
{
    @Test
    void shouldReadEveryVenueWithoutPartsByDefault()
    {
        assertThat(VolumeSelection.parse(null, null)).isSameAs(VolumeSelection.ALL);
        assertThat(VolumeSelection.parse("all", "false")).isSameAs(VolumeSelection.ALL);
        assertThat(VolumeSelection.ALL.reads()).isEqualTo(1);
    }

    @Test
    void shouldReadTheSelectedVenuesAndTheirParts()
    {
        final VolumeSelection selection = VolumeSelection.parse("okx,bybit", "true");
        assertThat(selection.byExchange()).isTrue();
        assertThat(selection.venues().includes(Venue.BINANCE)).isFalse();
        assertThat(selection.venues().code()).isEqualTo("bybit,okx");
        assertThat(selection.reads()).isEqualTo(3);
        assertThat(VolumeSelection.of(selection.index())).isEqualTo(selection);
        assertThat(VolumeSelection.parse("binance,bybit,okx", null).index())
            .isEqualTo(VolumeSelection.ALL.index()).isLessThan(VolumeSelection.COUNT);
    }

    @Test
    void shouldRefuseAByExchangeOtherThanTrueOrFalse()
    {
        for (final String raw : new String[] {"yes", "1", "TRUE", ""})
        {
            assertThatThrownBy(() -> VolumeSelection.parse(null, raw))
                .isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_parameter"))
                .hasMessageContaining("by_exchange");
        }
        assertThatThrownBy(() -> VolumeSelection.parse("kraken", "true"))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_exchange"));
    }
}
