package io.liqvol.gateway.server;

/**
 * The volume a request asks for (docs/API.md §9): each bucket summed over the selected venues and, with
 * {@code by_exchange=true}, each selected venue's part beside it. Its {@link #index()} groups a stream's clients.
 */
record VolumeSelection(VenueSelection venues, boolean byExchange)
{
    /** Every index is below this. */
    static final int COUNT = (VenueSelection.ALL.mask() + 1) * 2;
    static final VolumeSelection ALL = new VolumeSelection(VenueSelection.ALL, false);

    /** The selection of an {@code exchange} and a {@code by_exchange} parameter (either may be absent). */
    static VolumeSelection parse(final String exchange, final String byExchange)
    {
        final VenueSelection venues = VenueSelection.parse(exchange);
        if (byExchange == null || "false".equals(byExchange))
        {
            return venues.isAll() ? ALL : new VolumeSelection(venues, false);
        }
        if (!"true".equals(byExchange))
        {
            throw ApiException.badRequest("invalid_parameter", "by_exchange must be true or false, was " + byExchange);
        }
        return new VolumeSelection(venues, true);
    }

    /** The selection of an index. */
    static VolumeSelection of(final int index)
    {
        return new VolumeSelection(VenueSelection.ofMask(index >>> 1), (index & 1) != 0);
    }

    /** How many reads of the history an answer takes per bucket: the sum, and each venue's part. */
    long reads()
    {
        return byExchange ? 1 + Integer.bitCount(venues.mask()) : 1;
    }

    int index()
    {
        return venues.mask() << 1 | (byExchange ? 1 : 0);
    }
}
