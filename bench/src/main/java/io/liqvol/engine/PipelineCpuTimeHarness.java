package io.liqvol.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The work of {@link PipelineBenchmark} (one stage thread, blocking wait) timed in the stage thread's CPU time, for
 * a machine so loaded that wall time mostly measures the wait for a core: per liquidation, the median and best of
 * {@code rounds} rounds of {@code frames} frames each, after a warm-up, for the bare ring (same layout, stages that
 * only read the slot), the engine with the journal off and with it on. What a core could do on its own is
 * 1 s / (CPU ns per liquidation); the producer's copy into the ring runs on the other thread.
 * {@code java -cp bench/target/benchmarks.jar io.liqvol.engine.PipelineCpuTimeHarness [rounds] [frames]}
 */
public final class PipelineCpuTimeHarness
{
    private static final String STAGE_THREAD = "liqvol-stages";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PipelineCpuTimeHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.out.printf("load average before: %.2f; %d rounds of %,d frames, 1 stage thread, wait blocking%n",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, frames);
        report("bare ring", bareRing(rounds, frames));
        report("engine, journal off", engine(rounds, frames, false));
        report("engine, journal on", engine(rounds, frames, true));
        System.out.printf("load average after: %.2f%n",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double[] bareRing(final int rounds, final int frames) throws Exception
    {
        final AtomicLong passed = new AtomicLong();
        try (BareRing ring = BareRing.launch(context(new BenchFrames(1)),
            (sequence, receiveTimeNs) -> passed.lazySet(sequence + 1)))
        {
            final BenchFrames source = new BenchFrames(4096);
            return measure(rounds, frames, source, ring::ingestFrame, passed::get);
        }
    }

    private static double[] engine(final int rounds, final int frames, final boolean journal) throws Exception
    {
        final BenchFrames source = new BenchFrames(4096);
        final Path dataDir = journal ? Files.createTempDirectory("liqvol-bench-cpu") : null;
        try (LiqvolEngine engine = LiqvolEngine.launch(context(source).dataDir(dataDir)
            .listener(new PipelineBenchmark.CountingListener())))
        {
            return measure(rounds, frames, source, engine::ingestFrame,
                () -> engine.counters().published() + engine.counters().duplicates());
        }
        finally
        {
            if (dataDir != null)
            {
                BenchJournal.delete(dataDir);
            }
        }
    }

    private static EngineContext context(final BenchFrames frames)
    {
        return new EngineContext().stageThreads(1).epochClock(frames::clockMs)
            .waitStrategy(WaitStrategies.named("blocking")).ringSize(16384);
    }

    /** CPU ns of the stage thread per frame, one value per measured round (sorted), after three warm-up rounds. */
    private static double[] measure(
        final int rounds, final int frames, final BenchFrames source, final Ingest ingest,
        final LongSupplier passed) throws InterruptedException
    {
        final long stageThreadId = stageThreadId();
        final double[] perFrameNs = new double[rounds];
        long handedIn = 0;
        for (int round = -3; round < rounds; round++)
        {
            awaitPassed(passed, handedIn);
            final long startNs = THREADS.getThreadCpuTime(stageThreadId);
            for (int i = 0; i < frames; i++)
            {
                final byte[] frame = source.next();
                ingest.frame(frame, 0, frame.length, System.nanoTime());
            }
            handedIn += frames;
            awaitPassed(passed, handedIn);
            final double ns = (THREADS.getThreadCpuTime(stageThreadId) - startNs) / (double)frames;
            if (round >= 0)
            {
                perFrameNs[round] = ns;
            }
        }
        Arrays.sort(perFrameNs);
        return perFrameNs;
    }

    private static void awaitPassed(final LongSupplier passed, final long count)
        throws InterruptedException
    {
        while (passed.getAsLong() < count)
        {
            Thread.sleep(1);
        }
    }

    private static long stageThreadId()
    {
        for (final ThreadInfo info : THREADS.dumpAllThreads(false, false))
        {
            if (info.getThreadName().startsWith(STAGE_THREAD))
            {
                return info.getThreadId();
            }
        }
        throw new IllegalStateException("no thread named " + STAGE_THREAD);
    }

    private static void report(final String name, final double[] perFrameNs)
    {
        System.out.printf("%-22s stage-thread CPU ns/liquidation: median %7.1f, best %7.1f, worst %7.1f%n", name,
            perFrameNs[perFrameNs.length / 2], perFrameNs[0], perFrameNs[perFrameNs.length - 1]);
    }

    /** How a frame goes in. */
    private interface Ingest
    {
        void frame(byte[] bytes, int offset, int length, long receiveTimeNs);
    }
}
