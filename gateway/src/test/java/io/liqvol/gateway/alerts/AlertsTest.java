package io.liqvol.gateway.alerts;

import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TestWebSocket;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AlertsTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long MINUTE_MS = 60_000L;
    private static final long E8 = 100_000_000L;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT");

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateListChangeAndDeleteRulesOverRest() throws Exception
    {
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            final HttpResponse<String> created = send(gateway, "POST", "/api/v1/alerts/rules",
                "{\"name\":\"big longs\",\"condition\":\"liquidation\",\"side\":\"SELL\",\"threshold\":\"250000\","
                    + "\"symbols\":[\"BTCUSDT\"],\"cooldown_ms\":60000}");
            assertThat(created.statusCode()).isEqualTo(201);
            final Map<String, Object> rule = TestJson.object(created.body());
            final String id = (String)rule.get("id");
            assertThat(rule).containsEntry("threshold", "250000").containsEntry("side", "SELL")
                .containsEntry("cooldown_ms", 60_000L).containsEntry("symbols", List.of("BTCUSDT"));

            assertThat(TestJson.object(send(gateway, "GET", "/api/v1/alerts/rules", null).body()).get("rules"))
                .isEqualTo(List.of(rule));
            final HttpResponse<String> replaced = send(gateway, "PUT", "/api/v1/alerts/rules/" + id,
                "{\"name\":\"any side\",\"condition\":\"liquidation\",\"threshold\":100000.5}");
            assertThat(replaced.statusCode()).isEqualTo(200);
            assertThat(TestJson.object(send(gateway, "GET", "/api/v1/alerts/rules/" + id, null).body()))
                .containsEntry("id", id).containsEntry("threshold", "100000.5").containsEntry("side", null);

            assertThat(send(gateway, "DELETE", "/api/v1/alerts/rules/" + id, null).statusCode()).isEqualTo(204);
            assertThat(send(gateway, "GET", "/api/v1/alerts/rules/" + id, null).statusCode()).isEqualTo(404);
            assertThat(send(gateway, "DELETE", "/api/v1/alerts/rules/" + id, null).statusCode()).isEqualTo(404);
            assertThat(send(gateway, "PUT", "/api/v1/alerts/rules/" + id,
                "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"1\"}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldRefuseAnInvalidRuleNamingTheField() throws Exception
    {
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"bucket\",\"metric\":\"total_volume\","
                + "\"timeframe\":\"2m\",\"threshold\":\"1\"}", "timeframe");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"-5\"}", "threshold");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\",\"colour\":1}",
                "colour");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"unusual_volume\",\"metric\":\"total_volume\","
                + "\"timeframe\":\"1m\",\"factor\":\"3\",\"baseline\":\"median\"}", "baseline_buckets");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\","
                + "\"webhook_url\":\"http://example.com/hook\"}", "webhook_url");
            assertRefused(gateway, "[1]", "body");
            final HttpResponse<String> patch = send(gateway, "PATCH", "/api/v1/alerts/rules", "{}");
            assertThat(patch.statusCode()).isEqualTo(405);
            assertThat(patch.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
            assertThat(send(gateway, "POST", "/api/v1/symbols", "{}").statusCode()).isEqualTo(405);
            assertThat(send(gateway, "GET", "/api/v1/alerts/events?limit=0", null).statusCode()).isEqualTo(400);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCreateListAndFireARuleOfSomeVenuesOverRest() throws Exception
    {
        final long nowMs = System.currentTimeMillis();
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            final String id = create(gateway, "{\"name\":\"bybit okx\",\"condition\":\"liquidation\","
                + "\"threshold\":\"1000\",\"exchange\":\"okx,bybit\"}");
            final String everyId = create(gateway, "{\"name\":\"every\",\"condition\":\"liquidation\","
                + "\"threshold\":\"1000\"}");
            final List<Object> rules = (List<Object>)TestJson.object(send(gateway, "GET", "/api/v1/alerts/rules",
                null).body()).get("rules");
            assertThat(rules).extracting(rule -> (Object)((Map<?, ?>)rule).get("exchange"))
                .containsExactly("bybit,okx", "all");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\","
                + "\"exchange\":\"kraken\"}", "exchange", "invalid_exchange");
            assertRefused(gateway, "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\","
                + "\"exchange\":\"bybit,bybit\"}", "exchange", "invalid_exchange");

            gateway.engine().ingestLiquidation(Venue.BINANCE, "ETHUSDT", Side.SELL, 2 * E8, 3000 * E8, nowMs, nowMs);
            gateway.engine().ingestLiquidation(Venue.BYBIT, "ETHUSDT", Side.SELL, E8, 3001 * E8, nowMs + 1,
                nowMs + 1);
            Await.until("fired", () -> gateway.alerts().eventCount() == 3);

            final List<Map<?, ?>> events = events(gateway, id);
            assertThat(events).hasSize(1);
            assertThat((Map<Object, Object>)events.get(0)).containsEntry("exchange", "bybit,okx")
                .containsEntry("value", "3001");
            assertThat((Map<Object, Object>)events.get(0).get("liquidation")).containsEntry("exchange", "bybit");
            assertThat(events(gateway, everyId)).extracting(event -> event.get("exchange"), event -> ((Map<?, ?>)event
                .get("liquidation")).get("exchange")).containsExactly(tuple("all", "binance"), tuple("all", "bybit"));
        }
    }

    @Test
    void shouldListRulesWrittenBeforeVenuesAsWatchingEveryVenue() throws Exception
    {
        final Path rules = dataDir.resolve("alerts").resolve("rules.json");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, "{\"rules\":[{\"id\":\"old\",\"name\":\"old\",\"symbols\":[],"
            + "\"condition\":\"liquidation\",\"side\":null,\"metric\":null,\"timeframe\":null,"
            + "\"threshold\":\"1000\",\"factor\":null,\"baseline\":null,\"baseline_buckets\":0,"
            + "\"cooldown_ms\":0,\"webhook_url\":null}]}");
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            assertThat(TestJson.object(send(gateway, "GET", "/api/v1/alerts/rules/old", null).body()))
                .containsEntry("exchange", "all").containsEntry("threshold", "1000");
            final long nowMs = System.currentTimeMillis();
            gateway.engine().ingestLiquidation(Venue.OKX, "ETHUSDT", Side.SELL, E8, 1000 * E8, nowMs, nowMs);
            Await.until("fired", () -> gateway.alerts().eventCount() == 1);
        }
    }

    @Test
    void shouldFireEachKindExactlyAsOftenAsAnIndependentComputationSays() throws Exception
    {
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            final long startMs = System.currentTimeMillis();
            final long minuteMs = Timeframe.M1.alignDownMs(startMs);
            // closed minutes before the test: 1000 USDT each, the unusual rule's baseline
            for (final String symbol : SYMBOLS)
            {
                for (int m = 1; m <= 5; m++)
                {
                    gateway.engine().ingestLiquidation(symbol, Side.BUY, E8, 1000 * E8, minuteMs - m * MINUTE_MS,
                        minuteMs - m * MINUTE_MS);
                }
            }
            Await.until("seeded", () -> gateway.engine().counters().published() == 5L * SYMBOLS.size());
            final String big = create(gateway, "{\"name\":\"big longs\",\"condition\":\"liquidation\","
                + "\"side\":\"SELL\",\"threshold\":\"500\",\"cooldown_ms\":1500}");
            final String total = create(gateway, "{\"name\":\"total\",\"condition\":\"bucket\","
                + "\"metric\":\"total_volume\",\"timeframe\":\"1m\",\"threshold\":\"3000\"}");
            final String count = create(gateway, "{\"name\":\"count\",\"condition\":\"bucket\",\"metric\":\"count\","
                + "\"timeframe\":\"1m\",\"threshold\":\"4\",\"symbols\":[\"BTCUSDT\",\"SOLUSDT\"]}");
            final String unusual = create(gateway, "{\"name\":\"unusual\",\"condition\":\"unusual_volume\","
                + "\"metric\":\"total_volume\",\"timeframe\":\"1m\",\"factor\":\"2\",\"baseline\":\"median\","
                + "\"baseline_buckets\":5}");

            for (int i = 0; i < 160; i++)
            {
                final Side side = i % 3 == 0 ? Side.BUY : Side.SELL;
                gateway.simulator().injectLiquidation(SYMBOLS.get(i % SYMBOLS.size()), side);
                Thread.sleep(40);
            }
            Thread.sleep(1_500);
            final long published = gateway.engine().counters().published();
            Await.until("settled", () -> gateway.alerts().evaluator().queued() == 0
                && gateway.engine().processedSequence() == gateway.engine().inputSequence());
            assertThat(gateway.engine().counters().published()).isEqualTo(published);

            final Map<String, List<LiquidationSnapshot>> live = new TreeMap<>();
            for (final String symbol : SYMBOLS)
            {
                final List<LiquidationSnapshot> recent = new ArrayList<>(gateway.engine().recentLiquidations(symbol,
                    1000));
                Collections.reverse(recent);
                live.put(symbol, recent);
            }
            final Expected expected = Expected.of(live, minuteMs);
            assertThat(times(gateway, big, "liquidation")).isEqualTo(expected.bigLongs).isNotEmpty();
            assertThat(times(gateway, total, "bucket")).isEqualTo(expected.totalBuckets).isNotEmpty();
            assertThat(times(gateway, count, "bucket")).isEqualTo(expected.countBuckets).isNotEmpty();
            assertThat(times(gateway, unusual, "bucket")).isEqualTo(expected.unusualBuckets).isNotEmpty();
            assertThat(gateway.alerts().evaluator().drops()).isZero();
        }
    }

    @Test
    void shouldDeliverEveryEventToAWebhookOnceDespiteTwoFailedAttempts() throws Exception
    {
        final HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        final AtomicInteger requests = new AtomicInteger();
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        receiver.createContext("/hook", exchange ->
        {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final boolean fail = requests.incrementAndGet() <= 2;
            if (!fail)
            {
                accepted.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                bodies.add(body);
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            create(gateway, "{\"name\":\"hooked\",\"condition\":\"liquidation\",\"threshold\":\"1\","
                + "\"webhook_url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
            final long nowMs = System.currentTimeMillis();
            for (int i = 0; i < 5; i++)
            {
                gateway.engine().ingestLiquidation("BTCUSDT", Side.SELL, E8, (100 + i) * E8, nowMs + i, nowMs + i);
            }
            Await.until("five delivered", () -> accepted.size() == 5);
            Thread.sleep(300);

            assertThat(accepted).containsExactly("liqvol-alert-1", "liqvol-alert-2", "liqvol-alert-3",
                "liqvol-alert-4", "liqvol-alert-5");
            assertThat(requests.get()).isEqualTo(7);
            assertThat(TestJson.object(bodies.get(0))).containsEntry("id", 1L).containsEntry("value", "100");
            assertThat(send(gateway, "GET", "/metrics", null).body()).contains(
                "\nliqvol_alert_webhook_deliveries_total 5\n", "\nliqvol_alert_webhook_failures_total 2\n",
                "\nliqvol_alert_webhook_dropped_total 0\n");
        }
        finally
        {
            receiver.stop(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepRulesAndEventsAcrossARestartAndStreamThem() throws Exception
    {
        final String id;
        final long nowMs = System.currentTimeMillis();
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            id = create(gateway, "{\"name\":\"big\",\"condition\":\"liquidation\",\"threshold\":\"1000\"}");
            create(gateway, "{\"name\":\"other\",\"condition\":\"liquidation\",\"threshold\":\"1\",\"side\":\"BUY\"}");
            gateway.engine().ingestLiquidation("ETHUSDT", Side.SELL, 2 * E8, 3000 * E8, nowMs, nowMs);
            Await.until("fired", () -> gateway.alerts().eventCount() == 1);
        }
        try (Gateway gateway = start(dataDir, "127.0.0.1"))
        {
            assertThat((List<?>)TestJson.object(send(gateway, "GET", "/api/v1/alerts/rules", null).body())
                .get("rules")).hasSize(2);
            final List<?> events = (List<?>)TestJson.object(send(gateway, "GET",
                "/api/v1/alerts/events?rule=" + id, null).body()).get("events");
            assertThat(events).hasSize(1);
            final Map<?, ?> event = (Map<?, ?>)events.get(0);
            assertThat((Map<Object, Object>)event).containsEntry("type", "alert").containsEntry("id", 1L)
                .containsEntry("rule_id", id)
                .containsEntry("symbol", "ETHUSDT").containsEntry("condition", "liquidation")
                .containsEntry("value", "6000").containsEntry("threshold", "1000").containsEntry("ratio", null);
            assertThat((Map<Object, Object>)event.get("liquidation")).containsEntry("side", "SELL")
                .containsEntry("price", "3000").containsEntry("quantity", "2").containsEntry("time", nowMs);

            final TestWebSocket client = TestWebSocket.connect(
                URI.create("ws://127.0.0.1:" + gateway.port() + "/api/v1/ws/alerts?rule=" + id));
            assertThat(client.next("alert")).containsEntry("id", 1L);
            gateway.engine().ingestLiquidation("ETHUSDT", Side.BUY, E8, 5000 * E8, nowMs + 1, nowMs + 1);
            final Map<String, Object> live = client.next("alert");
            assertThat(live).containsEntry("rule_id", id).containsEntry("value", "5000");
            assertThat((Long)live.get("id")).isGreaterThan(1L);
            client.close();
        }
    }

    private static void assertRefused(final Gateway gateway, final String body, final String field) throws Exception
    {
        assertRefused(gateway, body, field, "invalid_rule");
    }

    private static void assertRefused(final Gateway gateway, final String body, final String field,
        final String code) throws Exception
    {
        final HttpResponse<String> response = send(gateway, "POST", "/api/v1/alerts/rules", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        final Map<?, ?> error = (Map<?, ?>)TestJson.object(response.body()).get("error");
        assertThat((String)error.get("code")).isEqualTo(code);
        assertThat((String)error.get("message")).startsWith(field + " ");
    }

    /** Per symbol, in order of firing, the {@code time} of each event's liquidation or bucket ({@code part}). */
    private static Map<String, List<Long>> times(final Gateway gateway, final String ruleId, final String part)
        throws Exception
    {
        final Map<String, List<Long>> found = new TreeMap<>();
        for (final Map<?, ?> event : events(gateway, ruleId))
        {
            found.computeIfAbsent((String)event.get("symbol"), s -> new ArrayList<>())
                .add((Long)((Map<?, ?>)event.get(part)).get("time"));
        }
        return found;
    }

    /** Oldest first. */
    private static List<Map<?, ?>> events(final Gateway gateway, final String ruleId) throws Exception
    {
        final List<Map<?, ?>> events = new ArrayList<>();
        for (final Object event : (List<?>)TestJson.object(send(gateway, "GET",
            "/api/v1/alerts/events?limit=1000&rule=" + ruleId, null).body()).get("events"))
        {
            events.add((Map<?, ?>)event);
        }
        Collections.reverse(events);
        return events;
    }

    /** What the rules of the simulator test must fire, computed from the liquidations alone. */
    private record Expected(Map<String, List<Long>> bigLongs, Map<String, List<Long>> totalBuckets,
        Map<String, List<Long>> countBuckets, Map<String, List<Long>> unusualBuckets)
    {
        static Expected of(final Map<String, List<LiquidationSnapshot>> bySymbol, final long firstLiveMinuteMs)
        {
            final Map<String, List<Long>> bigLongs = new TreeMap<>();
            final Map<String, List<Long>> totalBuckets = new TreeMap<>();
            final Map<String, List<Long>> countBuckets = new TreeMap<>();
            final Map<String, List<Long>> unusualBuckets = new TreeMap<>();
            for (final Map.Entry<String, List<LiquidationSnapshot>> entry : bySymbol.entrySet())
            {
                final String symbol = entry.getKey();
                long coolUntilMs = Long.MIN_VALUE;
                final TreeMap<Long, BigDecimal> totals = new TreeMap<>();
                final TreeMap<Long, Integer> counts = new TreeMap<>();
                for (final LiquidationSnapshot liquidation : entry.getValue())
                {
                    final long bucketMs = Timeframe.M1.alignDownMs(liquidation.tradeTimeMs());
                    totals.merge(bucketMs, liquidation.notional(), BigDecimal::add);
                    counts.merge(bucketMs, 1, Integer::sum);
                    if (bucketMs < firstLiveMinuteMs)
                    {
                        continue;
                    }
                    if (liquidation.side() == Side.SELL && liquidation.notional().compareTo(new BigDecimal(500)) >= 0
                        && liquidation.tradeTimeMs() >= coolUntilMs)
                    {
                        bigLongs.computeIfAbsent(symbol, s -> new ArrayList<>()).add(liquidation.tradeTimeMs());
                        coolUntilMs = liquidation.tradeTimeMs() + 1500;
                    }
                }
                for (final Map.Entry<Long, BigDecimal> bucket : totals.tailMap(firstLiveMinuteMs).entrySet())
                {
                    final long bucketMs = bucket.getKey();
                    if (bucket.getValue().compareTo(new BigDecimal(3000)) >= 0)
                    {
                        totalBuckets.computeIfAbsent(symbol, s -> new ArrayList<>()).add(bucketMs);
                    }
                    if (counts.get(bucketMs) >= 4 && (symbol.equals("BTCUSDT") || symbol.equals("SOLUSDT")))
                    {
                        countBuckets.computeIfAbsent(symbol, s -> new ArrayList<>()).add(bucketMs);
                    }
                    final List<BigDecimal> closed = new ArrayList<>();
                    for (int m = 5; m >= 1; m--)
                    {
                        closed.add(totals.getOrDefault(bucketMs - m * MINUTE_MS, BigDecimal.ZERO));
                    }
                    Collections.sort(closed);
                    final BigDecimal median = closed.get(2);
                    if (median.signum() > 0 && bucket.getValue().compareTo(median.multiply(new BigDecimal(2))) >= 0)
                    {
                        unusualBuckets.computeIfAbsent(symbol, s -> new ArrayList<>()).add(bucketMs);
                    }
                }
            }
            return new Expected(bigLongs, totalBuckets, countBuckets, unusualBuckets);
        }
    }

    private static String create(final Gateway gateway, final String body) throws Exception
    {
        final HttpResponse<String> response = send(gateway, "POST", "/api/v1/alerts/rules", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return (String)TestJson.object(response.body()).get("id");
    }

    private static HttpResponse<String> send(final Gateway gateway, final String method, final String path,
        final String body) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Gateway start(final Path dataDir, final String webhookHosts) throws Exception
    {
        return Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0", "--data-dir",
            dataDir.toString(), "--alert-webhook-hosts", webhookHosts}, Map.of()),
            new SimulatorConfig().generateFlow(false), new ServerConfig().port(0));
    }
}
