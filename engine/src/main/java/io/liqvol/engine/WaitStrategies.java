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

    /** The strategy of that name; refused as the engine's {@code waitStrategy} setting otherwise. */
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
                throw new InvalidSettingException(
                    "waitStrategy", "must be blocking, sleeping, yielding or busy-spin, was " + name);
        }
    }
}
