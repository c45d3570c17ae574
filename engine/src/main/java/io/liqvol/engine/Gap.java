package io.liqvol.engine;

/** An interval, in epoch milliseconds, in which no upstream connection was live. */
public record Gap(long fromMs, long toMs)
{
}
