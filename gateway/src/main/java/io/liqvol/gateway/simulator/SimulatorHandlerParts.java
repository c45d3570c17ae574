package io.liqvol.gateway.simulator;

import io.netty.util.concurrent.EventExecutor;

/**
 * What the simulator's channel handlers share: the rules, the market executor and its state. A bag of parts,
 * not a config: settings live in {@link SimulatorConfig}.
 */
record SimulatorHandlerParts(
    SimulatorConfig config, EventExecutor market, StreamHub hub, VenueHub venues, SimulatorRestApi restApi,
    SimulatorCounters counters)
{
    long nowMs()
    {
        return System.currentTimeMillis();
    }
}
