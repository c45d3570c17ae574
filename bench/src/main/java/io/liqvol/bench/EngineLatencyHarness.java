package io.liqvol.bench;

import io.liqvol.engine.BareRing;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.WaitStrategies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine latency from the receive stamp to the listener at a fixed rate. A sender thread hands in one raw frame per
 * planned slot of the schedule and passes the planned time as the frame's receive stamp; the listener records
 * {@code nanoTime - receiveTimeNs} on the publisher thread. Warm-up events are sent on the same schedule first and
 * not recorded. Journal on (a fresh temporary directory) unless {@code --journal off}.
 * <p>
 * Beside each engine run, in the same invocation and just before it, the ring's own limit: the same ring, stage
 * threads, wait strategy, frames and schedule through stages that only read the slot ({@code --baseline none} skips
 * it). During every run a {@link ClockGapProbe} reads the clock on its own thread ({@code --probe off} skips it);
 * the slow samples are set beside its gaps. {@code --wait} takes a comma-separated list, run one after the other.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.EngineLatencyHarness --rate 100000 --seconds 20 --warmup-seconds 10 --stage-threads 1 \
 *     --wait phased,blocking
 * </pre>
 */
public final class EngineLatencyHarness
{
    private static final long SLOW_NS = ClockGapProbe.DEFAULT_THRESHOLD_NS;

    private final ForceOrderFrames frames = new ForceOrderFrames(1 << 16, System.currentTimeMillis() - 3_600_000L);
    private final long rate;
    private final long warmupEvents;
    private final long total;
    private final int stageThreads;
    private final boolean journal;
    private final boolean stampPlanned;
    private final boolean probe;

    private EngineLatencyHarness(final HarnessArgs options)
    {
        rate = options.number("rate", 100_000);
        warmupEvents = rate * options.number("warmup-seconds", 10);
        total = warmupEvents + rate * options.number("seconds", 20);
        stageThreads = options.integer("stage-threads", EngineContext.DEFAULT_STAGE_THREADS);
        journal = !"off".equals(options.text("journal", "on"));
        stampPlanned = !"actual".equals(options.text("stamp", "planned"));
        probe = !"off".equals(options.text("probe", "on"));
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final EngineLatencyHarness harness = new EngineLatencyHarness(options);
        final boolean baseline = !"none".equals(options.text("baseline", "ring"));
        System.out.println("conditions: " + LatencyReport.conditions());
        final List<String> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean complete = true;
        for (final String wait : options.text("wait", EngineContext.DEFAULT_WAIT_STRATEGY).split(","))
        {
            final Run ring = baseline ? harness.ring(wait) : null;
            final Run engine = harness.engine(wait);
            for (final Run run : baseline ? List.of(ring, engine) : List.of(engine))
            {
                rows.add(LatencyReport.row(run.label, run.samples.histogramNs()));
                notes.add(run.notes());
                complete &= run.complete();
            }
            if (baseline)
            {
                rows.add(LatencyReport.ratioRow("engine / ring, wait " + wait, engine.samples.histogramNs(),
                    ring.samples.histogramNs()));
            }
        }
        System.out.println("conditions after: load average " + LatencyReport.loadAverage());
        notes.forEach(System.out::println);
        System.out.println(LatencyReport.header());
        rows.forEach(System.out::println);
        if (!complete)
        {
            System.out.println("INCOMPLETE: a run lost events (see above)");
            System.exit(1);
        }
    }

    private Run ring(final String wait) throws Exception
    {
        final LatencySamples samples = new LatencySamples(SLOW_NS);
        final long[] passed = new long[1];
        final BareRing ring = BareRing.launch(context(wait), (sequence, receiveTimeNs) ->
        {
            passed[0]++;
            if (sequence >= warmupEvents)
            {
                samples.record(receiveTimeNs, System.nanoTime());
            }
        });
        final Run run = new Run(label("ring", wait), samples);
        run.late = send(run, (frame, receiveTimeNs) -> ring.ingestFrame(frame, 0, frame.length, receiveTimeNs));
        ring.close();
        run.stopProbe();
        run.passed = passed[0];
        return run;
    }

    private Run engine(final String wait) throws Exception
    {
        final Path dataDir = journal ? Files.createTempDirectory("liqvol-latency") : null;
        final LatencySamples samples = new LatencySamples(SLOW_NS);
        final LiqvolEngine engine = LiqvolEngine.launch(context(wait).dataDir(dataDir).listener(new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                if (liquidation.sequence() >= warmupEvents)
                {
                    samples.record(liquidation.receiveTimeNs(), System.nanoTime());
                }
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }
        }));
        final Run run = new Run(label("engine", wait), samples);
        run.late = send(run, (frame, receiveTimeNs) -> engine.ingestFrame(frame, 0, frame.length, receiveTimeNs));
        engine.close();
        run.stopProbe();
        run.passed = engine.counters().published() + engine.counters().duplicates();
        if (dataDir != null)
        {
            TempDirs.delete(dataDir);
        }
        return run;
    }

    private EngineContext context(final String wait)
    {
        return new EngineContext().waitStrategy(WaitStrategies.named(wait)).stageThreads(stageThreads);
    }

    private String label(final String subject, final String wait)
    {
        return String.format("%s %,d/s, %d stage thread(s), wait %s, journal %s, stamp %s", subject, rate, stageThreads,
            wait, "ring".equals(subject) ? "—" : journal ? "on" : "off", stampPlanned ? "planned" : "actual");
    }

    /** Hands in every event on the schedule, starting the probe once warm-up is over; returns how many went late. */
    private long send(final Run run, final FrameSink sink)
    {
        final Pacer pacer = new Pacer(System.nanoTime() + 100_000_000L, rate);
        long late = 0;
        for (long i = 0; i < total; i++)
        {
            if (i == warmupEvents && probe)
            {
                run.probe = new ClockGapProbe().start();
            }
            final long plannedNs = pacer.awaitPlanned(i);
            if (System.nanoTime() - plannedNs > 10_000)
            {
                late++;
            }
            final byte[] frame = frames.frame(i);
            sink.ingest(frame, stampPlanned ? plannedNs : System.nanoTime());
        }
        return late;
    }

    private interface FrameSink
    {
        void ingest(byte[] frame, long receiveTimeNs);
    }

    /** One measured run: its samples, the probe that ran beside it, and what was handed in and came out. */
    private final class Run
    {
        private final String label;
        private final LatencySamples samples;
        private ClockGapProbe probe;
        private long late;
        private long passed;

        Run(final String label, final LatencySamples samples)
        {
            this.label = label;
            this.samples = samples;
        }

        void stopProbe() throws InterruptedException
        {
            if (probe != null)
            {
                probe.stop();
            }
        }

        boolean complete()
        {
            return passed == total;
        }

        String notes()
        {
            final String counts = String.format(
                "%s: sent %,d (%,d warm-up), passed %,d, sent more than 10 µs late %,d",
                label, total, warmupEvents, passed, late);
            return probe == null ? counts
                : counts + "\n  " + probe.summary() + "\n  " + samples.coincidence(probe);
        }
    }
}
