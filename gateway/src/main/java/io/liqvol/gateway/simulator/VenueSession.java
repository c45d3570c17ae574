package io.liqvol.gateway.simulator;

import io.liqvol.engine.Venue;
import io.netty.channel.Channel;

import java.util.LinkedHashSet;
import java.util.Set;

/** One client connection of a simulated Bybit or OKX and its topics. Market executor only. */
final class VenueSession
{
    private final Venue venue;
    private final Channel channel;
    private final Set<String> topics = new LinkedHashSet<>();
    private long lastPingMs;
    private long lastActivityMs;

    VenueSession(final Venue venue, final Channel channel, final long nowMs)
    {
        this.venue = venue;
        this.channel = channel;
        this.lastPingMs = nowMs;
        this.lastActivityMs = nowMs;
    }

    Venue venue()
    {
        return venue;
    }

    Channel channel()
    {
        return channel;
    }

    Set<String> topics()
    {
        return topics;
    }

    long lastPingMs()
    {
        return lastPingMs;
    }

    void pinged(final long nowMs)
    {
        lastPingMs = nowMs;
    }

    /** When a frame last went either way. */
    long lastActivityMs()
    {
        return lastActivityMs;
    }

    void active(final long nowMs)
    {
        lastActivityMs = nowMs;
    }
}
