package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class LiquidationStreamHandlerTest
{
    private static final long E8 = 100_000_000L;
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().pingIntervalMs(300).pongTimeoutMs(60_000));
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        harness.close();
    }

    @Test
    void shouldSendTheSnapshotThenLiveOrdersAndOnlyChangedBucketsWithAccumulatedTotals()
    {
        final long nowMs = System.currentTimeMillis();
        final long bucketMs = Timeframe.M1.alignDownMs(nowMs);
        harness.liquidate("ETHUSDT", Side.SELL, 2 * E8, 2000 * E8, nowMs - 2);
        harness.liquidate("ETHUSDT", Side.BUY, E8 / 2, 2002 * E8, nowMs - 1);
        awaitRecent("ETHUSDT", 2);

        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/ETHUSDT?timeframe=1m"));

        final Map<String, Object> snapshot = client.next("liquidation_order");
        assertThat(snapshot).containsEntry("symbol", "ETHUSDT").containsEntry("initial", true).containsKey("timestamp");
        final List<Map<String, Object>> rows = rows(snapshot);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("side", "BUY").containsEntry("quantity", "0.500")
            .containsEntry("avgPrice", "2002.00").containsEntry("priceUsdt", "1001.00")
            .containsEntry("baseAsset", "ETH");
        assertThat(rows.get(1)).containsEntry("side", "SELL").containsEntry("priceUsdt", "4000.00");

        final Map<String, Object> history = client.next("liquidation_volume");
        assertThat(history).containsEntry("is_update", false).containsEntry("timeframe", "1m");
        final List<Map<String, Object>> buckets = rows(history);
        assertThat(buckets).hasSize(500);
        assertThat(buckets.get(499)).containsEntry("timestamp_ms", bucketMs).containsEntry("buy_volume", "1001.00")
            .containsEntry("sell_volume", "4000.00").containsEntry("total_volume", "5001.00")
            .containsEntry("delta_volume", "-2999.00").containsEntry("delta_volume_formatted", "-3.00K")
            .containsEntry("count", 2L);
        assertThat(buckets.get(0)).containsEntry("timestamp_ms", bucketMs - 499 * 60_000L)
            .containsEntry("total_volume", "0.00").containsEntry("count", 0L);

        harness.liquidate("ETHUSDT", Side.BUY, E8, 2001 * E8, nowMs);

        final Map<String, Map<String, Object>> live = nextByType(client, 2);
        final Map<String, Object> update = live.get("liquidation_volume");
        assertThat(update).containsEntry("is_update", true);
        assertThat(rows(update)).hasSize(1);
        assertThat(rows(update).get(0)).containsEntry("timestamp_ms", bucketMs).containsEntry("buy_volume", "3002.00")
            .containsEntry("total_volume", "7002.00").containsEntry("buy_count", 2L).containsEntry("count", 3L);
        final Map<String, Object> orders = live.get("liquidation_order");
        assertThat(orders).containsEntry("initial", false);
        assertThat(rows(orders)).hasSize(1);
        assertThat(rows(orders).get(0)).containsEntry("side", "BUY").containsEntry("priceUsdt", "2001.00")
            .containsEntry("timestamp", nowMs);
        client.abort();
    }

    @Test
    void shouldServeACustomTimeframeWhoseLiveUpdatesSumAllItsBaseBuckets()
    {
        final long tenMinutesMs = 600_000L;
        final long bucketMs = Math.floorDiv(System.currentTimeMillis(), tenMinutesMs) * tenMinutesMs;
        harness.liquidate("TENMINUTEUSDT", Side.BUY, 10 * E8, 15 * E8, bucketMs + 1);
        harness.liquidate("TENMINUTEUSDT", Side.SELL, 4 * E8, 16 * E8, bucketMs + 300_001);
        awaitRecent("TENMINUTEUSDT", 2);

        final TestWebSocket client =
            TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/TENMINUTEUSDT?timeframe=10m"));
        client.next("liquidation_order");
        final Map<String, Object> snapshot = client.next("liquidation_volume");
        assertThat(snapshot).containsEntry("timeframe", "10m").containsEntry("is_update", false);
        final List<Map<String, Object>> buckets = rows(snapshot);
        assertThat(buckets).hasSize(500);
        assertThat(buckets.get(499)).containsEntry("timestamp_ms", bucketMs).containsEntry("buy_volume", "150.00")
            .containsEntry("sell_volume", "64.00").containsEntry("count", 2L);
        assertThat(buckets.get(498)).containsEntry("timestamp_ms", bucketMs - tenMinutesMs);

        harness.liquidate("TENMINUTEUSDT", Side.BUY, E8, 15 * E8, bucketMs + 2);

        final Map<String, Object> update = nextByType(client, 2).get("liquidation_volume");
        assertThat(update).containsEntry("timeframe", "10m").containsEntry("is_update", true);
        assertThat(rows(update)).singleElement().satisfies(bucket -> assertThat(bucket)
            .containsEntry("timestamp_ms", bucketMs).containsEntry("buy_volume", "165.00")
            .containsEntry("sell_volume", "64.00").containsEntry("total_volume", "229.00")
            .containsEntry("count", 3L).containsKeys("recorded_ms", "coverage"));
        client.abort();
    }

    @Test
    void shouldSendOrdersOnlyWithoutATimeframe() throws InterruptedException
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/btcusdt"));

        final Map<String, Object> orders = client.next("liquidation_order");
        assertThat(orders).containsEntry("symbol", "BTCUSDT").containsEntry("initial", true);
        final long nowMs = System.currentTimeMillis();
        harness.liquidate("BTCUSDT", Side.SELL, E8 / 10, 50_000 * E8, nowMs);
        assertThat(client.next("liquidation_order")).containsEntry("initial", false);
        Map<String, Object> other;
        while ((other = client.poll(300)) != null)
        {
            assertThat(other.get("type")).isIn("heartbeat", "liquidation_order");
        }
        client.abort();
    }

    @Test
    void shouldSendOnlyTheOrdersOfTheSelectedVenuesInTheSnapshotAndLive()
    {
        final long nowMs = System.currentTimeMillis();
        harness.liquidate(Venue.OKX, "ADAUSDT", Side.SELL, 3 * E8, E8 / 2, nowMs - 3);
        harness.liquidate(Venue.BINANCE, "ADAUSDT", Side.SELL, 4 * E8, E8 / 2, nowMs - 2);
        harness.liquidate(Venue.BYBIT, "ADAUSDT", Side.BUY, 5 * E8, E8 / 2, nowMs - 1);
        awaitRecent("ADAUSDT", 3);

        final TestWebSocket client =
            TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/ADAUSDT?exchange=bybit,okx"));
        final TestWebSocket binance =
            TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/ADAUSDT?exchange=binance"));

        assertThat(rows(client.next("liquidation_order"))).extracting(row -> row.get("exchange"))
            .containsExactly("bybit", "okx");
        assertThat(rows(binance.next("liquidation_order"))).extracting(row -> row.get("exchange"))
            .containsExactly("binance");
        harness.liquidate(Venue.BINANCE, "ADAUSDT", Side.SELL, 6 * E8, E8 / 2, nowMs);
        harness.liquidate(Venue.OKX, "ADAUSDT", Side.BUY, 7 * E8, E8 / 2, nowMs + 1);
        assertThat(rows(client.next("liquidation_order"))).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("exchange", "okx").containsEntry("priceUsdt", "3.50"));
        assertThat(rows(binance.next("liquidation_order"))).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("exchange", "binance").containsEntry("priceUsdt", "3.00"));
        client.abort();
        binance.abort();
    }

    @Test
    void shouldAnswerARangeRequestEchoingTheRange()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT?timeframe=1h"));
        client.next("liquidation_order");
        client.next("liquidation_volume");
        final long startMs = 1_700_000_000_000L;

        client.send("{\"type\":\"range\",\"start\":" + startMs + ",\"end\":" + (startMs + 3 * 3_600_000L) + "}");

        final Map<String, Object> answer = client.next("liquidation_volume");
        assertThat(answer).containsEntry("is_update", false)
            .containsEntry("range", Map.of("start", startMs, "end", startMs + 3 * 3_600_000L));
        assertThat(rows(answer)).hasSize(4);
        assertThat(rows(answer).get(0)).containsEntry("timestamp_ms", Timeframe.H1.alignDownMs(startMs));
        client.abort();
    }

    @Test
    void shouldHonourStartAndEndOnConnect()
    {
        final long startMs = 1_700_000_000_000L;
        final TestWebSocket client = TestWebSocket.connect(harness.ws(
            "/api/v1/ws/liquidations/BTCUSDT?timeframe=5m&start=" + startMs + "&end=" + (startMs + 10 * 300_000L)));
        client.next("liquidation_order");

        assertThat(rows(client.next("liquidation_volume"))).hasSize(11);
        client.abort();
    }

    @Test
    void shouldAnswerPingAndSendHeartbeatsWhenIdle()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");

        client.send("{\"type\":\"ping\"}");
        assertThat(client.next("pong")).isEqualTo(Map.of("type", "pong"));

        final Map<String, Object> heartbeat = client.next();
        assertThat(heartbeat).containsEntry("type", "heartbeat").containsEntry("symbol", "BTCUSDT");
        assertThat((String)heartbeat.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        client.abort();
    }

    @Test
    void shouldAnswerAnInvalidMessageWithoutClosing()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");

        client.send("not json");
        assertThat(client.next("error")).containsEntry("code", "invalid_message");
        assertThat(client.ping()).isNotNull();
        client.abort();
    }

    @Test
    void shouldRefuseAnUnknownSymbolWithAnErrorAndClose1008()
    {
        assertRefused("/api/v1/ws/liquidations/NOPEUSDT?timeframe=1m", "unknown_symbol");
        assertRefused("/api/v1/ws/liquidations/BTC-USDT", "unknown_symbol");
    }

    @Test
    void shouldRefuseABadTimeframeOrRangeWithAnErrorAndClose1008()
    {
        assertRefused("/api/v1/ws/liquidations/BTCUSDT?timeframe=7m", "invalid_timeframe");
        assertRefused("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m&start=10&end=5", "invalid_range");
        assertRefused("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m&start=abc", "invalid_range");
        assertRefused("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m&start=0&end=600000000", "range_too_large");
    }

    @Test
    void shouldAnswerEveryBadRangeRequestWithAnErrorAndStayOpen()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m"));
        client.next("liquidation_order");
        client.next("liquidation_volume");

        client.send("{\"type\":\"range\",\"start\":5,\"end\":5}");
        assertThat(client.next("error")).containsEntry("code", "invalid_range");
        client.send("{\"type\":\"range\",\"start\":-1,\"end\":5}");
        assertThat(client.next("error")).containsEntry("code", "invalid_range");
        client.send("{\"type\":\"range\",\"start\":\"0\",\"end\":5}");
        assertThat(client.next("error")).containsEntry("code", "invalid_range");
        client.send("{\"type\":\"range\",\"end\":5}");
        assertThat(client.next("error")).containsEntry("code", "invalid_range");
        client.send("{\"type\":\"range\",\"start\":0,\"end\":600000000}");
        assertThat(client.next("error")).containsEntry("code", "range_too_large");

        client.send("{\"type\":\"range\",\"start\":60000,\"end\":180000}");
        assertThat(client.next("liquidation_volume"))
            .containsEntry("range", Map.of("start", 60_000L, "end", 180_000L));
        assertThat(client.closeNow()).isNull();
        client.abort();
    }

    @Test
    void shouldAnswerARangeRequestOnAStreamWithoutATimeframeWithAnErrorAndStayOpen()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");

        client.send("{\"type\":\"range\",\"start\":60000,\"end\":180000}");

        assertThat(client.next("error")).containsEntry("code", "invalid_range");
        assertThat(client.ping()).isNotNull();
        client.abort();
    }

    @Test
    void shouldRefuseAForeignOriginButAcceptItsOwn()
    {
        final TestWebSocket own = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"),
            "http://127.0.0.1:" + harness.port());
        assertThat(own.next("liquidation_order")).isNotNull();
        own.abort();

        assertThat(catchThrowable(() -> TestWebSocket.connect(
            harness.ws("/api/v1/ws/liquidations/BTCUSDT"), "https://evil.example")))
            .rootCause().hasMessageContaining("403");
        assertThat(harness.metrics.render()).contains("liqvol_origins_rejected_total 1");
    }

    @Test
    void shouldDeliverEachLiquidationExactlyOnceToClientsJoiningDuringABurst() throws Exception
    {
        final int burst = 2000;
        final long baseMs = System.currentTimeMillis() - 10_000;
        final Thread producer = new Thread(() ->
        {
            for (int i = 1; i <= burst; i++)
            {
                harness.liquidate("LINKUSDT", Side.SELL, E8, 15 * E8, baseMs + i);
                if (i % 5 == 0)
                {
                    LockSupport.parkNanos(2_000_000L);
                }
            }
        });
        harness.liquidate("LINKUSDT", Side.BUY, E8, 15 * E8, baseMs);
        awaitRecent("LINKUSDT", 1);
        producer.start();
        final List<TestWebSocket> clients = new ArrayList<>();
        while (producer.isAlive() && clients.size() < 20)
        {
            clients.add(TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/LINKUSDT")));
            Thread.sleep(30);
        }
        producer.join();

        assertThat(clients).hasSizeGreaterThan(5);
        for (final TestWebSocket client : clients)
        {
            final List<Long> seen = new ArrayList<>();
            final List<Map<String, Object>> snapshot = rows(client.next("liquidation_order"));
            for (int i = snapshot.size() - 1; i >= 0; i--)
            {
                seen.add((Long)snapshot.get(i).get("timestamp") - baseMs);
            }
            while (seen.isEmpty() || seen.get(seen.size() - 1) < burst)
            {
                final List<Map<String, Object>> live = rows(client.next("liquidation_order"));
                for (int i = live.size() - 1; i >= 0; i--)
                {
                    seen.add((Long)live.get(i).get("timestamp") - baseMs);
                }
            }
            for (int i = 1; i < seen.size(); i++)
            {
                assertThat(seen.get(i)).as("liquidation after %d", seen.get(i - 1)).isEqualTo(seen.get(i - 1) + 1);
            }
            client.abort();
        }
    }

    @Test
    void shouldLimitTheMessageRateOfAClient()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");
        final int sent = 3 * new ServerConfig().requestsPerSecond();

        for (int i = 0; i < sent; i++)
        {
            client.send("{\"type\":\"ping\"}");
        }

        int pongs = 0;
        int limited = 0;
        while (pongs + limited < sent)
        {
            final Map<String, Object> answer = client.next();
            if ("pong".equals(answer.get("type")))
            {
                pongs++;
            }
            else if ("error".equals(answer.get("type")))
            {
                assertThat(answer).containsEntry("code", "rate_limited");
                limited++;
            }
        }
        assertThat(limited).isPositive();
        assertThat(pongs).isGreaterThanOrEqualTo(2 * new ServerConfig().requestsPerSecond());
        client.abort();
    }

    @Test
    void shouldCloseAClientSendingAnOversizedFrame()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");

        client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(new ServerConfig().maxClientFrameBytes()) + "\"}");

        assertThat(client.awaitClose().status()).isEqualTo(1009);
    }

    @Test
    void shouldTellClientsOfAGapWhenTheUpstreamWasLost()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/ADAUSDT"));
        client.next("liquidation_order");
        final long lostAtMs = System.currentTimeMillis();

        harness.simulator.dropAllConnections();

        final Map<String, Object> gap = client.next("gap");
        assertThat(gap).containsEntry("symbol", "ADAUSDT");
        assertThat((Long)gap.get("from")).isGreaterThanOrEqualTo(lostAtMs - 1000);
        assertThat((Long)gap.get("to")).isGreaterThanOrEqualTo((Long)gap.get("from"));
        client.abort();
    }

    private static void assertRefused(final String path, final String code)
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws(path));
        final Map<String, Object> error = client.next();
        assertThat(error).containsEntry("type", "error").containsEntry("code", code).containsKey("message");
        final TestWebSocket.Close close = client.awaitClose();
        assertThat(close.status()).isEqualTo(1008);
        assertThat(close.reason()).isEqualTo(code);
    }

    /** The next {@code count} messages other than heartbeats, by type (live orders and volume may interleave). */
    private static Map<String, Map<String, Object>> nextByType(final TestWebSocket client, final int count)
    {
        final Map<String, Map<String, Object>> byType = new HashMap<>();
        while (byType.size() < count)
        {
            final Map<String, Object> message = client.next();
            if (!"heartbeat".equals(message.get("type")))
            {
                assertThat(byType.put((String)message.get("type"), message)).as("one %s", message.get("type")).isNull();
            }
        }
        return byType;
    }

    private static void awaitRecent(final String symbol, final int count)
    {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (harness.engine.recentLiquidations(symbol, 50).size() < count)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the engine did not publish " + count + " liquidations of " + symbol);
            }
            Thread.onSpinWait();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(final Map<String, Object> message)
    {
        return (List<Map<String, Object>>)message.get("data");
    }
}
