package io.liqvol.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

class VenueSelectionTest
{
    @Test
    void shouldSelectEveryVenueWhenAbsentOrAll()
    {
        assertThat(VenueSelection.parse(null)).isSameAs(VenueSelection.ALL);
        assertThat(VenueSelection.parse("all")).isSameAs(VenueSelection.ALL);
        for (final Venue venue : Venue.values())
        {
            assertThat(VenueSelection.ALL.includes(venue)).isTrue();
        }
    }

    @Test
    void shouldSelectASubsetInAnyOrder()
    {
        final VenueSelection selection = VenueSelection.parse("okx,binance");

        assertThat(selection.includes(Venue.BINANCE)).isTrue();
        assertThat(selection.includes(Venue.OKX)).isTrue();
        assertThat(selection.includes(Venue.BYBIT)).isFalse();
        assertThat(selection.includesOrdinal(Venue.OKX.ordinal())).isTrue();
        assertThat(selection.single()).isNull();
        assertThat(selection.code()).isEqualTo("binance,okx");
        assertThat(selection).isEqualTo(VenueSelection.parse("binance,okx"));
    }

    @Test
    void shouldTreatEveryVenueNamedAsAll()
    {
        assertThat(VenueSelection.parse("bybit,okx,binance")).isSameAs(VenueSelection.ALL);
    }

    @Test
    void shouldNameASingleVenue()
    {
        assertThat(VenueSelection.parse("bybit").single()).isSameAs(Venue.BYBIT);
        assertThat(VenueSelection.of(Venue.OKX).code()).isEqualTo("okx");
    }

    @Test
    void shouldRefuseUnknownRepeatedOrEmptyVenues()
    {
        for (final String raw : new String[] {"", "kraken", "binance,", ",okx", "okx,okx", "BINANCE", "all,okx"})
        {
            assertThatThrownBy(() -> VenueSelection.parse(raw))
                .isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_exchange"))
                .hasMessageContaining("was " + raw);
        }
    }
}
