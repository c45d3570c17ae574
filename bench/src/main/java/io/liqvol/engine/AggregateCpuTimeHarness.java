package io.liqvol.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The work of {@link DecodeAggregateBenchmark} timed in the thread's CPU time rather than wall time, for a machine
 * so loaded that wall time mostly measures the wait for a core: per operation, the median and best of
 * {@code rounds} rounds of {@code ops} operations each, after a warm-up.
 * {@code java -cp bench/target/benchmarks.jar io.liqvol.engine.AggregateCpuTimeHarness [rounds] [ops]}
 */
public final class AggregateCpuTimeHarness
{
    private AggregateCpuTimeHarness()
    {
    }

    public static void main(final String[] args)
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        final int ops = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final DecodeAggregateBenchmark benchmark = new DecodeAggregateBenchmark();
        benchmark.decoder = "scanner";
        benchmark.setUp();
        final String[] names = {"decode", "aggregate", "decodeAndAggregate"};
        final double[][] perOpNs = new double[names.length][rounds];
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            for (int b = 0; b < names.length; b++)
            {
                run(benchmark, b, ops);
            }
        }
        for (int round = 0; round < rounds; round++)
        {
            for (int b = 0; b < names.length; b++)
            {
                final long startNs = threads.getCurrentThreadCpuTime();
                run(benchmark, b, ops);
                perOpNs[b][round] = (threads.getCurrentThreadCpuTime() - startNs) / (double)ops;
            }
        }
        for (int b = 0; b < names.length; b++)
        {
            Arrays.sort(perOpNs[b]);
            System.out.printf("%-20s CPU ns/op: median %7.1f, best %7.1f%n", names[b], perOpNs[b][rounds / 2],
                perOpNs[b][0]);
        }
    }

    private static long run(final DecodeAggregateBenchmark benchmark, final int which, final int ops)
    {
        long sink = 0;
        for (int i = 0; i < ops; i++)
        {
            sink += which == 0
                ? benchmark.decode()
                : which == 1 ? benchmark.aggregate() : benchmark.decodeAndAggregate();
        }
        return sink;
    }
}
