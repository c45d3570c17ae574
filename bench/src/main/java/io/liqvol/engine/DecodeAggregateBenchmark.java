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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The engine's per-liquidation work on one thread, without the ring: decode alone, aggregate alone (into all 14
 * timeframes, from frames decoded beforehand), and decode + aggregate. Decoding goes a whole cycle of frames per
 * invocation, and between invocations (outside the measured time) the frames move forward by the cycle's span ({@link
 * BenchFrames#advance()}), so trade times keep moving forward as a live stream's do; {@code decodeReplayed} decodes the
 * same frames over and over, so that every frame after the first cycle is older than its symbol's newest and takes the
 * duplicate filter's scan of 128 keys (the worst case, and what this benchmark measured before 2026-11-30). {@code
 * decoder} selects the engine's decoder (the strict readers, jackson as their fallback) or jackson alone, for a ratio
 * measured in the same run. {@code decodeBybit} and {@code decodeOkx} decode cycles of Bybit's and OKX's pushes of one
 * liquidation each (their own readers, whatever {@code decoder} says). Run with {@code -prof gc} to see the allocation
 * per operation. Only the cycle-wise benchmarks take the {@link Cycle} state: JMH runs an invocation-level set-up of
 * every state in a benchmark's graph, and moving 4,096 frames before each 200 ns operation of the others would measure
 * the cache misses that leaves behind.
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

    @Param({"scanner", "jackson"})
    public String decoder;

    private EngineCounters counters;
    private FrameDecoder replayingDecoder;
    private BenchFrames replayed;
    private AggregateStage aggregate;
    private FrameEvent event;
    private FrameEvent[] decoded;
    private long[] decodedTradeTimesMs;
    private long passMs;
    private long sequence;
    private int next;

    /** The frames a cycle decodes, and their decoder, moved forward before every invocation but the first. */
    @State(Scope.Thread)
    public static class Cycle
    {
        final BenchFrames frames;
        FrameDecoder decoder;
        private boolean decoded;

        public Cycle()
        {
            this(Venue.BINANCE);
        }

        Cycle(final Venue venue)
        {
            frames = new BenchFrames(venue, FRAMES);
        }

        @Setup
        public void setUp(final DecodeAggregateBenchmark benchmark)
        {
            decoder = benchmark.decoder(benchmark.counters, frames);
        }

        @Setup(Level.Invocation)
        public void moveForward()
        {
            if (decoded)
            {
                frames.advance();
            }
            decoded = true;
        }
    }

    /** A cycle of Bybit's pushes. */
    @State(Scope.Thread)
    public static class BybitCycle extends Cycle
    {
        public BybitCycle()
        {
            super(Venue.BYBIT);
        }
    }

    /** A cycle of OKX's pushes. */
    @State(Scope.Thread)
    public static class OkxCycle extends Cycle
    {
        public OkxCycle()
        {
            super(Venue.OKX);
        }
    }

    @Setup
    public void setUp()
    {
        counters = new EngineCounters();
        replayed = new BenchFrames(FRAMES);
        replayingDecoder = decoder(counters, replayed);
        aggregate = new AggregateStage(
            new BucketStore(Series.capacity(64), new EngineContext().windowBuckets()), counters);
        event = new FrameEvent(EngineContext.DEFAULT_MAX_FRAME_BYTES);
        // Its own decoder and frames, so that the benchmarked ones stay new; symbols get the same ids.
        final BenchFrames source = new BenchFrames(FRAMES);
        final FrameDecoder setUpDecoder = decoder(counters, source);
        decoded = new FrameEvent[FRAMES];
        decodedTradeTimesMs = new long[FRAMES];
        for (int i = 0; i < FRAMES; i++)
        {
            final byte[] frame = source.frames[i];
            decoded[i] = new FrameEvent(EngineContext.DEFAULT_MAX_FRAME_BYTES);
            decoded[i].setFrame(Venue.BINANCE, frame, 0, frame.length, 0);
            setUpDecoder.decode(decoded[i]);
            decodedTradeTimesMs[i] = decoded[i].tradeTimeMs[0];
        }
        passMs = source.clockMs() - BenchFrames.BASE_TIME_MS;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decode(final Cycle cycle)
    {
        return decodeCycle(cycle);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeBybit(final BybitCycle cycle)
    {
        return decodeCycle(cycle);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeOkx(final OkxCycle cycle)
    {
        return decodeCycle(cycle);
    }

    private int decodeCycle(final Cycle cycle)
    {
        final Venue venue = cycle.frames.venue;
        int count = 0;
        for (final byte[] frame : cycle.frames.frames)
        {
            event.setFrame(venue, frame, 0, frame.length, sequence);
            cycle.decoder.decode(event);
            count += event.count;
        }
        return count;
    }

    @Benchmark
    public int decodeReplayed()
    {
        final byte[] frame = replayed.frames[next++ & (FRAMES - 1)];
        event.setFrame(Venue.BINANCE, frame, 0, frame.length, sequence);
        replayingDecoder.decode(event);
        return event.count;
    }

    @Benchmark
    public int aggregate()
    {
        final FrameEvent frame = decoded[next & (FRAMES - 1)];
        frame.tradeTimeMs[0] = decodedTradeTimesMs[next & (FRAMES - 1)] + (next / FRAMES) * passMs;
        next++;
        aggregate.onEvent(frame, sequence++, true);
        return frame.count;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeAndAggregate(final Cycle cycle)
    {
        int count = 0;
        for (final byte[] frame : cycle.frames.frames)
        {
            event.setFrame(Venue.BINANCE, frame, 0, frame.length, sequence);
            cycle.decoder.decode(event);
            aggregate.onEvent(event, sequence++, true);
            count += event.count;
        }
        return count;
    }

    private FrameDecoder decoder(final EngineCounters counters, final BenchFrames frames)
    {
        return new FrameDecoder(new SymbolTable(64), new DuplicateFilter(64), counters, frames::clockMs,
            EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS, "scanner".equals(decoder),
            BenchFrames.instruments());
    }
}
