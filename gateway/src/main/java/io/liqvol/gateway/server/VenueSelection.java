package io.liqvol.gateway.server;

import io.liqvol.engine.Venue;

/**
 * The venues a request covers (docs/API.md §9): {@code all}, the default, or a comma-separated list of venue codes,
 * each at most once. Held as a bit per venue ordinal so a filter on a publisher thread is one AND.
 */
public final class VenueSelection
{
    public static final VenueSelection ALL = new VenueSelection((1 << Venue.count()) - 1, true);

    /** The selection of each mask, so that a publisher thread finds one without allocating. */
    private static final VenueSelection[] OF_MASK = ofEveryMask();

    private final int mask;
    private final boolean all;

    private VenueSelection(final int mask, final boolean all)
    {
        this.mask = mask;
        this.all = all;
    }

    /** The selection named by an {@code exchange} parameter; absent or {@code all} is every venue. */
    public static VenueSelection parse(final String raw)
    {
        if (raw == null || "all".equals(raw))
        {
            return ALL;
        }
        int mask = 0;
        int from = 0;
        while (from <= raw.length())
        {
            final int comma = raw.indexOf(',', from);
            final int to = comma < 0 ? raw.length() : comma;
            final Venue venue = Venue.fromCode(raw.substring(from, to));
            if (venue == null || (mask & bit(venue)) != 0)
            {
                throw ApiException.badRequest("invalid_exchange", "exchange " + problem(raw));
            }
            mask |= bit(venue);
            from = to + 1;
        }
        return OF_MASK[mask];
    }

    /** What is wrong with an {@code exchange} parameter that {@link #parse} refuses. */
    public static String problem(final String raw)
    {
        return "must be all or a comma-separated list of binance, bybit, okx (each at most once), was " + raw;
    }

    /** The selection of a mask (1 to {@link #ALL}'s). */
    public static VenueSelection ofMask(final int mask)
    {
        return OF_MASK[mask];
    }

    /** One venue alone. */
    public static VenueSelection of(final Venue venue)
    {
        return new VenueSelection(bit(venue), false);
    }

    public boolean includes(final Venue venue)
    {
        return (mask & bit(venue)) != 0;
    }

    public boolean includesOrdinal(final int venueOrdinal)
    {
        return (mask & (1 << venueOrdinal)) != 0;
    }

    /** True when it was asked as {@code all} or names every venue. */
    public boolean isAll()
    {
        return all;
    }

    /** The single venue selected, or null when there are several. */
    public Venue single()
    {
        return Integer.bitCount(mask) == 1 ? Venue.fromOrdinal(Integer.numberOfTrailingZeros(mask)) : null;
    }

    public int mask()
    {
        return mask;
    }

    /** The parameter's canonical text: {@code all}, or the codes in venue order. */
    public String code()
    {
        if (all)
        {
            return "all";
        }
        final StringBuilder text = new StringBuilder();
        for (final Venue venue : Venue.values())
        {
            if (includes(venue))
            {
                text.append(text.length() == 0 ? "" : ",").append(venue.code());
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof VenueSelection && ((VenueSelection)other).mask == mask;
    }

    @Override
    public int hashCode()
    {
        return mask;
    }

    @Override
    public String toString()
    {
        return code();
    }

    private static VenueSelection[] ofEveryMask()
    {
        final VenueSelection[] selections = new VenueSelection[ALL.mask + 1];
        for (int mask = 1; mask < ALL.mask; mask++)
        {
            selections[mask] = new VenueSelection(mask, false);
        }
        selections[ALL.mask] = ALL;
        return selections;
    }

    private static int bit(final Venue venue)
    {
        return 1 << venue.ordinal();
    }
}
