package io.liqvol.gateway.replication;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.LiqvolProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorders and edges as separate processes on loopback UDP, each with its own embedded media driver, or over IPC on
 * a media driver they share.
 */
class ReplicationProcessTest
{
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final int HOUR_LIQUIDATIONS = 36_000;
    private static final Duration CATCH_UP = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Path> aeronDirs = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
        for (final Path path : aeronDirs)
        {
            ReplicationTesting.deleteTree(path);
        }
    }

    @Test
    void shouldServeOnEdgesWhatTheRecorderServesThroughAKillAndALateStart() throws Exception
    {
        final long hourStartMs = Timeframe.H1.alignDownMs(System.currentTimeMillis()) - 2 * 3_600_000L;
        final Map<String, BigDecimal[]> reference = recordAnHour(dir.resolve("recorder"), hourStartMs);
        final int archivePort = ReplicationTesting.freeUdpPort();
        // A simulator of our own: --simulate would also record a day of simulated history, beside the reference.
        final ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig());
        open.add(exchange::close);
        final LiqvolProcess recorder = start("recorder", "--binance-ws-base-url", exchange.wsBaseUrl(),
            "--binance-rest-base-url", exchange.restBaseUrl(), "--data-dir", dir.resolve("recorder").toString(),
            "--replication-archive-endpoint", "localhost:" + archivePort,
            "--replication-live-endpoint", "localhost:" + ReplicationTesting.freeUdpPort());
        final long liveFromMs = System.currentTimeMillis();
        // The first recorder API named is down: the edge fails over to the recorder's for symbols and klines.
        final String fromHttp = "http://127.0.0.1:" + ReplicationTesting.freeUdpPort() + "," + recorder.baseUrl();
        LiqvolProcess first = edge("first", archivePort, fromHttp);
        awaitReady(first);
        assertHourMatches(reference, hourStartMs, recorder, first);
        Await.pause(1_500);

        first.kill();
        Await.pause(1_000);
        first = edge("first", archivePort, fromHttp);
        final long lateStartNs = System.nanoTime();
        final LiqvolProcess late = edge("late", archivePort, recorder.baseUrl());
        awaitReady(late);
        final long lateCatchUpMs = (System.nanoTime() - lateStartNs) / 1_000_000;
        awaitReady(first);
        Await.pause(1_500);

        final long cutoffMs = System.currentTimeMillis() - 1_000;
        final List<String> recorded = orders(recorder, liveFromMs, cutoffMs);
        for (final LiqvolProcess edge : List.of(first, late))
        {
            assertSameOrders(edge, recorded, liveFromMs, cutoffMs);
        }
        assertThat(recorded).isNotEmpty();
        assertHourMatches(reference, hourStartMs, recorder, first, late);
        System.out.println("late edge caught up with " + HOUR_LIQUIDATIONS + " liquidations of an hour and "
            + recorded.size() + " live in " + lateCatchUpMs + " ms");
        assertThat(late.get("/api/v1/symbols").body()).isEqualTo(recorder.get("/api/v1/symbols").body());
        final String klines = "/api/v1/klines/BTCUSDT/1m?limit=5&end=" + Timeframe.M1.alignDownMs(cutoffMs);
        assertThat(recorder.get(klines).statusCode()).isEqualTo(200);
        assertThat(first.get(klines).body()).isEqualTo(recorder.get(klines).body()).contains("\"open\"");
    }

    @Test
    void shouldShowNoGapAtTheEdgeWhenOneOfTwoRecordersIsKilled() throws Exception
    {
        final ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig());
        open.add(exchange::close);
        final int firstArchive = ReplicationTesting.freeUdpPort();
        final int secondArchive = ReplicationTesting.freeUdpPort();
        final LiqvolProcess first = recorder("first", exchange, firstArchive, 1);
        final LiqvolProcess second = recorder("second", exchange, secondArchive, 2);
        final LiqvolProcess edge = start("edge", "edge", "--from", "localhost:" + firstArchive + ",localhost:"
            + secondArchive, "--from-http", first.baseUrl() + "," + second.baseUrl(), "--data-dir",
            dir.resolve("edge").toString());
        awaitReady(edge);
        final long fromMs = System.currentTimeMillis() + 1_000;
        Await.pause(2_500);

        final List<long[]> firstGaps = gaps(first);
        first.kill();
        Await.pause(3_000);
        final long cutoffMs = System.currentTimeMillis() - 1_000;
        final List<String> recorded = orders(second, fromMs, cutoffMs);
        assertSameOrders(edge, recorded, fromMs, cutoffMs);

        assertThat(recorded).isNotEmpty();
        final List<String> bothHad = new ArrayList<>();
        for (final long[] gap : firstGaps)
        {
            for (final long[] other : gaps(second))
            {
                if (Math.max(gap[0], other[0]) <= Math.min(gap[1], other[1]))
                {
                    bothHad.add(Math.max(gap[0], other[0]) + "-" + Math.min(gap[1], other[1]));
                }
            }
        }
        assertThat(gaps(edge).stream().map(gap -> gap[0] + "-" + gap[1]).toList())
            .containsExactlyElementsOf(bothHad);
        @SuppressWarnings("unchecked")
        final Map<String, Object> replication = (Map<String, Object>)edge.getJson("/health").get("replication");
        assertThat(replication).containsEntry("role", "edge").containsEntry("state", "ready");
    }

    @Test
    void shouldServeOnAnIpcEdgeWhatTheRecorderServesOnTheirSharedMediaDriver() throws Exception
    {
        final Path aeronDir = ReplicationTesting.aeronDir("shared");
        aeronDirs.add(aeronDir);
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(aeronDir.toString())
            .dirDeleteOnStart(true).dirDeleteOnShutdown(true).threadingMode(ThreadingMode.SHARED)
            .termBufferSparseFile(true));
        open.add(driver);
        final long hourStartMs = Timeframe.H1.alignDownMs(System.currentTimeMillis()) - 2 * 3_600_000L;
        final Map<String, BigDecimal[]> reference = recordAnHour(dir.resolve("recorder"), hourStartMs);
        final int archivePort = ReplicationTesting.freeUdpPort();
        final ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig());
        open.add(exchange::close);
        final LiqvolProcess recorder = startOn(aeronDir, "recorder", "--binance-ws-base-url", exchange.wsBaseUrl(),
            "--binance-rest-base-url", exchange.restBaseUrl(), "--data-dir", dir.resolve("recorder").toString(),
            "--replication-archive-endpoint", "localhost:" + archivePort, "--aeron-driver", "standalone");
        final long liveFromMs = System.currentTimeMillis();
        final LiqvolProcess edge = startOn(aeronDir, "edge", "edge", "--from", "localhost:" + archivePort,
            "--from-http", recorder.baseUrl(), "--data-dir", dir.resolve("edge").toString(), "--aeron-driver",
            "standalone", "--replication-channel", "aeron:ipc");
        awaitReady(edge);
        Await.pause(2_500);

        final long cutoffMs = System.currentTimeMillis() - 1_000;
        final List<String> recorded = orders(recorder, liveFromMs, cutoffMs);
        assertSameOrders(edge, recorded, liveFromMs, cutoffMs);
        assertThat(recorded).isNotEmpty();
        assertHourMatches(reference, hourStartMs, recorder, edge);
        @SuppressWarnings("unchecked")
        final Map<String, Object> replication = (Map<String, Object>)edge.getJson("/health").get("replication");
        assertThat(String.valueOf(replication.get("recorders"))).contains("live=true");
    }

    private LiqvolProcess recorder(final String name, final ExchangeSimulator exchange, final int archivePort,
        final int id) throws IOException
    {
        return start(name, "--binance-ws-base-url", exchange.wsBaseUrl(), "--binance-rest-base-url",
            exchange.restBaseUrl(), "--data-dir", dir.resolve(name).toString(), "--replication-archive-endpoint",
            "localhost:" + archivePort, "--replication-live-endpoint", "localhost:" + ReplicationTesting.freeUdpPort(),
            "--replication-recorder-id", String.valueOf(id));
    }

    private LiqvolProcess edge(final String name, final int archivePort, final String fromHttp) throws IOException
    {
        return start(name, "edge", "--from", "localhost:" + archivePort, "--from-http", fromHttp, "--data-dir",
            dir.resolve(name).toString());
    }

    /** With a port chosen by the OS, a term length of 256 KiB and a driver directory of its own. */
    private LiqvolProcess start(final String name, final String... args) throws IOException
    {
        final Path aeronDir = ReplicationTesting.aeronDir(name);
        aeronDirs.add(aeronDir);
        return startOn(aeronDir, name, args);
    }

    /** With a port chosen by the OS, a term length of 256 KiB and the media driver directory {@code aeronDir}. */
    private LiqvolProcess startOn(final Path aeronDir, final String name, final String... args) throws IOException
    {
        final List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--port", "0", "--replication-term-length", String.valueOf(256 << 10), "--aeron-dir",
            aeronDir.toString()));
        final LiqvolProcess process =
            LiqvolProcess.start(dir.resolve(name + "-" + System.nanoTime() + ".err"), all.toArray(new String[0]));
        open.add(process);
        return process;
    }

    private static void awaitReady(final LiqvolProcess edge)
    {
        Await.until("the edge is ready", CATCH_UP, () -> Boolean.TRUE.equals(edge.getJson("/health").get("ready")));
    }

    /** An hour of liquidations journaled before the recorder starts; per symbol the exact buy and sell notional. */
    private static Map<String, BigDecimal[]> recordAnHour(final Path dataDir, final long hourStartMs)
    {
        final Map<String, BigDecimal[]> reference = new HashMap<>();
        final Random random = new Random(19);
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dataDir).liveRecording(false)))
        {
            for (int i = 0; i < HOUR_LIQUIDATIONS; i++)
            {
                final String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long quantityE8 = 100_000 + random.nextInt(1_000_000_000);
                final long priceE8 = 100_000_000 + (random.nextLong() & 0xFF_FFFF_FFFFL);
                engine.ingestLiquidation(symbol, side, quantityE8, priceE8, hourStartMs + i * 100L, 0);
                final BigDecimal[] sums =
                    reference.computeIfAbsent(symbol, s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[side.ordinal()] = sums[side.ordinal()]
                    .add(BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8)));
            }
        }
        return reference;
    }

    private static void assertHourMatches(
        final Map<String, BigDecimal[]> reference, final long hourStartMs, final LiqvolProcess... servers)
    {
        for (final LiqvolProcess server : servers)
        {
            for (final String symbol : SYMBOLS)
            {
                final List<Object> data = rows(server.getJson("/api/v1/liquidation-volume/" + symbol + "/1h?start="
                    + hourStartMs + "&end=" + (hourStartMs + 3_600_000L)).get("data"));
                assertThat(data).hasSize(1);
                @SuppressWarnings("unchecked")
                final Map<String, Object> bucket = (Map<String, Object>)data.get(0);
                final BigDecimal[] sums = reference.get(symbol);
                assertThat(new BigDecimal((String)bucket.get("buy_volume"))).as(symbol).isEqualByComparingTo(sums[0]);
                assertThat(new BigDecimal((String)bucket.get("sell_volume"))).as(symbol)
                    .isEqualByComparingTo(sums[1]);
            }
        }
    }

    /** The edge's orders are those given, once it has them all (it may still be catching up). */
    private static void assertSameOrders(
        final LiqvolProcess edge, final List<String> expected, final long fromMs, final long toMs)
    {
        final long deadlineNs = System.nanoTime() + CATCH_UP.toNanos();
        List<String> served = orders(edge, fromMs, toMs);
        while (!served.equals(expected) && System.nanoTime() - deadlineNs < 0)
        {
            Await.pause(200);
            served = orders(edge, fromMs, toMs);
        }
        assertThat(served).containsExactlyElementsOf(expected);
    }

    /**
     * Every order traded in [fromMs, toMs), oldest recorded first, each row with all its fields as served (numbers
     * written with the exchange's precision of the symbol, which an edge has from its recorder).
     */
    private static List<String> orders(final LiqvolProcess server, final long fromMs, final long toMs)
    {
        final List<String> orders = new ArrayList<>();
        String cursor = null;
        do
        {
            final Map<String, Object> page = server.getJson("/api/v1/liquidations?order=asc&limit=1000&start="
                + fromMs + "&end=" + toMs + (cursor == null ? "" : "&cursor=" + cursor));
            for (final Object row : rows(page.get("orders")))
            {
                orders.add(String.valueOf(row));
            }
            cursor = (String)page.get("next_cursor");
        }
        while (cursor != null);
        return orders;
    }

    /** The server's gaps (from, to), the one under way left out: it is no record yet. */
    private static List<long[]> gaps(final LiqvolProcess server)
    {
        final List<long[]> gaps = new ArrayList<>();
        for (final Object row : rows(server.getJson("/api/v1/gaps").get("gaps")))
        {
            @SuppressWarnings("unchecked")
            final Map<String, Object> gap = (Map<String, Object>)row;
            if (!Boolean.TRUE.equals(gap.get("open")))
            {
                gaps.add(new long[] {(Long)gap.get("from"), (Long)gap.get("to")});
            }
        }
        return gaps;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(final Object rows)
    {
        return rows == null ? List.of() : (List<Object>)rows;
    }
}
