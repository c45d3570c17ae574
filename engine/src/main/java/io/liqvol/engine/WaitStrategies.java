package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/** The wait strategies an engine can run its stages with, by the names the gateway and the benchmarks take. */
public final class WaitStrategies
{
    /** Spinning this long covers the gaps inside a burst without a wake-up. */
    static final long PHASED_SPIN_NS = 10_000;
    /** Then yielding this long lets other threads on a busy core run while a burst may still go on. */
    static final long PHASED_YIELD_NS = 100_000;
    /** How long {@code spin-park} spins after the last event before it parks: longer than the gaps in a burst. */
    static final long SPIN_PARK_SPIN_NS = 50_000;

    private WaitStrategies()
    {
    }

    /** The strategy of that name; refused as the engine's {@code waitStrategy} setting otherwise. */
    public static WaitStrategy named(final String name)
    {
        switch (name)
        {
            case "spin-park":
                return new SpinThenParkWaitStrategy(SPIN_PARK_SPIN_NS);
            case "phased":
                return phased(PHASED_SPIN_NS, PHASED_YIELD_NS);
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new InvalidSettingException("waitStrategy",
                    "must be spin-park, phased, blocking, sleeping, yielding or busy-spin, was " + name);
        }
    }

    /**
     * Spins for {@code spinNs}, then yields until {@code spinNs + yieldNs} have passed, then blocks on a lock until
     * the producer signals: bursts pay no wake-up, an idle engine costs no CPU.
     */
    static WaitStrategy phased(final long spinNs, final long yieldNs)
    {
        return PhasedBackoffWaitStrategy.withLock(spinNs, yieldNs, TimeUnit.NANOSECONDS);
    }
}
