package io.liqvol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VenueTest
{
    @Test
    void shouldReadRecordsWrittenBeforeVenuesAsBinance()
    {
        assertThat(Venue.fromOrdinal(0)).isSameAs(Venue.BINANCE);
    }

    @Test
    void shouldRoundTripEveryVenueThroughItsOrdinalAndCode()
    {
        for (final Venue venue : Venue.values())
        {
            assertThat(Venue.fromOrdinal(venue.ordinal())).isSameAs(venue);
            assertThat(Venue.fromCode(venue.code())).isSameAs(venue);
        }
    }

    @Test
    void shouldAnswerNullForUnknownVenues()
    {
        assertThat(Venue.fromOrdinal(Venue.count())).isNull();
        assertThat(Venue.fromOrdinal(-1)).isNull();
        assertThat(Venue.fromCode("kraken")).isNull();
        assertThat(Venue.fromCode("all")).isNull();
    }
}
