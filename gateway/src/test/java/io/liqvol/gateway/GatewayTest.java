package io.liqvol.gateway;

import io.liqvol.engine.RejectReason;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatedHistory;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.simulator.VenueLiquidation;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TestWebSocket;
import io.liqvol.gateway.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALL_MARKET = "!forceOrder@arr";

    @Test
    void shouldSubscribeASymbolUpstreamOnlyWhileAClientWatchesItInPerSymbolMode() throws Exception
    {
        try (Gateway gateway = start("per-symbol"))
        {
            final String stream = "solusdt@forceOrder";
            assertThat(gateway.simulator().subscriberCount(stream)).isZero();

            final TestWebSocket first = connect(gateway, "/api/v1/ws/liquidations/SOLUSDT");
            final TestWebSocket second = connect(gateway, "/api/v1/ws/liquidations/SOLUSDT");
            Await.until("subscribed once", () -> gateway.simulator().subscriberCount(stream) == 1);

            first.abort();
            Thread.sleep(200);
            assertThat(gateway.simulator().subscriberCount(stream)).isEqualTo(1);
            second.abort();
            Await.until("unsubscribed", () -> gateway.simulator().subscriberCount(stream) == 0);
        }
    }

    @Test
    void shouldExportTheEngineCountersOnMetrics() throws Exception
    {
        try (Gateway gateway = start("per-symbol"))
        {
            final long nowMs = System.currentTimeMillis();
            gateway.engine().ingestLiquidation("NOPEUSDT", Side.BUY, 100_000_000, 100_000_000, nowMs, nowMs);
            gateway.engine().ingestLiquidation("NOPEUSDT", Side.BUY, 100_000_000, 100_000_000, nowMs - 86_400_000L, 0);
            Await.until("both published", () -> gateway.engine().counters().published() == 2);

            // A day back is beyond the 1m, 3m and 5m windows (512, 256 and 256 buckets).
            assertThat(get(gateway, "/metrics")).contains("\nliqvol_engine_beyond_window_total 3\n",
                "\nliqvol_engine_aggregate_overflows_total 0\n", "\nliqvol_events_duplicate_total 0\n");
        }
    }

    @Test
    void shouldCountMalformedUpstreamJsonAsAMalformedJsonRejectLikeMalformedJsonInAnEvent() throws Exception
    {
        try (Gateway gateway = start("all-market"))
        {
            Await.until("the upstream live", () -> !gateway.engine().gaps().isEmpty());

            // not JSON at all; then a well-formed envelope around malformed JSON, which goes to the engine as ever
            gateway.simulator().injectFrame(ALL_MARKET, "not json at all");
            gateway.simulator().injectFrame(ALL_MARKET, "{\"e\":\"forceOrder\",\"o\":{\"s\":\"BTCUSDT\",,}}");
            Await.until("both rejected",
                () -> gateway.engine().counters().rejected(RejectReason.MALFORMED_JSON) == 2);

            final String metrics = get(gateway, "/metrics");
            assertThat(metrics).contains("\nliqvol_events_rejected_total{reason=\"malformed_json\"} 2\n",
                "\nliqvol_upstream_malformed_frames_total 1\n").doesNotContain("exchange=");
            final Map<String, Object> health = health(gateway);
            assertThat(((Map<?, ?>)health.get("engine")).get("rejected")).isEqualTo(2L);
            assertThat(String.valueOf(((Map<?, ?>)health.get("exchanges")).get("binance")))
                .contains("rejected_by_reason={malformed_json=2}");
        }
    }

    @Test
    void shouldCloseClientsWith1001OnShutdown() throws Exception
    {
        final Gateway gateway = start("all-market");
        final TestWebSocket client = connect(gateway, "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m");
        Await.until("the client counted", () -> gateway.metrics().liquidationClients() == 1);

        gateway.close();

        assertThat(client.awaitClose().status()).isEqualTo(1001);
    }

    @Test
    void shouldServeTheSameTotalsAfterARestartMidStream() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-restart-test");
        try (ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false)))
        {
            final long minuteMs = Timeframe.M1.alignDownMs(System.currentTimeMillis());
            final String range = "?start=" + (minuteMs - 10 * 60_000L) + "&end=" + (minuteMs - 60_000L);
            final Object before;
            final Object recentBefore;
            final AtomicBoolean streaming = new AtomicBoolean(true);
            final Thread live = new Thread(() ->
            {
                for (int i = 1; streaming.get(); i++)
                {
                    exchange.injectFrame(
                        ALL_MARKET, forceOrder("BTCUSDT", "BUY", "0.0" + (1000 + i), System.currentTimeMillis()));
                    LockSupport.parkNanos(5_000_000L);
                }
            });
            final Gateway first = startAgainst(exchange, dataDir);
            try
            {
                Await.until("subscribed", () -> exchange.subscriberCount(ALL_MARKET) == 1);
                for (int i = 1; i <= 200; i++)
                {
                    exchange.injectFrame(ALL_MARKET, forceOrder("ETHUSDT", i % 2 == 0 ? "BUY" : "SELL",
                        "0." + (1000 + i), minuteMs - 10 * 60_000L + i * 2_000L));
                }
                Await.until("200 recorded", () -> first.engine().recentLiquidations("ETHUSDT", 1000).size() == 200);
                before = data(get(first, "/api/v1/liquidation-volume/ETHUSDT/1m" + range));
                recentBefore = data(get(first, "/api/v1/liquidations/ETHUSDT?limit=1000"));
                live.start();
                Thread.sleep(300);
            }
            finally
            {
                first.close();
            }
            try (Gateway second = startAgainst(exchange, dataDir))
            {
                Await.until("subscribed again", () -> exchange.subscriberCount(ALL_MARKET) == 1);

                assertThat(data(get(second, "/api/v1/liquidation-volume/ETHUSDT/1m" + range)))
                    .isEqualTo(before);
                assertThat(data(get(second, "/api/v1/liquidations/ETHUSDT?limit=1000")))
                    .isEqualTo(recentBefore);
                assertThat(((List<?>)before).stream().mapToLong(bucket -> (Long)((Map<?, ?>)bucket).get("count")).sum())
                    .isEqualTo(200);
                assertThat(second.engine().gaps()).isNotEmpty();
            }
            finally
            {
                streaming.set(false);
                live.join();
            }
        }
    }

    @Test
    void shouldServeTheSimulatedHistoryAsRecordedOnTheFirstStartAndNotAddItAgainOnARestart() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-history-test");
        final SimulatorConfig simulator = new SimulatorConfig().seed(5).historyMs(2 * 3_600_000L).generateFlow(false);
        final String[] args = {"--simulate", "--port", "0", "--data-dir", dataDir.toString()};
        final Object before;
        final long fromMs;
        try (Gateway first = Gateway.start(GatewayConfig.parse(args, Map.of()), simulator, new ServerConfig().port(0)))
        {
            final SimulatedHistory history = first.simulator().history();
            fromMs = history.fromMs();
            final BigDecimal expected = history.liquidations().stream().filter(l -> l.symbol().equals("BTCUSDT"))
                .map(l -> new BigDecimal(l.quantity()).multiply(new BigDecimal(l.averagePrice())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            final String range = "?start=" + Timeframe.H1.alignDownMs(fromMs) + "&end=" + history.toMs();
            before = data(get(first, "/api/v1/liquidation-volume/BTCUSDT/1h" + range));
            final BigDecimal served = ((List<?>)before).stream()
                .map(bucket -> new BigDecimal(String.valueOf(((Map<?, ?>)bucket).get("total_volume"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(served).isEqualByComparingTo(expected).isPositive();
            final Map<String, Object> gaps =
                TestJson.object(get(first, "/api/v1/gaps?start=" + fromMs + "&end=" + history.toMs()));
            assertThat(gaps.get("recording_since")).isEqualTo(fromMs);
            assertThat((List<?>)gaps.get("gaps")).isEmpty();
            assertThat(((List<?>)before).stream().map(bucket -> (Map<?, ?>)bucket)
                .filter(bucket -> (Long)bucket.get("timestamp_ms") >= fromMs
                    && (Long)bucket.get("timestamp_ms") + 3_600_000L <= history.toMs()))
                .isNotEmpty()
                .allSatisfy(bucket -> assertThat(bucket.get("coverage")).isEqualTo(1L));
        }
        try (Gateway second = Gateway.start(GatewayConfig.parse(args, Map.of()), simulator, new ServerConfig().port(0)))
        {
            final String range = "?start=" + Timeframe.H1.alignDownMs(fromMs) + "&end=" + (fromMs + 3_600_000L);
            final Object after = data(get(second, "/api/v1/liquidation-volume/BTCUSDT/1h" + range));
            assertThat(after).isEqualTo(((List<?>)before).subList(0, ((List<?>)after).size()));
            assertThat(TestJson.object(get(second, "/api/v1/gaps?start=" + fromMs)).get("recording_since"))
                .isEqualTo(fromMs);
        }
    }

    @Test
    void shouldServeTheDowntimeBetweenRunsAsAGapAndCoverageOnEveryBucket() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-downtime-test");
        try (ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false)))
        {
            final long firstStartMs = System.currentTimeMillis();
            final long stoppedMs;
            try (Gateway first = startAgainst(exchange, dataDir))
            {
                Await.until("subscribed", () -> exchange.subscriberCount(ALL_MARKET) == 1);
                assertThat(health(first).get("recording_since")).isEqualTo(first.engine().recordingSinceMs());
            }
            finally
            {
                stoppedMs = System.currentTimeMillis();
            }
            Thread.sleep(1_500);
            final long secondStartMs = System.currentTimeMillis();
            try (Gateway second = startAgainst(exchange, dataDir))
            {
                Await.until("subscribed again", () -> exchange.subscriberCount(ALL_MARKET) == 1);
                final long sinceMs = second.engine().recordingSinceMs();
                assertThat(sinceMs).isBetween(firstStartMs, stoppedMs);

                final Map<String, Object> gaps = TestJson.object(get(second, "/api/v1/gaps?start=" + firstStartMs
                    + "&end=" + System.currentTimeMillis()));
                assertThat(gaps).containsEntry("recording_since", sinceMs).doesNotContainKey("truncated");
                final List<?> listed = (List<?>)gaps.get("gaps");
                final Map<?, ?> downtime = listed.stream().map(gap -> (Map<?, ?>)gap)
                    .filter(gap -> gap.get("kind").equals("downtime")).findFirst().orElseThrow();
                assertThat((Long)downtime.get("from")).isBetween(firstStartMs, stoppedMs);
                assertThat((Long)downtime.get("to")).isBetween(stoppedMs + 1_500, secondStartMs + 1_000);
                final Map<String, Object> health = health(second);
                assertThat(health).containsEntry("recording_since", sinceMs);
                assertThat(String.valueOf(((Map<?, ?>)health.get("journal")).get("gaps"))).contains("kind=downtime");

                // Buckets from before recording began to the open one, each against the gap list it was served with.
                final long startMs = Timeframe.M1.alignDownMs(sinceMs) - 5 * 60_000L;
                final long askedMs = System.currentTimeMillis();
                final List<?> buckets = (List<?>)data(get(second,
                    "/api/v1/liquidation-volume/BTCUSDT/1m?start=" + startMs));
                final long answeredMs = System.currentTimeMillis();
                assertThat(buckets).hasSizeGreaterThan(5);
                for (final Object item : buckets)
                {
                    final Map<?, ?> bucket = (Map<?, ?>)item;
                    final long bucketMs = (Long)bucket.get("timestamp_ms");
                    final long endMs = bucketMs + 60_000;
                    if (endMs <= askedMs)
                    {
                        final long expectedMs = recordedMs(bucketMs, endMs, sinceMs, listed);
                        assertThat(bucket.get("recorded_ms")).as("minute %d", bucketMs).isEqualTo(expectedMs);
                        assertThat(new BigDecimal(String.valueOf(bucket.get("coverage"))))
                            .isEqualByComparingTo(BigDecimal.valueOf(expectedMs)
                                .divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_EVEN));
                    }
                    else
                    {
                        assertThat((Long)bucket.get("recorded_ms")).isBetween(0L, answeredMs - bucketMs);
                    }
                }
                assertThat(((Map<?, ?>)buckets.get(0)).get("coverage")).isEqualTo(0L);

                final TestWebSocket client = connect(second, "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m");
                client.next("liquidation_order");
                final Map<String, Object> snapshot = client.next("liquidation_volume");
                assertThat((List<?>)snapshot.get("data")).isNotEmpty().allSatisfy(bucket ->
                    assertThat(((Map<?, ?>)bucket).containsKey("recorded_ms")
                        && ((Map<?, ?>)bucket).containsKey("coverage")).isTrue());
                final long nowMs = System.currentTimeMillis();
                exchange.injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "BUY", "0.01", nowMs));
                Map<String, Object> message = client.next();
                while (!message.get("type").equals("liquidation_volume"))
                {
                    message = client.next();
                }
                final Map<?, ?> update = (Map<?, ?>)((List<?>)message.get("data")).get(0);
                assertThat(update.get("timestamp_ms")).isEqualTo(Timeframe.M1.alignDownMs(nowMs));
                assertThat((Long)update.get("recorded_ms")).isPositive();
                client.close();
            }
        }
    }

    @Test
    void shouldAnswerTheGapsRouteWithinItsBoundsAndRefuseABadRange() throws Exception
    {
        try (Gateway gateway = start("per-symbol"))
        {
            final int recorded = 10_001;
            for (int i = 0; i < recorded; i++)
            {
                gateway.engine().recordGap(1_000L + 2L * i, 1_001L + 2L * i);
            }
            Await.until("all recorded", () -> gateway.engine().gapCount() >= recorded);

            final Map<String, Object> all = TestJson.object(get(gateway, "/api/v1/gaps?start=0&end=100000"));
            assertThat(all).containsEntry("truncated", true);
            assertThat((List<?>)all.get("gaps")).hasSize(10_000).first()
                .isEqualTo(Map.of("from", 1_000L, "to", 1_001L, "kind", "upstream", "exchange", "binance"));
            final Map<String, Object> some = TestJson.object(get(gateway, "/api/v1/gaps?start=1003&end=1005"));
            assertThat(some).doesNotContainKey("truncated");
            assertThat((List<?>)some.get("gaps")).isEqualTo(List.of(Map.of("from", 1_002L, "to", 1_003L, "kind",
                "upstream", "exchange", "binance"), Map.of("from", 1_004L, "to", 1_005L, "kind", "upstream",
                "exchange", "binance")));

            gateway.engine().recordGap(Venue.OKX, 1_003L, 1_004L);
            Await.until("the OKX gap recorded",
                () -> gateway.engine().gaps().stream().anyMatch(gap -> gap.venue() == Venue.OKX));
            final Map<String, Object> okx =
                TestJson.object(get(gateway, "/api/v1/gaps?start=1003&end=1005&exchange=okx"));
            assertThat((List<?>)okx.get("gaps"))
                .isEqualTo(List.of(Map.of("from", 1_003L, "to", 1_004L, "kind", "upstream", "exchange", "okx")));
            assertThat((List<?>)TestJson.object(get(gateway, "/api/v1/gaps?start=1003&end=1005")).get("gaps"))
                .hasSize(3);
            assertThat((List<?>)TestJson.object(
                get(gateway, "/api/v1/gaps?start=1003&end=1005&exchange=binance,bybit")).get("gaps")).hasSize(2);

            for (final String bad : List.of("?start=x", "?start=5&end=5", "?start=-1", "?end=abc"))
            {
                final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + gateway.port() + "/api/v1/gaps" + bad)).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                assertThat(response.body()).contains("\"code\":\"invalid_range\"");
            }
        }
    }

    /** Milliseconds of {@code [startMs, endMs)} after {@code sinceMs} outside every listed gap, one by one. */
    private static long recordedMs(final long startMs, final long endMs, final long sinceMs, final List<?> gaps)
    {
        long recorded = 0;
        for (long ms = Math.max(startMs, sinceMs); ms < endMs; ms++)
        {
            boolean inGap = false;
            for (final Object item : gaps)
            {
                final Map<?, ?> gap = (Map<?, ?>)item;
                inGap |= ms >= (Long)gap.get("from") && ms < (Long)gap.get("to");
            }
            recorded += inGap ? 0 : 1;
        }
        return recorded;
    }

    @Test
    void shouldReportDegradedHealthWhileTheUpstreamIsDownAndRecordTheOutageAsAGap() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-health-test");
        final ExchangeSimulator first = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false));
        final int port = first.port();
        try (Gateway gateway = startAgainst(first, dataDir))
        {
            try (first)
            {
                Await.until("ok once subscribed", () -> health(gateway).get("status").equals("ok"));
                assertThat(health(gateway)).containsEntry("reasons", List.of()).containsEntry("live", true)
                    .containsEntry("ready", true);
                assertThat(probe(gateway, "/health/ready")).isEqualTo("200 {\"status\":\"ready\",\"reasons\":[]}");
                assertThat(probe(gateway, "/health/live")).isEqualTo("200 {\"status\":\"live\",\"reasons\":[]}");
            }
            Await.until("degraded while the exchange is away", () -> health(gateway).get("status").equals("degraded"));
            assertThat(health(gateway)).containsEntry("reasons", List.of("upstream_disconnected"))
                .containsEntry("live", true).containsEntry("ready", false);
            assertThat(probe(gateway, "/health/ready"))
                .isEqualTo("503 {\"status\":\"not_ready\",\"reasons\":[\"upstream_disconnected\"]}");
            assertThat(probe(gateway, "/health/live")).startsWith("200 ");
            assertThat(String.valueOf(health(gateway).get("upstream"))).contains("connected=false");
            final int gapsWhileDown = gateway.engine().gaps().size();
            // Under way, the disconnection is already uncovered time: listed open, up to now, and in every bucket.
            final long beforeMs = System.currentTimeMillis();
            final List<?> listed = (List<?>)TestJson.object(get(gateway, "/api/v1/gaps")).get("gaps");
            final Map<?, ?> open = (Map<?, ?>)listed.get(listed.size() - 1);
            final long openFromMs = (Long)open.get("from");
            assertThat(List.of(open.get("open"), open.get("kind"))).isEqualTo(List.of(true, "upstream"));
            assertThat((Long)open.get("to")).isBetween(beforeMs, System.currentTimeMillis());
            Thread.sleep(50);
            final List<?> buckets = (List<?>)data(get(gateway, "/api/v1/liquidation-volume/BTCUSDT/1m?start="
                + openFromMs));
            final Map<?, ?> current = (Map<?, ?>)buckets.get(buckets.size() - 1);
            final long currentStartMs = (Long)current.get("timestamp_ms");
            assertThat((Long)current.get("recorded_ms")).isLessThanOrEqualTo(Math.max(0, openFromMs - currentStartMs));

            try (ExchangeSimulator second = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false)
                .port(port)))
            {
                Await.until("ok again once resubscribed", () -> health(gateway).get("status").equals("ok"));
                assertThat(second.subscriberCount(ALL_MARKET)).isEqualTo(1);
                Await.until("the outage recorded as a gap", () -> gateway.engine().gaps().size() == gapsWhileDown + 1);
                final String after = get(gateway, "/api/v1/gaps?start=" + openFromMs);
                assertThat(after).doesNotContain("\"open\"").contains("{\"from\":" + openFromMs + ",\"to\":");
            }
        }
    }

    @Test
    void shouldReportDegradedHealthOnceASymbolIsRefusedForTheMemoryBudget() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-budget-test");
        // Room for one symbol's worst case (about 356 KB with the default windows) and not for a second.
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString(), "--engine-memory-budget-bytes", "600000"}, Map.of()),
            new SimulatorConfig().generateFlow(false), new ServerConfig().port(0)))
        {
            Await.until("ok once subscribed", () -> health(gateway).get("status").equals("ok"));
            final long nowMs = System.currentTimeMillis();
            gateway.engine().ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, nowMs, nowMs);
            gateway.engine().ingestLiquidation("ETHUSDT", Side.SELL, 100_000_000, 100_000_000, nowMs, nowMs);
            gateway.engine().ingestLiquidation("BTCUSDT", Side.SELL, 100_000_000, 100_000_000, nowMs + 1, nowMs + 1);
            Await.until("both BTCUSDT liquidations published", () -> gateway.engine().counters().published() == 2);

            assertThat(health(gateway)).containsEntry("status", "degraded")
                .containsEntry("reasons", List.of("memory_budget"));
            assertThat(get(gateway, "/metrics")).contains("\nliqvol_engine_symbols_refused_total 1\n",
                "\nliqvol_engine_memory_budget_bytes 600000\n", "\nliqvol_engine_admitted_symbols 1\n",
                "\nliqvol_events_rejected_total{reason=\"symbol_memory_budget\"} 1\n");
            assertThat(gateway.engine().isKnownSymbol("ETHUSDT")).isFalse();
        }
    }

    @Test
    void shouldReportLowSpaceBelowTheMinimumWhileStayingReady() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-low-space-test");
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString(), "--journal-min-free-bytes", String.valueOf(Long.MAX_VALUE)}, Map.of()),
            new SimulatorConfig().generateFlow(false), new ServerConfig().port(0)))
        {
            Await.until("subscribed", () -> probe(gateway, "/health/ready").startsWith("200 "));
            final Map<String, Object> health = health(gateway);
            assertThat(health).containsEntry("status", "degraded")
                .containsEntry("reasons", List.of("journal_low_space")).containsEntry("ready", true);
            assertThat(String.valueOf(health.get("journal"))).contains("min_free_bytes=" + Long.MAX_VALUE);
        }
    }

    /** The status code and body of a GET. */
    private static String probe(final Gateway gateway, final String path)
    {
        try
        {
            final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void shouldRecordEveryEnabledVenueFromTheSimulatorAndServeEachOnItsOwn() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-gateway-test");
        final List<VenueLiquidation> sent = new CopyOnWriteArrayList<>();
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString(), "--venues", "binance,bybit,okx"}, Map.of()),
            new SimulatorConfig().generateFlow(false).venueBatchMs(50).venueLiquidationsPerBatch(6),
            new ServerConfig().port(0)))
        {
            gateway.simulator().addVenueLiquidationListener(sent::add);
            Await.until("pushes of both venues", () -> sent.stream().map(VenueLiquidation::venue).distinct().count()
                == 2 && sent.size() >= 60);
            final List<VenueLiquidation> reference = List.copyOf(sent);
            final long nowMs = System.currentTimeMillis();
            final List<String> binance = List.of("binance BTCUSDT SELL " + nowMs + " 1000.25");
            // sent again until Binance's stream is live: the engine drops the copies
            Await.until("the Binance liquidation recorded", () ->
            {
                gateway.simulator().injectFrame("!forceOrder@arr", forceOrder("BTCUSDT", "SELL", "0.5", nowMs));
                return uncheckedOrders(gateway, "binance").equals(binance);
            });

            Await.until("every push recorded",
                () -> uncheckedOrders(gateway, "bybit,okx").containsAll(rows(reference)));
            // OKX's PEPE-USDT-SWAP, priced per PEPE, is Binance's 1000PEPEUSDT: its notional exactly as pushed
            Await.until("a PEPE liquidation of OKX recorded as 1000PEPEUSDT", () ->
            {
                final List<String> pushed = rows(sent.stream().filter(row -> row.venue() == Venue.OKX
                    && row.canonicalSymbol().equals("1000PEPEUSDT")).toList());
                return !pushed.isEmpty() && uncheckedOrders(gateway, "okx").containsAll(pushed);
            });
            for (final Venue venue : List.of(Venue.BYBIT, Venue.OKX))
            {
                final List<String> expected = rows(reference.stream().filter(row -> row.venue() == venue).toList());
                assertThat(orders(gateway, venue.code())).as(venue.code()).containsAll(expected)
                    .allMatch(row -> row.startsWith(venue.code() + " "));
            }
            assertThat(orders(gateway, "binance")).isEqualTo(binance);
            assertThat(orders(gateway, "all")).containsAll(binance).containsAll(rows(reference));

            @SuppressWarnings("unchecked")
            final Map<String, Object> exchanges = (Map<String, Object>)health(gateway).get("exchanges");
            assertThat(exchanges.keySet()).containsExactlyInAnyOrder("binance", "bybit", "okx");
            assertThat(((Map<?, ?>)exchanges.get("okx")).get("connected")).isEqualTo(true);
            assertThat(get(gateway, "/metrics")).contains("liqvol_upstream_frames_received_total{exchange=\"okx\"}")
                .contains("liqvol_upstream_connected{exchange=\"binance\"} 1");
            assertMalformedFramesCountedPerVenue(gateway);
            assertThat(TestJson.array(get(gateway, "/api/v1/symbols")))
                .contains(Map.of("symbol", "BTCUSDT", "baseAsset", "BTC", "quoteAsset", "USDT", "pricePrecision", 2L,
                    "quantityPrecision", 3L, "status", "TRADING", "exchanges", List.of("binance", "bybit", "okx")))
                .anyMatch(symbol -> ((Map<?, ?>)symbol).get("symbol").equals("1000PEPEUSDT")
                    && ((Map<?, ?>)symbol).get("exchanges").equals(List.of("binance", "bybit", "okx")))
                .noneMatch(symbol -> ((Map<?, ?>)symbol).get("symbol").equals("PEPEUSDT"));
        }
    }

    /** A malformed push of Bybit and of OKX: counted under its venue in /health and /metrics, the totals summed. */
    private static void assertMalformedFramesCountedPerVenue(final Gateway gateway) throws Exception
    {
        for (final Venue venue : List.of(Venue.BYBIT, Venue.OKX))
        {
            final byte[] frame = "{\"data\":[1]}".getBytes(StandardCharsets.UTF_8);
            gateway.engine().ingestFrame(venue, frame, 0, frame.length, System.nanoTime());
        }
        Await.until("both rejected", () -> gateway.engine().counters().rejected(RejectReason.MALFORMED_JSON) == 2);

        @SuppressWarnings("unchecked")
        final Map<String, Map<String, Object>> exchanges =
            (Map<String, Map<String, Object>>)health(gateway).get("exchanges");
        for (final Venue venue : Venue.values())
        {
            final Map<?, ?> decoded = (Map<?, ?>)exchanges.get(venue.code()).get("engine");
            assertThat((Long)decoded.get("accepted")).as(venue.code()).isPositive();
            assertThat(decoded.get("rejected_by_reason")).as(venue.code())
                .isEqualTo(venue == Venue.BINANCE ? Map.of() : Map.of("malformed_json", 1L));
        }
        final String metrics = get(gateway, "/metrics");
        assertThat(metrics).contains(
            "\nliqvol_events_rejected_total{exchange=\"bybit\",reason=\"malformed_json\"} 1\n",
            "\nliqvol_events_rejected_total{exchange=\"okx\",reason=\"malformed_json\"} 1\n",
            "\nliqvol_events_rejected_total{exchange=\"binance\",reason=\"malformed_json\"} 0\n",
            "\nliqvol_engine_stage_errors_total 0\n")
            .doesNotContain("\nliqvol_events_received_total ", "\nliqvol_events_rejected_total{reason=");
        assertThat(metrics.split("# TYPE liqvol_events_accepted_total ", -1)).hasSize(2);
    }

    @Test
    void shouldStreamAndServeEachSelectionOfVenuesAsTheExactSumOfItsVenues() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-gateway-test");
        final SimulatorConfig simulator =
            new SimulatorConfig().generateFlow(false).venueBatchMs(50).venueLiquidationsPerBatch(0);
        final List<VenueLiquidation> sent = new CopyOnWriteArrayList<>();
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString(), "--venues", "binance,bybit,okx"}, Map.of()), simulator,
            new ServerConfig().port(0)))
        {
            gateway.simulator().addVenueLiquidationListener(sent::add);
            final long startMs = System.currentTimeMillis() - 600_000L;
            final Map<String, VolumeStream> streams = new LinkedHashMap<>();
            for (final String timeframe : List.of("1m", "2m"))
            {
                for (final String selection : List.of("", "&exchange=bybit,okx&by_exchange=true",
                    "&exchange=binance,okx", "&exchange=okx", "&exchange=all&by_exchange=true"))
                {
                    streams.put(timeframe + selection, new VolumeStream(connect(gateway,
                        "/api/v1/ws/liquidations/BTCUSDT?timeframe=" + timeframe + "&start=" + startMs + selection)));
                }
            }
            final long binanceMs = System.currentTimeMillis();
            final List<VenueLiquidation> binance = List.of(
                new VenueLiquidation(Venue.BINANCE, "BTCUSDT", Side.SELL, new BigDecimal("0.5"),
                    new BigDecimal("2000.5"), binanceMs),
                new VenueLiquidation(Venue.BINANCE, "BTCUSDT", Side.BUY, new BigDecimal("0.125"),
                    new BigDecimal("2000.5"), binanceMs + 1));
            Await.until("the Binance liquidations recorded", () ->
            {
                gateway.simulator().injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "SELL", "0.5", binanceMs));
                gateway.simulator().injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "BUY", "0.125", binanceMs + 1));
                return uncheckedOrders(gateway, "binance").size() == 2;
            });
            simulator.venueLiquidationsPerBatch(6);
            Await.until("pushes of BTCUSDT on both venues", () -> sent.stream()
                .filter(row -> row.canonicalSymbol().equals("BTCUSDT")).map(VenueLiquidation::venue).distinct()
                .count() == 2 && sent.size() >= 90);
            simulator.venueLiquidationsPerBatch(0);
            Await.pause(300);
            final List<VenueLiquidation> reference = new ArrayList<>(binance);
            sent.stream().filter(row -> row.canonicalSymbol().equals("BTCUSDT")).forEach(reference::add);
            Await.until("every push recorded",
                () -> uncheckedOrders(gateway, "bybit,okx").containsAll(rows(List.copyOf(sent))));

            for (final Map.Entry<String, VolumeStream> entry : streams.entrySet())
            {
                final String timeframe = entry.getKey().substring(0, 2);
                final String selection = entry.getKey().substring(2);
                final Map<Long, String> expected = referenceVolume(reference, timeframe, selection);
                assertThat(volumeRows(get(gateway, "/api/v1/liquidation-volume/BTCUSDT/" + timeframe + "?start="
                    + startMs + selection))).as("REST " + entry.getKey()).isEqualTo(expected);
                Await.until("the stream " + entry.getKey() + " at the reference",
                    () -> entry.getValue().rows().equals(expected));
            }
            assertThat(csvRows(get(gateway, "/api/v1/liquidation-volume/BTCUSDT/1m?format=csv&start=" + startMs
                + "&exchange=okx,bybit&by_exchange=true")))
                .isEqualTo(referenceVolume(reference, "1m", "&exchange=bybit,okx&by_exchange=true"));
            final List<VenueLiquidation> market = new ArrayList<>(binance);
            market.addAll(sent);
            assertThat(volumeRows(get(gateway, "/api/v1/volume?timeframe=2m&start=" + startMs
                + "&exchange=binance,bybit&by_exchange=true")))
                .isEqualTo(referenceVolume(market, "2m", "&exchange=binance,bybit&by_exchange=true"));
            for (final Venue venue : Venue.values())
            {
                final List<VenueLiquidation> ofVenue = market.stream().filter(row -> row.venue() == venue).toList();
                assertThat(overviewRows(get(gateway, "/api/v1/overview?window=1h&exchange=" + venue.code())))
                    .as(venue.code()).isEqualTo(referenceOverview(ofVenue));
                final Map<String, Object> distribution =
                    TestJson.object(get(gateway, "/api/v1/distribution?window=1h&exchange=" + venue.code()));
                assertThat(distribution.get("count")).isEqualTo((long)ofVenue.size());
                assertThat(plain(distribution.get("total_volume"))).isEqualTo(ofVenue.stream()
                    .map(VenueLiquidation::notional).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros()
                    .toPlainString());
            }
            for (final String bad : List.of("/api/v1/liquidation-volume/BTCUSDT/1m?by_exchange=yes",
                "/api/v1/volume?by_exchange=1", "/api/v1/liquidation-volume/BTCUSDT/1m?exchange=kraken",
                "/api/v1/overview?exchange=okx,okx", "/api/v1/distribution?exchange=ftx"))
            {
                assertThat(probe(gateway, bad)).as(bad).startsWith("400 ")
                    .contains(bad.contains("by_exchange") ? "invalid_parameter" : "invalid_exchange");
            }
        }
    }

    /** A CSV volume answer as {@link #volumeRows(String)} gives its JSON: with each venue's columns as its parts. */
    private static Map<Long, String> csvRows(final String csv)
    {
        final String[] lines = csv.split("\r\n");
        final List<String> header = List.of(lines[0].split(","));
        final Map<Long, String> rows = new TreeMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final String[] cells = lines[i].split(",");
            final Map<String, Object> row = new LinkedHashMap<>();
            final Map<String, Map<String, Object>> exchanges = new TreeMap<>();
            for (int column = 0; column < cells.length; column++)
            {
                final String name = header.get(column);
                final int venueEnd = name.indexOf('_');
                final Venue venue = venueEnd < 0 ? null : Venue.fromCode(name.substring(0, venueEnd));
                final Object value = name.endsWith("_count") ? (Object)Long.parseLong(cells[column]) : cells[column];
                if (venue == null)
                {
                    row.put(name, value);
                }
                else
                {
                    exchanges.computeIfAbsent(venue.code(), code -> new LinkedHashMap<>())
                        .put(name.substring(venueEnd + 1), value);
                }
            }
            exchanges.values().removeIf(part -> (Long)part.get("buy_count") + (Long)part.get("sell_count") == 0);
            row.put("exchanges", exchanges);
            final String text = volumeRow(row);
            if (!text.startsWith("0 0 0 0"))
            {
                rows.put(Long.parseLong(cells[0]), text);
            }
        }
        return rows;
    }

    /** The overview's symbols: long and short notional, counts and the largest liquidation's notional. */
    private static Map<String, String> overviewRows(final String answer)
    {
        final Map<String, String> rows = new TreeMap<>();
        for (final Object item : (List<?>)TestJson.object(answer).get("symbols"))
        {
            final Map<?, ?> row = (Map<?, ?>)item;
            rows.put((String)row.get("symbol"), plain(row.get("long_volume")) + " " + plain(row.get("short_volume"))
                + " " + row.get("long_count") + " " + row.get("short_count") + " "
                + plain(((Map<?, ?>)row.get("largest")).get("volume")));
        }
        return rows;
    }

    private static Map<String, String> referenceOverview(final List<VenueLiquidation> liquidations)
    {
        final Map<String, String> rows = new TreeMap<>();
        liquidations.stream().collect(Collectors.groupingBy(VenueLiquidation::canonicalSymbol)).forEach((symbol, of) ->
        {
            final String[] sums = referenceRow(of).split(" ");
            // long positions are liquidated by SELL orders
            rows.put(symbol, sums[1] + " " + sums[0] + " " + sums[3] + " " + sums[2] + " " + of.stream()
                .map(VenueLiquidation::notional).max(BigDecimal::compareTo).orElseThrow().stripTrailingZeros()
                .toPlainString());
        });
        return rows;
    }

    /** A liquidations stream's volume as the client holds it: the snapshot, each update replacing its bucket. */
    private static final class VolumeStream
    {
        private final TestWebSocket socket;
        private final Map<Long, String> rows = new TreeMap<>();

        VolumeStream(final TestWebSocket socket)
        {
            this.socket = socket;
            Map<String, Object> message;
            do
            {
                message = socket.next();
            }
            while (!"liquidation_volume".equals(message.get("type")));
            apply(message);
        }

        /** The buckets with a liquidation, after every message that has arrived. */
        Map<Long, String> rows()
        {
            for (Map<String, Object> message = socket.poll(50); message != null; message = socket.poll(50))
            {
                if ("liquidation_volume".equals(message.get("type")))
                {
                    apply(message);
                }
            }
            return rows.entrySet().stream().filter(row -> !row.getValue().startsWith("0 0 0 0"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }

        private void apply(final Map<String, Object> message)
        {
            rows.putAll(volumeRows((List<?>)message.get("data"), false));
        }
    }

    /** The buckets with a liquidation of a volume answer, by time: sums, counts and each venue's part. */
    private static Map<Long, String> volumeRows(final String answer)
    {
        return volumeRows((List<?>)TestJson.object(answer).get("data"), true);
    }

    private static Map<Long, String> volumeRows(final List<?> data, final boolean onlyLiquidated)
    {
        final Map<Long, String> rows = new TreeMap<>();
        for (final Object item : data)
        {
            final Map<?, ?> row = (Map<?, ?>)item;
            final String text = volumeRow(row);
            if (!onlyLiquidated || !text.startsWith("0 0 0 0"))
            {
                rows.put((Long)row.get("time"), text);
            }
        }
        return rows;
    }

    private static String volumeRow(final Map<?, ?> row)
    {
        final StringBuilder text = new StringBuilder(plain(row.get("buy_volume")) + " " + plain(row.get("sell_volume"))
            + " " + row.get("buy_count") + " " + row.get("sell_count"));
        final Map<?, ?> exchanges = (Map<?, ?>)row.get("exchanges");
        if (exchanges != null)
        {
            text.append(" {");
            new TreeMap<>(exchanges).forEach((venue, part) -> text.append(venue).append('=')
                .append(volumeRow((Map<?, ?>)part)).append(';'));
            text.append('}');
        }
        return text.toString();
    }

    private static String plain(final Object decimal)
    {
        return new BigDecimal((String)decimal).stripTrailingZeros().toPlainString();
    }

    /** What {@link #volumeRows} gives for the liquidations of the selected venues, summed in BigDecimal. */
    private static Map<Long, String> referenceVolume(
        final List<VenueLiquidation> liquidations, final String timeframe, final String selection)
    {
        final long sizeMs = Long.parseLong(timeframe.substring(0, 1)) * 60_000L;
        final boolean byExchange = selection.contains("by_exchange=true");
        final Map<Long, String> rows = new TreeMap<>();
        final Map<Long, List<VenueLiquidation>> byBucket = liquidations.stream()
            .filter(row -> !selection.contains("exchange=") || selection.contains("exchange=all")
                || selection.replace("by_exchange", "").contains(row.venue().code()))
            .collect(Collectors.groupingBy(row -> row.tradeTimeMs() / sizeMs * sizeMs / 1000));
        byBucket.forEach((time, bucket) ->
        {
            final Map<String, String> parts = new TreeMap<>();
            bucket.stream().collect(Collectors.groupingBy(row -> row.venue().code()))
                .forEach((venue, part) -> parts.put(venue, referenceRow(part)));
            final StringBuilder text = new StringBuilder(referenceRow(bucket));
            if (byExchange)
            {
                text.append(" {");
                parts.forEach((venue, part) -> text.append(venue).append('=').append(part).append(';'));
                text.append('}');
            }
            rows.put(time, text.toString());
        });
        return rows;
    }

    private static String referenceRow(final List<VenueLiquidation> bucket)
    {
        BigDecimal buy = BigDecimal.ZERO;
        BigDecimal sell = BigDecimal.ZERO;
        long buyCount = 0;
        long sellCount = 0;
        for (final VenueLiquidation row : bucket)
        {
            if (row.side() == Side.BUY)
            {
                buy = buy.add(row.notional());
                buyCount++;
            }
            else
            {
                sell = sell.add(row.notional());
                sellCount++;
            }
        }
        return buy.stripTrailingZeros().toPlainString() + " " + sell.stripTrailingZeros().toPlainString() + " "
            + buyCount + " " + sellCount;
    }

    private static List<String> uncheckedOrders(final Gateway gateway, final String exchange)
    {
        try
        {
            return orders(gateway, exchange);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Every journaled order of the selected venues, oldest first, as {@link #rows(List)} writes them. */
    private static List<String> orders(final Gateway gateway, final String exchange) throws Exception
    {
        final List<String> rows = new ArrayList<>();
        String cursor = null;
        do
        {
            final Map<String, Object> page = TestJson.object(get(gateway, "/api/v1/liquidations?order=asc&limit=1000"
                + "&exchange=" + exchange + (cursor == null ? "" : "&cursor=" + cursor)));
            for (final Object order : (List<?>)page.get("orders"))
            {
                final Map<?, ?> row = (Map<?, ?>)order;
                rows.add(row.get("exchange") + " " + row.get("symbol") + " " + row.get("side") + " "
                    + row.get("timestamp") + " " + new BigDecimal((String)row.get("priceUsdt")).stripTrailingZeros()
                    .toPlainString());
            }
            cursor = (String)page.get("next_cursor");
        }
        while (cursor != null);
        return rows;
    }

    /** The simulator's records as order rows: venue, symbol, side, time and exact notional. */
    private static List<String> rows(final List<VenueLiquidation> sent)
    {
        return sent.stream().map(row -> row.venue().code() + " " + row.canonicalSymbol() + " " + row.side() + " "
            + row.tradeTimeMs() + " " + row.notional().stripTrailingZeros().toPlainString()).toList();
    }

    private static Map<String, Object> health(final Gateway gateway)
    {
        try
        {
            return TestJson.object(get(gateway, "/health"));
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static Gateway startAgainst(final ExchangeSimulator exchange, final Path dataDir) throws Exception
    {
        return Gateway.start(GatewayConfig.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
            "--binance-ws-base-url", exchange.wsBaseUrl(), "--binance-rest-base-url", exchange.restBaseUrl()},
            Map.of()));
    }

    private static String get(final Gateway gateway, final String path) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String forceOrder(final String symbol, final String side, final String quantity, final long timeMs)
    {
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"2000.5\",\"ap\":\"2000.5\","
            + "\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
    }

    private static Gateway start(final String mode) throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-gateway-test");
        return Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0", "--data-dir",
            dataDir.toString(), "--upstream-mode", mode}, Map.of()), new SimulatorConfig().generateFlow(false),
            new ServerConfig().port(0));
    }

    private static TestWebSocket connect(final Gateway gateway, final String path)
    {
        return TestWebSocket.connect(URI.create("ws://127.0.0.1:" + gateway.port() + path));
    }

    private static Object data(final String json)
    {
        return TestJson.object(json).get("data");
    }
}
