package io.liqvol.gateway.server;

/** A requested volume range in epoch milliseconds, start inclusive, end exclusive. */
public record VolumeRange(long startMs, long endMs)
{
}
