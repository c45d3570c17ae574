package io.liqvol.bench;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import org.HdrHistogram.Histogram;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The seed's own load scenarios, on the real engine (journal on, fresh temporary directory per run):
 * <ol>
 *     <li>1,500 liquidations over 30 minutes of event time, handed in as 30 batches of 50; each batch is timed from
 *     the first hand-in until the listener has seen its 50th liquidation (seed: 0.17 ms average, 0.43 ms max);
 *     memory growth over the scenario after a full GC, heap plus direct buffers (seed: 0.75 MB).</li>
 *     <li>Five symbols at once: five threads each hand in 1,500 liquidations of their own symbol; wall time and
 *     memory growth per symbol (seed: under 0.1 MB per symbol, under 2 s in total).</li>
 * </ol>
 * Run 1 is a cold JVM; the later runs repeat the scenario in fresh engines of the same JVM.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.SeedScenariosHarness --runs 5
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
        final int runs = new HarnessArgs(args).integer("runs", 5);
        System.out.println("conditions: " + LatencyReport.conditions());
        System.out.println("| run | batches | mean ms | p50 ms | max ms | memory growth MB (heap + direct) |"
            + " 5 symbols: wall ms | 5 symbols: MB per symbol |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int run = 1; run <= runs; run++)
        {
            final BatchResult batches = batchesOfFifty();
            final ConcurrentResult concurrent = fiveSymbols();
            System.out.printf(Locale.ROOT, "| %d%s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.3f |%n",
                run, run == 1 ? " (cold)" : "", batches.timesNs.getTotalCount(), batches.timesNs.getMean() / 1e6,
                batches.timesNs.getValueAtPercentile(50) / 1e6, batches.timesNs.getMaxValue() / 1e6,
                batches.growthBytes / 1e6, concurrent.wallNs / 1e6, concurrent.growthBytes / 5 / 1e6);
        }
        System.out.println("conditions after: load average " + LatencyReport.loadAverage());
    }

    private record BatchResult(Histogram timesNs, long growthBytes)
    {
    }

    private record ConcurrentResult(long wallNs, long growthBytes)
    {
    }

    private static BatchResult batchesOfFifty() throws Exception
    {
        final Path dir = Files.createTempDirectory("liqvol-seed");
        final CountingListener listener = new CountingListener();
        final Histogram timesNs = new Histogram(3);
        final long growthBytes;
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dir).listener(listener)))
        {
            final long before = usedBytes();
            final long startMs = System.currentTimeMillis() - SPAN_MS;
            for (int batch = 0; batch < LIQUIDATIONS / BATCH; batch++)
            {
                final long t0 = System.nanoTime();
                for (int i = batch * BATCH; i < (batch + 1) * BATCH; i++)
                {
                    final long timeMs = startMs + i * (SPAN_MS / LIQUIDATIONS);
                    engine.ingestLiquidation("BTCUSDT", i % 3 == 0 ? Side.BUY : Side.SELL,
                        1_000_000L + i * 1_000L, 6_000_000_000_000L + i * 100_000_000L, timeMs, timeMs);
                }
                final long target = (long)(batch + 1) * BATCH;
                while (listener.published < target)
                {
                    Thread.onSpinWait();
                }
                timesNs.recordValue(System.nanoTime() - t0);
            }
            growthBytes = usedBytes() - before;
        }
        delete(dir);
        return new BatchResult(timesNs, growthBytes);
    }

    private static ConcurrentResult fiveSymbols() throws Exception
    {
        final Path dir = Files.createTempDirectory("liqvol-seed");
        final CountingListener listener = new CountingListener();
        final long wallNs;
        final long growthBytes;
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dir).listener(listener)))
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

    /** Counts published liquidations; written by the publisher thread only. */
    private static final class CountingListener implements EngineListener
    {
        volatile long published;

        @Override
        public void onLiquidation(final LiquidationView liquidation)
        {
            published = published + 1;
        }

        @Override
        public void onBucketChanged(final BucketView bucket)
        {
        }
    }
}
