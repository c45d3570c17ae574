package io.liqvol.engine;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/** The JVM's direct-memory limit: {@code -XX:MaxDirectMemorySize}, or the maximum heap it defaults to. */
final class DirectMemoryLimit
{
    private DirectMemoryLimit()
    {
    }

    static long bytes()
    {
        return orHeap(configuredBytes());
    }

    /** 0 (unset) means the heap's maximum, as the JDK itself decides. */
    static long orHeap(final long configuredBytes)
    {
        return configuredBytes > 0 ? configuredBytes : Runtime.getRuntime().maxMemory();
    }

    private static long configuredBytes()
    {
        try
        {
            final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm == null ? 0 : Long.parseLong(vm.getVMOption("MaxDirectMemorySize").getValue());
        }
        catch (final RuntimeException notHotSpot)
        {
            return 0;
        }
    }
}
