package io.liqvol.engine;

/**
 * A selection of venues as a bit mask of {@link Venue} ordinals, the form queries take: bit {@code v} set selects the
 * venue of ordinal {@code v}; {@link #ALL} ({@code -1}, every bit) selects every venue, present and future.
 */
public final class Venues
{
    public static final int ALL = -1;

    private Venues()
    {
    }

    /** The mask selecting exactly {@code venues}. */
    public static int mask(final Venue... venues)
    {
        int mask = 0;
        for (final Venue venue : venues)
        {
            mask |= 1 << venue.ordinal();
        }
        return mask;
    }

    /** Whether the mask selects the venue of ordinal {@code venue}. */
    public static boolean selects(final int mask, final int venue)
    {
        return (mask & (1 << venue)) != 0;
    }
}
