package io.liqvol.gateway.simulator;

import java.util.List;

/**
 * The liquidations the simulated market had before the simulator started, oldest first, each at most one per symbol
 * and second (as the stream would have delivered them): every one of {@code [fromMs, toMs)} the generator drew, so
 * whoever records them may declare that interval recorded. Empty when the simulator generates no history.
 */
public record SimulatedHistory(long fromMs, long toMs, List<SimulatedLiquidation> liquidations)
{
    public static final SimulatedHistory NONE = new SimulatedHistory(0, 0, List.of());

    public SimulatedHistory
    {
        liquidations = List.copyOf(liquidations);
    }
}
