package io.liqvol.gateway.server;

import io.netty.channel.EventLoop;

import java.util.concurrent.ConcurrentHashMap;

/** The server's {@link LoopFanOut} of each event loop, made when the loop's first client subscribes. */
final class FanOutLoops
{
    private final ConcurrentHashMap<EventLoop, LoopFanOut> loops = new ConcurrentHashMap<>();
    private final GatewayMetrics metrics;
    private final int capacity;

    FanOutLoops(final GatewayMetrics metrics, final int capacity)
    {
        this.metrics = metrics;
        this.capacity = capacity;
    }

    LoopFanOut of(final EventLoop loop)
    {
        return loops.computeIfAbsent(loop, each -> new LoopFanOut(each, metrics, capacity));
    }
}
