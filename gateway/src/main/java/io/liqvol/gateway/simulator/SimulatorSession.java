package io.liqvol.gateway.simulator;

import io.netty.channel.Channel;

import java.util.LinkedHashSet;
import java.util.Set;

/** One client connection of the simulator and the streams it receives. Streams: market executor only. */
final class SimulatorSession
{
    private final Channel channel;
    private final boolean combined;
    private final Set<String> streams = new LinkedHashSet<>();

    SimulatorSession(final Channel channel, final boolean combined)
    {
        this.channel = channel;
        this.combined = combined;
    }

    Channel channel()
    {
        return channel;
    }

    /** Combined ({@code /stream}) connections get {@code {"stream":…,"data":…}} frames, raw ones the event. */
    boolean combined()
    {
        return combined;
    }

    Set<String> streams()
    {
        return streams;
    }
}
