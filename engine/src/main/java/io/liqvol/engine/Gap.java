package io.liqvol.engine;

/** An interval, in epoch milliseconds, that was not recorded live from {@code venue}, and why. */
public record Gap(long fromMs, long toMs, GapKind kind, Venue venue)
{
    /** An interval without a live upstream connection to {@code venue}. */
    public Gap(final Venue venue, final long fromMs, final long toMs)
    {
        this(fromMs, toMs, GapKind.UPSTREAM, venue);
    }

    /** An interval without a live connection to Binance (the only venue before venues). */
    public Gap(final long fromMs, final long toMs)
    {
        this(Venue.BINANCE, fromMs, toMs);
    }

    /** A Binance gap of {@code kind}; a downtime or journal gap is the engine's, written as Binance's. */
    public Gap(final long fromMs, final long toMs, final GapKind kind)
    {
        this(fromMs, toMs, kind, Venue.BINANCE);
    }
}
