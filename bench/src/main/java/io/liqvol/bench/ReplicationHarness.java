package io.liqvol.bench;

import io.aeron.CommonContext;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.gateway.replication.ReplicationConfig;
import io.liqvol.gateway.replication.ReplicationEdge;
import io.liqvol.gateway.replication.ReplicationRecorder;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replication over Aeron on loopback UDP, a recorder and an edge in one JVM (each with its own embedded media
 * driver): (1) latency from a liquidation handed to the recorder's engine to its listener on the recorder (the
 * single-process figure) and to its listener on the edge (journal → publisher → UDP → edge engine), in the same
 * run;
 * (2) catch-up speed: an edge started after the recorder journaled {@code --catch-up} liquidations, how fast it
 * replays them. {@code --rate 2000 --seconds 20 --warmup-seconds 5 --catch-up 1000000}.
 */
public final class ReplicationHarness
{
    private static final long NOW_MS = System.currentTimeMillis();

    private ReplicationHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final int rate = options.integer("rate", 2_000);
        final int warmup = rate * options.integer("warmup-seconds", 5);
        final int total = warmup + rate * options.integer("seconds", 20);
        final int catchUp = options.integer("catch-up", 1_000_000);
        System.out.println("conditions: " + LatencyReport.conditions());
        final Path dir = Files.createTempDirectory("liqvol-replication-bench");
        try
        {
            latency(dir.resolve("latency"), rate, warmup, total);
            catchUp(dir.resolve("catch-up"), catchUp);
        }
        finally
        {
            TempDirs.delete(dir);
        }
    }

    private static void latency(final Path dir, final int rate, final int warmup, final int total) throws Exception
    {
        final long[] sentNs = new long[total];
        final Histogram local = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram replicated = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final LiqvolEngine recorder = LiqvolEngine.launch(context(dir.resolve("recorder"))
            .listener(latencyListener(sentNs, warmup, local)));
        final LiqvolEngine edge = LiqvolEngine.launch(context(dir.resolve("edge"))
            .listener(latencyListener(sentNs, warmup, replicated)));
        final ReplicationConfig recorderConfig = recorderConfig(dir);
        try (ReplicationRecorder publisher = ReplicationRecorder.start(recorderConfig, dir.resolve("recorder"));
            ReplicationEdge follower = ReplicationEdge.start(edgeConfig(recorderConfig), dir.resolve("edge"), edge))
        {
            awaitReady(follower, recorder, edge);
            final long intervalNs = 1_000_000_000L / rate;
            final long startNs = System.nanoTime();
            for (int i = 0; i < total; i++)
            {
                final long dueNs = startNs + i * intervalNs;
                while (System.nanoTime() < dueNs)
                {
                    LockSupport.parkNanos(Math.min(50_000, dueNs - System.nanoTime()));
                }
                // The planned time, not the actual one: a send held up by a stall counts its wait (no coordinated
                // omission).
                sentNs[i] = dueNs;
                recorder.ingestLiquidation("S" + (i % 50) + "USDT", Side.fromOrdinal(i & 1), i + 1, 100_000_000,
                    NOW_MS - 1_000, 0);
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (replicated.getTotalCount() < total - warmup && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }
            System.out.println("latency at " + rate + " liquidations/s, after " + warmup + " of warm-up:");
            System.out.println(LatencyReport.header());
            System.out.println(LatencyReport.row("single process: recorder's listener", local));
            System.out.println(LatencyReport.row("replicated: edge's listener", replicated));
            System.out.println("published " + publisher.published() + ", refused offers " + publisher.refusedOffers());
        }
        finally
        {
            edge.close();
            recorder.close();
        }
    }

    private static void catchUp(final Path dir, final int count) throws Exception
    {
        try (LiqvolEngine recorder = LiqvolEngine.launch(context(dir.resolve("recorder"))))
        {
            for (int i = 0; i < count; i++)
            {
                recorder.ingestLiquidation("S" + (i % 50) + "USDT", Side.fromOrdinal(i & 1), i + 1, 100_000_000,
                    NOW_MS - 3_600_000 + i % 3_000_000, 0);
            }
        }
        final ReplicationConfig recorderConfig = recorderConfig(dir);
        try (ReplicationRecorder publisher = ReplicationRecorder.start(recorderConfig, dir.resolve("recorder")))
        {
            while (publisher.published() < count)
            {
                Thread.sleep(10);
            }
            try (LiqvolEngine edge = LiqvolEngine.launch(context(dir.resolve("edge"))))
            {
                final long startNs = System.nanoTime();
                try (ReplicationEdge follower =
                    ReplicationEdge.start(edgeConfig(recorderConfig), dir.resolve("edge"), edge))
                {
                    while (edge.counters().accepted() < count)
                    {
                        Thread.sleep(1);
                    }
                    final long elapsedNs = System.nanoTime() - startNs;
                    System.out.printf("catch-up: %,d liquidations replayed in %,d ms: %,.0f liquidations/s (%,d"
                        + " messages handed)%n", count, elapsedNs / 1_000_000, count * 1e9 / elapsedNs,
                        follower.handed());
                }
            }
        }
    }

    private static EngineListener latencyListener(final long[] sentNs, final int warmup, final Histogram histogram)
    {
        return new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                final int i = (int)liquidation.quantityE8() - 1;
                if (i >= warmup && i < sentNs.length)
                {
                    histogram.recordValue(
                        Math.min(System.nanoTime() - sentNs[i], histogram.getHighestTrackableValue()));
                }
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }
        };
    }

    private static void awaitReady(final ReplicationEdge follower, final LiqvolEngine recorder, final LiqvolEngine edge)
        throws InterruptedException
    {
        recorder.ingestLiquidation("WARMUSDT", Side.BUY, 1, 1, NOW_MS - 2_000, 0);
        while (!follower.ready() || edge.counters().accepted() < 1)
        {
            Thread.sleep(10);
        }
    }

    private static EngineContext context(final Path dataDir)
    {
        return new EngineContext().dataDir(dataDir).liveRecording(false);
    }

    private static ReplicationConfig recorderConfig(final Path dir) throws IOException
    {
        return new ReplicationConfig().archiveEndpoint("localhost:" + freeUdpPort())
            .liveEndpoint("localhost:" + freeUdpPort()).archiveDir(dir.resolve("archive"))
            .aeronDir(CommonContext.generateRandomDirName()).conclude();
    }

    private static ReplicationConfig edgeConfig(final ReplicationConfig recorder)
    {
        return new ReplicationConfig().from(List.of(recorder.archiveEndpoint()))
            .aeronDir(CommonContext.generateRandomDirName()).conclude();
    }

    static int freeUdpPort() throws IOException
    {
        try (DatagramSocket probe = new DatagramSocket(0))
        {
            return probe.getLocalPort();
        }
    }
}
