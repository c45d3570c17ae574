package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The wait strategies an engine can run its stages with, by the names the gateway and the benchmarks take. */
public final class WaitStrategies
{
    private WaitStrategies()
    {
    }

    public static WaitStrategy named(final String name)
    {
        switch (name)
        {
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException("wait strategy must be blocking, yielding, sleeping or busy-spin: " + name);
        }
    }
}
