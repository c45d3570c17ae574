package io.liqvol.engine;

import org.agrona.concurrent.EpochClock;

/** The trade times the engine believes: not before {@code minTimeMs}, not further ahead than the allowed skew. */
final class TimeWindow
{
    private final EpochClock epochClock;
    private final long minTimeMs;
    private final long maxFutureSkewMs;

    TimeWindow(final EpochClock epochClock, final long minTimeMs, final long maxFutureSkewMs)
    {
        this.epochClock = epochClock;
        this.minTimeMs = minTimeMs;
        this.maxFutureSkewMs = maxFutureSkewMs;
    }

    boolean isAbsurd(final long timeMs)
    {
        return timeMs < minTimeMs || timeMs > epochClock.time() + maxFutureSkewMs;
    }
}
