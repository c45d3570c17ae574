package io.liqvol.engine;

import io.liqvol.engine.journal.JournalStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The whole ring: one producer hands in raw frames as fast as the ring takes them. The ring is small next to a
 * measurement iteration, so once it is full the producer runs at the pace of the slowest stage: this is the
 * pipeline's throughput in liquidations per second. With {@code journal=on} every liquidation is also written to
 * a journal in a fresh temporary directory (fsync once a second, the default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class PipelineBenchmark
{
    private static final int FRAMES = 4096;
    private static final int BATCH = 1024;

    @Param({"blocking", "yielding", "sleeping", "phased"})
    public String waitStrategy;

    @Param({"on", "off"})
    public String journal;

    @Param({"1", "2", "4"})
    public int stageThreads;

    @Param({"16384"})
    public int ringSize;

    private BenchFrames frames;
    private Path dataDir;
    private LiqvolEngine engine;
    private long handedIn;

    @Setup(Level.Trial)
    public void setUp()
    {
        frames = new BenchFrames(FRAMES);
        dataDir = "on".equals(journal) ? temporaryDirectory() : null;
        engine = LiqvolEngine.launch(new EngineContext()
            .dataDir(dataDir)
            .stageThreads(stageThreads)
            .epochClock(frames::clockMs)
            .waitStrategy(WaitStrategies.named(waitStrategy))
            .ringSize(ringSize)
            .listener(new CountingListener()));
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final JournalStatus journalStatus = engine.journalStatus();
        if (journalStatus != null)
        {
            // A roll that found no spare segment ready waited for it on the stage thread.
            System.out.println("journal: " + journalStatus.segments() + " segments, " + journalStatus.rollStalls()
                + " roll stalls");
        }
        engine.close();
        if (dataDir != null)
        {
            BenchJournal.delete(dataDir);
        }
        if (engine.counters().published() + engine.counters().duplicates() != handedIn)
        {
            throw new IllegalStateException("lost liquidations: handed in " + handedIn + ", published "
                + engine.counters().published());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ingestBatch()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final byte[] frame = frames.next();
            engine.ingestFrame(frame, 0, frame.length, System.nanoTime());
        }
        handedIn += BATCH;
        return handedIn;
    }

    private static Path temporaryDirectory()
    {
        try
        {
            return Files.createTempDirectory("liqvol-bench-pipeline");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** A listener that only counts, so the benchmark measures the engine. */
    static final class CountingListener implements EngineListener
    {
        long liquidations;
        long buckets;

        @Override
        public void onLiquidation(final LiquidationView liquidation)
        {
            liquidations++;
        }

        @Override
        public void onBucketChanged(final BucketView bucket)
        {
            buckets++;
        }
    }
}
