package io.liqvol.engine;

/** An interval, in epoch milliseconds, that was not recorded live, and why. */
public record Gap(long fromMs, long toMs, GapKind kind)
{
    /** An interval without a live upstream connection. */
    public Gap(final long fromMs, final long toMs)
    {
        this(fromMs, toMs, GapKind.UPSTREAM);
    }
}
