package io.liqvol.gateway.upstream;

import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: the n-th delay is drawn from [d/2, d] with d = min(cap, initial·2^n),
 * so reconnecting clients spread out. It starts again from the initial delay only after a connection stayed
 * healthy for a while, so a server that accepts and drops at once is not hammered (the seed reset it on every
 * return and reconnected in a loop).
 */
final class Backoff
{
    private final long initialMs;
    private final long maxMs;
    private final long healthyAfterMs;
    private final RandomGenerator random;
    private int attempts;

    Backoff(final long initialMs, final long maxMs, final long healthyAfterMs, final RandomGenerator random)
    {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.healthyAfterMs = healthyAfterMs;
        this.random = random;
    }

    long nextDelayMs()
    {
        final boolean wouldOverflow = attempts >= Long.numberOfLeadingZeros(initialMs) - 1;
        final long ceilingMs = wouldOverflow ? maxMs : Math.min(maxMs, initialMs << attempts);
        attempts = Math.min(attempts + 1, Long.SIZE);
        return ceilingMs / 2 + random.nextLong(ceilingMs - ceilingMs / 2 + 1);
    }

    /** A connection ended after being live for {@code liveForMs} (negative: it never became live). */
    void onConnectionEnded(final long liveForMs)
    {
        if (liveForMs >= healthyAfterMs)
        {
            attempts = 0;
        }
    }

    int attempts()
    {
        return attempts;
    }
}
