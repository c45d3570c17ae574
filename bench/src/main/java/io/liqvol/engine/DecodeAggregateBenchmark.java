package io.liqvol.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's per-liquidation work on one thread, without the ring: decode alone, aggregate alone (into all 14
 * timeframes, from frames decoded beforehand), and decode + aggregate. Each pass over the frames is shifted forward
 * in time by the span of the frames, so trade times keep moving forward as a live stream's do. Run with
 * {@code -prof gc} to see the allocation per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DecodeAggregateBenchmark
{
    private static final int FRAMES = 4096;
    private static final long PASS_MS = BenchFrames.clockMs(FRAMES) - BenchFrames.BASE_TIME_MS;

    private BenchFrames frames;
    private FrameDecoder decoder;
    private AggregateStage aggregate;
    private FrameEvent event;
    private FrameEvent[] decoded;
    private long[] decodedTradeTimesMs;
    private long sequence;
    private int next;

    @Setup
    public void setUp()
    {
        frames = new BenchFrames(FRAMES);
        final EngineCounters counters = new EngineCounters();
        decoder = new FrameDecoder(new SymbolTable(64), new DuplicateFilter(64), counters,
            () -> BenchFrames.clockMs(FRAMES), EngineContext.DEFAULT_MIN_TIME_MS,
            EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS);
        aggregate = new AggregateStage(new BucketStore(64, new EngineContext().windowBuckets()), counters);
        event = new FrameEvent(EngineContext.DEFAULT_MAX_FRAME_BYTES);
        // Its own decoder, so that the frames stay new to the benchmarked one; symbols get the same ids.
        final FrameDecoder setUpDecoder = new FrameDecoder(new SymbolTable(64), new DuplicateFilter(64), counters,
            () -> BenchFrames.clockMs(FRAMES), EngineContext.DEFAULT_MIN_TIME_MS,
            EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS);
        decoded = new FrameEvent[FRAMES];
        decodedTradeTimesMs = new long[FRAMES];
        for (int i = 0; i < FRAMES; i++)
        {
            decoded[i] = new FrameEvent(EngineContext.DEFAULT_MAX_FRAME_BYTES);
            decoded[i].setFrame(frames.frames[i], 0, frames.frames[i].length, 0);
            setUpDecoder.decode(decoded[i]);
            decodedTradeTimesMs[i] = decoded[i].tradeTimeMs[0];
        }
    }

    @Benchmark
    public int decode()
    {
        final byte[] frame = frames.frames[next++ & (FRAMES - 1)];
        event.setFrame(frame, 0, frame.length, sequence);
        decoder.decode(event);
        return event.count;
    }

    @Benchmark
    public int aggregate()
    {
        final FrameEvent frame = decoded[next & (FRAMES - 1)];
        frame.tradeTimeMs[0] = decodedTradeTimesMs[next & (FRAMES - 1)] + shiftMs();
        next++;
        aggregate.onEvent(frame, sequence++, true);
        return frame.count;
    }

    @Benchmark
    public int decodeAndAggregate()
    {
        final byte[] frame = frames.frames[next & (FRAMES - 1)];
        event.setFrame(frame, 0, frame.length, sequence);
        decoder.decode(event);
        event.tradeTimeMs[0] += shiftMs();
        next++;
        aggregate.onEvent(event, sequence++, true);
        return event.count;
    }

    private long shiftMs()
    {
        return (next / FRAMES) * PASS_MS;
    }
}
