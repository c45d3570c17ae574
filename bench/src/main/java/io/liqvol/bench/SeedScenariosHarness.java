package io.liqvol.bench;

import io.liqvol.engine.BareRing;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.InlineStages;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.WaitStrategies;
import org.HdrHistogram.Histogram;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * The seed's own load scenarios, on the real engine (journal on, fresh temporary directory per run):
 * <ol>
 *     <li>1,500 liquidations over 30 minutes of event time, handed in as 30 batches of 50; each batch is timed from
 *     the first hand-in until the listener has seen its 50th liquidation (seed: 0.17 ms average, 0.43 ms max);
 *     memory growth over the scenario after a full GC, heap plus direct buffers (seed: 0.75 MB).</li>
 *     <li>Five symbols at once: five threads each hand in 1,500 liquidations of their own symbol; wall time and
 *     memory growth per symbol (seed: under 0.1 MB per symbol, under 2 s in total).</li>
 * </ol>
 * Beside the pipeline's batches, in the same run: the same batches through the bare ring (the engine's ring and
 * stage threads with stages that only read the slot, {@link BareRing}) and the in-process work for a batch (decode
 * and aggregate of 50 on the calling thread, {@link InlineStages}). A {@link ClockGapProbe} runs during each run
 * unless {@code --probe off}: on two cores the spinning probe takes the core a spinning wait strategy needs.
 * Run 1 is a cold JVM; the later runs repeat the scenario in fresh engines of the same JVM. {@code --wait} takes a
 * comma-separated list of wait strategies, each measured in every run.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.SeedScenariosHarness --runs 5 --wait phased,blocking
 * </pre>
 */
public final class SeedScenariosHarness
{
    private static final int LIQUIDATIONS = 1500;
    private static final int BATCH = 50;
    private static final long SPAN_MS = 30 * 60_000L;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT"};

