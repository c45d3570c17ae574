package io.liqvol.bench;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.WaitStrategies;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Engine latency from the receive stamp to the listener at a fixed rate. A sender thread hands in one raw frame per
 * planned slot of the schedule and passes the planned time as the frame's receive stamp; the listener records
 * {@code nanoTime - receiveTimeNs} on the publisher thread. Warm-up events are sent on the same schedule first and
 * not recorded. Journal on (a fresh temporary directory) unless {@code --journal off}.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 --warmup-seconds 10 --stage-threads 1 --wait blocking
 * </pre>
 */
public final class EngineLatencyHarness
{
    private EngineLatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final long rate = options.number("rate", 100_000);
        final long warmupEvents = rate * options.number("warmup-seconds", 10);
        final long measuredEvents = rate * options.number("seconds", 20);
        final String wait = options.text("wait", "blocking");
        final boolean journal = !"off".equals(options.text("journal", "on"));
        final int stageThreads = options.integer("stage-threads", EngineContext.DEFAULT_STAGE_THREADS);
        final boolean stampPlanned = !"actual".equals(options.text("stamp", "planned"));

        System.out.println("conditions: " + LatencyReport.conditions());
        final ForceOrderFrames frames = new ForceOrderFrames(1 << 16, System.currentTimeMillis() - 3_600_000L);
        final Path dataDir = journal ? Files.createTempDirectory("liqvol-latency") : null;
        final LatencyListener listener = new LatencyListener(warmupEvents);
        final LiqvolEngine engine = LiqvolEngine.launch(new EngineContext()
            .dataDir(dataDir)
            .waitStrategy(WaitStrategies.named(wait))
            .stageThreads(stageThreads)
            .listener(listener));

        final long total = warmupEvents + measuredEvents;
        final Pacer pacer = new Pacer(System.nanoTime() + 100_000_000L, rate);
        long late = 0;
        for (long i = 0; i < total; i++)
        {
            final long plannedNs = pacer.awaitPlanned(i);
            if (System.nanoTime() - plannedNs > 10_000)
            {
                late++;
            }
            final byte[] frame = frames.frame(i);
            engine.ingestFrame(frame, 0, frame.length, stampPlanned ? plannedNs : System.nanoTime());
        }
        engine.close();
        if (dataDir != null)
        {
            try (Stream<Path> files = Files.walk(dataDir))
            {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }

        System.out.println("conditions after: load average " + LatencyReport.loadAverage());
        System.out.printf("sent %,d (%,d warm-up), published %,d, duplicates %,d, sent more than 10 µs late %,d%n",
            total, warmupEvents, engine.counters().published(), engine.counters().duplicates(), late);
        System.out.println(LatencyReport.header());
        System.out.println(LatencyReport.row(String.format("engine %,d/s, %d stage thread(s), wait %s, journal %s, stamp %s",
            rate, stageThreads, wait, journal ? "on" : "off", stampPlanned ? "planned" : "actual"), listener.histogramNs));
    }


    /** Records receive-to-listener latency of every liquidation after the warm-up, on the publisher thread. */
    private static final class LatencyListener implements EngineListener
    {
        private final Histogram histogramNs = new Histogram(60_000_000_000L, 3);
        private final long warmupEvents;

        LatencyListener(final long warmupEvents)
        {
            this.warmupEvents = warmupEvents;
        }

        @Override
        public void onLiquidation(final LiquidationView liquidation)
        {
            if (liquidation.sequence() >= warmupEvents)
            {
                histogramNs.recordValue(Math.max(0, System.nanoTime() - liquidation.receiveTimeNs()));
            }
        }

        @Override
        public void onBucketChanged(final BucketView bucket)
        {
        }
    }
}
