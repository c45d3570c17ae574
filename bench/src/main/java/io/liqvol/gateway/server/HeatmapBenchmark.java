package io.liqvol.gateway.server;

import io.liqvol.engine.BenchJournal;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.EngineHistory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A 30-day {@code 1h} realized heatmap (docs/API.md §4.11) of the busiest symbol of the 10-million-liquidation,
 * two-year bench journal, produced whole as the server streams it ({@code heatmap}), beside the same run's baseline:
 * the volume range answer of the same symbol and span ({@code volumeBaseline}, §4.1). Sampled latency per answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx2g", "-XX:MaxDirectMemorySize=8g"})
public class HeatmapBenchmark
{
    private static final long DAYS = 30;

    @Param({"10000000"})
    public long liquidations;

    @Param({"50", "200"})
    public int bins;

    private Path dir;
    private LiqvolEngine engine;
    private EngineHistory history;
    private VolumeRange range;
    private final SymbolFormat format =
        new SymbolFormat(BenchJournal.BUSY_SYMBOL, "SYM", "USDT", 3, 1, "TRADING");
    private final ByteBuf out = Unpooled.directBuffer(1 << 20);

    @Setup(Level.Trial)
    public void setUp()
    {
        dir = BenchJournal.generate(liquidations);
        engine = LiqvolEngine.launch(BenchJournal.context(dir));
        history = new EngineHistory(engine, new LiquidationTape(System::currentTimeMillis));
        final long endMs = Timeframe.H1.alignDownMs(BenchJournal.END_MS);
        range = new VolumeRange(endMs - DAYS * 24 * Timeframe.H1.sizeMs(), endMs);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
        out.release();
        BenchJournal.delete(dir);
    }

    @Benchmark
    public int heatmap() throws IOException
    {
        return drain(new HeatmapBody(history, format, Timeframe.H1, range, bins, VenueSelection.ALL));
    }

    @Benchmark
    public int volumeBaseline() throws IOException
    {
        return drain(new VolumeBody(history, BenchJournal.BUSY_SYMBOL, Timeframe.H1, range, VolumeSelection.ALL, false,
            BenchJournal.END_MS));
    }

    private int drain(final StreamedAnswer.Body body) throws IOException
    {
        out.clear();
        while (body.appendTo(out))
        {
            if (out.writerIndex() > StreamedAnswer.CHUNK_BYTES)
            {
                out.clear();
            }
        }
        return out.writerIndex();
    }
}
