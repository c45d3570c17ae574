package io.liqvol.engine;

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

import java.util.concurrent.TimeUnit;

/**
 * The ring's own limit beside {@link PipelineBenchmark}: the same ring, stage threads, wait strategy, producer and
 * frames, with stages that only read the slot ({@link BareRing}). Run both in one invocation (same parameters) and
 * divide: the pipeline's share of the ring's limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class RingBaselineBenchmark
{
    private static final int FRAMES = 4096;
    private static final int BATCH = 1024;

    @Param({"blocking", "yielding", "sleeping", "phased"})
    public String waitStrategy;

    @Param({"1", "2", "4"})
    public int stageThreads;

    @Param({"16384"})
    public int ringSize;

    private BenchFrames frames;
    private BareRing ring;
    private long passed;
    private long handedIn;

    @Setup(Level.Trial)
    public void setUp()
    {
        frames = new BenchFrames(FRAMES);
        ring = BareRing.launch(new EngineContext()
            .stageThreads(stageThreads)
            .waitStrategy(WaitStrategies.named(waitStrategy))
            .ringSize(ringSize), (sequence, receiveTimeNs) -> passed++);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        ring.close();
        if (passed != handedIn)
        {
            throw new IllegalStateException("lost slots: handed in " + handedIn + ", passed " + passed);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ingestBatch()
    {
        for (int i = 0; i < BATCH; i++)
        {
            final byte[] frame = frames.next();
            ring.ingestFrame(frame, 0, frame.length, System.nanoTime());
        }
        handedIn += BATCH;
        return handedIn;
    }
}