    private SeedScenariosHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final int runs = options.integer("runs", 5);
        final String[] waits = options.text("wait", EngineContext.DEFAULT_WAIT_STRATEGY).split(",");
        final boolean probing = !"off".equals(options.text("probe", "on"));
        System.out.println("conditions: " + LatencyReport.conditions());
        final List<String> rows = new ArrayList<>();
        for (int run = 1; run <= runs; run++)
        {
            final ClockGapProbe probe = probing ? new ClockGapProbe().start() : null;
            final Histogram inlineNs = inlineBatches();
            for (final String wait : waits)
            {
                final Histogram ringNs = ringBatches(wait);
                final BatchResult batches = batchesOfFifty(wait);
                final ConcurrentResult concurrent = fiveSymbols(wait);
                rows.add(String.format(Locale.ROOT,
                    "| %d%s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.3f | %.1f | %.3f |",
                    run, run == 1 ? " (cold)" : "", wait, batches.timesNs.getTotalCount(),
                    LatencyReport.micros((long)ringNs.getMean()), LatencyReport.micros(ringNs.getValueAtPercentile(50)),
                    LatencyReport.micros((long)batches.timesNs.getMean()),
                    LatencyReport.micros(batches.timesNs.getValueAtPercentile(50)),
                    LatencyReport.micros(batches.timesNs.getMaxValue()),
                    LatencyReport.ratio(batches.timesNs.getValueAtPercentile(50), ringNs.getValueAtPercentile(50)),
                    LatencyReport.micros((long)inlineNs.getMean()),
                    LatencyReport.micros(inlineNs.getValueAtPercentile(50)),
                    LatencyReport.ratio(batches.timesNs.getValueAtPercentile(50), inlineNs.getValueAtPercentile(50)),
                    batches.growthBytes / 1e6, concurrent.wallNs / 1e6, concurrent.growthBytes / 5 / 1e6));
            }
            if (probe != null)
            {
                probe.stop();
                System.out.println("run " + run + ": " + probe.summary());
            }
        }
        System.out.println("conditions after: load average " + LatencyReport.loadAverage());
        System.out.println("| run | wait | batches | ring ×50: mean µs | ring ×50: p50 µs | pipeline ×50: mean µs"
            + " | pipeline ×50: p50 µs | pipeline ×50: max µs | pipeline / ring (p50) | in-process ×50: mean µs"
            + " | in-process ×50: p50 µs | pipeline / in-process (p50) | memory growth MB (heap + direct)"
            + " | 5 symbols: wall ms | 5 symbols: MB per symbol |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private record BatchResult(Histogram timesNs, long growthBytes)
    {
    }

    private record ConcurrentResult(long wallNs, long growthBytes)
    {
    }

    private static BatchResult batchesOfFifty(final String wait) throws Exception
    {
        final Path dir = Files.createTempDirectory("liqvol-seed");
        final CountingListener listener = new CountingListener();
        final Histogram timesNs;
        final long growthBytes;
        try (LiqvolEngine engine = LiqvolEngine.launch(
            new EngineContext().dataDir(dir).waitStrategy(WaitStrategies.named(wait)).listener(listener)))
        {
            final long before = usedBytes();
            timesNs = timeBatches(engine::ingestLiquidation, () -> listener.published);
            growthBytes = usedBytes() - before;
        }
        delete(dir);
        return new BatchResult(timesNs, growthBytes);
    }

    /** The same batches through the bare ring: the hand-offs and waits of the pipeline without its work. */
    private static Histogram ringBatches(final String wait)
    {
        final CountingListener listener = new CountingListener();
        try (BareRing ring = BareRing.launch(new EngineContext().waitStrategy(WaitStrategies.named(wait)),
            (sequence, receiveTimeNs) -> listener.count()))
        {
            return timeBatches(ring::ingestLiquidation, () -> listener.published);
        }
    }

    /** The same batches' decode and aggregate on this thread: the work of a batch without the pipeline. */
    private static Histogram inlineBatches()
    {
        final InlineStages stages = new InlineStages();
        final long[] accepted = new long[1];
        final Histogram timesNs = timeBatches(
            (symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs) ->
                accepted[0] += stages.liquidation(symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs),
            () -> accepted[0]);
        if (accepted[0] != LIQUIDATIONS)
        {
            throw new IllegalStateException("in-process stages accepted " + accepted[0] + " of " + LIQUIDATIONS);
        }
        return timesNs;
    }

    /**
     * Hands in the scenario's 1,500 liquidations in batches of 50, timing each batch from its first hand-in until
     * {@code handled} has counted its last.
     */
    private static Histogram timeBatches(final Ingest ingest, final LongSupplier handled)
    {
        final Histogram timesNs = new Histogram(3);
        final long startMs = System.currentTimeMillis() - SPAN_MS;
        for (int batch = 0; batch < LIQUIDATIONS / BATCH; batch++)
        {
            final long t0 = System.nanoTime();
            for (int i = batch * BATCH; i < (batch + 1) * BATCH; i++)
            {
                final long timeMs = startMs + i * (SPAN_MS / LIQUIDATIONS);
                ingest.liquidation("BTCUSDT", i % 3 == 0 ? Side.BUY : Side.SELL,
                    1_000_000L + i * 1_000L, 6_000_000_000_000L + i * 100_000_000L, timeMs, timeMs);
            }
            final long target = (long)(batch + 1) * BATCH;
            while (handled.getAsLong() < target)
            {
                Thread.onSpinWait();
            }
            timesNs.recordValue(System.nanoTime() - t0);
        }
        return timesNs;
    }

    /** Where a scenario hands its liquidations in: the engine, the bare ring or the stages on this thread. */
    private interface Ingest
    {
        void liquidation(String symbol, Side side, long quantityE8, long priceE8, long tradeTimeMs, long eventTimeMs);
    }

    private static ConcurrentResult fiveSymbols(final String wait) throws Exception
    {
        final Path dir = Files.createTempDirectory("liqvol-seed");
        final CountingListener listener = new CountingListener();
        final long wallNs;
        final long growthBytes;
        try (LiqvolEngine engine = LiqvolEngine.launch(
            new EngineContext().dataDir(dir).waitStrategy(WaitStrategies.named(wait)).listener(listener)))
        {
            final long before = usedBytes();
            final long startMs = System.currentTimeMillis() - SPAN_MS;
            final CountDownLatch start = new CountDownLatch(1);
            final Thread[] producers = new Thread[SYMBOLS.length];
            for (int s = 0; s < SYMBOLS.length; s++)
            {
                final String symbol = SYMBOLS[s];
                producers[s] = new Thread(() ->
                {
                    awaitQuietly(start);
                    for (int i = 0; i < LIQUIDATIONS; i++)
                    {
                        final long timeMs = startMs + i * (SPAN_MS / LIQUIDATIONS);
                        engine.ingestLiquidation(symbol, i % 2 == 0 ? Side.BUY : Side.SELL,
                            1_000_000L + i * 1_000L, 10_000_000_000L + i * 1_000_000L, timeMs, timeMs);
                    }
                }, "producer-" + symbol);
                producers[s].start();
            }
            final long t0 = System.nanoTime();
            start.countDown();
            for (final Thread producer : producers)
            {
                producer.join();
            }
            while (listener.published < (long)LIQUIDATIONS * SYMBOLS.length)
            {
                Thread.onSpinWait();
            }
            wallNs = System.nanoTime() - t0;
            growthBytes = usedBytes() - before;
        }
        delete(dir);
        return new ConcurrentResult(wallNs, growthBytes);
    }

    /**
     * Heap in use after a full collection, plus direct buffers (the engine's per-symbol buckets and recent
     * liquidations). Not the journal's memory-mapped segment: that is a file in the page cache, sized once per segment.
     * Collected twice with a pause, so that buffers of an engine closed before are released by then.
     */
    private static long usedBytes() throws InterruptedException
    {
        System.gc();
        Thread.sleep(200);
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (final BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class))
        {
            if ("direct".equals(pool.getName()))
            {
                used += pool.getMemoryUsed();
            }
        }
        return used;
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(final Path dir) throws Exception
    {
        try (var files = Files.walk(dir))
        {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    /** Counts published liquidations (or bare ring slots); written by the publisher thread only. */
    private static final class CountingListener implements EngineListener
    {
        volatile long published;

        @Override
        public void onLiquidation(final LiquidationView liquidation)
        {
            count();
        }

        void count()
        {
            published = published + 1;
        }

        @Override
        public void onBucketChanged(final BucketView bucket)
        {
        }
    }
}
