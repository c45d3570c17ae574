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
    /** Keeps the results alive, so the work cannot be optimised away. */
    private static final long[] SINK = new long[1];

    private AggregateCpuTimeHarness()
    {
    }

    public static void main(final String[] args)
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        final int ops = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        final DecodeAggregateBenchmark benchmark = new DecodeAggregateBenchmark();
        benchmark.decoder = "scanner";
        final DecodeAggregateBenchmark.Cycle cycle = new DecodeAggregateBenchmark.Cycle();
        benchmark.setUp();
        cycle.setUp(benchmark);
        final String[] names = {"decode", "decodeReplayed", "aggregate", "decodeAndAggregate"};
        final double[][] perOpNs = new double[names.length][rounds];
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            for (int b = 0; b < names.length; b++)
            {
                cpuNsPerOp(benchmark, cycle, b, ops);
            }
        }
        for (int round = 0; round < rounds; round++)
        {
            for (int b = 0; b < names.length; b++)
            {
                perOpNs[b][round] = cpuNsPerOp(benchmark, cycle, b, ops);
            }
        }
        for (int b = 0; b < names.length; b++)
        {
            Arrays.sort(perOpNs[b]);
            System.out.printf("%-20s CPU ns/op: median %7.1f, best %7.1f%n", names[b], perOpNs[b][rounds / 2],
                perOpNs[b][0]);
        }
    }

    /**
     * The thread's CPU time per operation over about {@code ops} operations; whole cycles for the cycle-wise
     * benchmarks, whose frames are moved forward between cycles outside the timed part, as JMH does.
     */
    private static double cpuNsPerOp(
        final DecodeAggregateBenchmark benchmark, final DecodeAggregateBenchmark.Cycle cycle, final int which,
        final int ops)
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (which == 1 || which == 2)
        {
            final long startNs = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++)
            {
                SINK[0] += which == 1 ? benchmark.decodeReplayed() : benchmark.aggregate();
            }
            return (threads.getCurrentThreadCpuTime() - startNs) / (double)ops;
        }
        long totalNs = 0;
        int done = 0;
        for (; done < ops; done += cycle.frames.frames.length)
        {
            cycle.moveForward();
            final long startNs = threads.getCurrentThreadCpuTime();
            SINK[0] += which == 0 ? benchmark.decode(cycle) : benchmark.decodeAndAggregate(cycle);
            totalNs += threads.getCurrentThreadCpuTime() - startNs;
        }
        return totalNs / (double)done;
    }
}
