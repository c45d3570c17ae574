package io.liqvol.gateway.server;

/**
 * A request-rate limit: {@code ratePerSecond} tokens a second, bursts of twice that. Used by one event
 * loop only, so it is not thread-safe.
 */
final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long nanosPerToken;
    private long tokens;
    private long lastRefillNs;

    TokenBucket(final int ratePerSecond, final long nowNs)
    {
        this.capacity = 2L * ratePerSecond;
        this.nanosPerToken = NANOS_PER_SECOND / ratePerSecond;
        this.tokens = capacity;
        this.lastRefillNs = nowNs;
    }

    boolean tryAcquire(final long nowNs)
    {
        final long earned = (nowNs - lastRefillNs) / nanosPerToken;
        if (earned > 0)
        {
            tokens = Math.min(capacity, tokens + earned);
            lastRefillNs = tokens == capacity ? nowNs : lastRefillNs + earned * nanosPerToken;
        }
        if (tokens == 0)
        {
            return false;
        }
        tokens--;
        return true;
    }
}
