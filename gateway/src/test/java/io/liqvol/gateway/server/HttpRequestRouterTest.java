package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestRouterTest
{
    private static final long E8 = 100_000_000L;
    private static ServerHarness harness;
    private static final AtomicBoolean ADMITTED = new AtomicBoolean(true);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000).clientsAdmitted(ADMITTED::get));
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        harness.close();
    }

    @Test
    void shouldServeVolumeZeroFilledWithExactTotals() throws Exception
    {
        final long timeMs = Timeframe.H1.alignDownMs(System.currentTimeMillis()) - 3_600_000L + 5;
        harness.liquidate("SOLUSDT", Side.BUY, 3 * E8, 150 * E8 + 5_000_000L, timeMs);
        harness.liquidate("SOLUSDT", Side.SELL, E8 / 4, 151 * E8, timeMs + 1);
        awaitRecorded("SOLUSDT", 2);
        final long startMs = timeMs - 2 * 3_600_000L;

        final HttpResponse<String> response = get("/api/v1/liquidation-volume/SOLUSDT/1h?start_time=" + startMs
            + "&end_time=" + (timeMs + 3_600_000L));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        final Map<String, Object> body = TestJson.object(response.body());
        assertThat(body).containsEntry("symbol", "SOLUSDT").containsEntry("timeframe", "1h")
            .containsEntry("start_time", startMs).containsEntry("end_time", timeMs + 3_600_000L);
        final List<Map<String, Object>> data = LiquidationStreamHandlerTest.rows(body);
        assertThat(data).hasSize(4);
        assertThat(data.get(2)).containsEntry("timestamp_ms", timeMs - 5).containsEntry("buy_volume", "450.15")
            .containsEntry("sell_volume", "37.75").containsEntry("total_volume", "487.90")
            .containsEntry("delta_volume", "412.40").containsEntry("count", 2L);
        assertThat(data.get(0)).containsEntry("total_volume", "0.00");
    }

    @Test
    void shouldSumEverySymbolPerBucketForTheMarketExactly() throws Exception
    {
        final long timeMs = Timeframe.M1.alignDownMs(System.currentTimeMillis()) - 7 * 60_000L + 11;
        harness.liquidate("ADAUSDT", Side.BUY, 1_000 * E8 + 1, E8 / 2, timeMs);
        harness.liquidate("ADAUSDT", Side.SELL, 3 * E8, E8 / 3, timeMs + 60_000L);
        harness.liquidate("DOTUSDT", Side.SELL, 7 * E8, 4 * E8 + 1, timeMs + 1);
        awaitRecorded("ADAUSDT", 2);
        awaitRecorded("DOTUSDT", 1);
        final String range = "start=" + (timeMs - 120_000L) + "&end=" + (timeMs + 180_000L);

        final HttpResponse<String> response = get("/api/v1/volume?timeframe=1m&" + range);

        assertThat(response.statusCode()).isEqualTo(200);
        final Map<String, Object> body = TestJson.object(response.body());
        assertThat(body).doesNotContainKey("symbol").containsEntry("timeframe", "1m");
        final List<Map<String, Object>> market = LiquidationStreamHandlerTest.rows(body);
        assertThat(market).hasSize(6);
        final Map<Long, BigDecimal[]> expected = new HashMap<>();
        for (final String symbol : harness.engine.symbols())
        {
            for (final Map<String, Object> bucket : LiquidationStreamHandlerTest.rows(TestJson.object(
                get("/api/v1/liquidation-volume/" + symbol + "/1m?" + range).body())))
            {
                final BigDecimal[] sums = expected.computeIfAbsent((Long)bucket.get("timestamp_ms"),
                    startMs -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(new BigDecimal((String)bucket.get("buy_volume")));
                sums[1] = sums[1].add(new BigDecimal((String)bucket.get("sell_volume")));
                sums[2] = sums[2].add(BigDecimal.valueOf((Long)bucket.get("count")));
            }
        }
        for (final Map<String, Object> bucket : market)
        {
            final BigDecimal[] sums = expected.get((Long)bucket.get("timestamp_ms"));
            assertThat(new BigDecimal((String)bucket.get("buy_volume"))).isEqualByComparingTo(sums[0]);
            assertThat(new BigDecimal((String)bucket.get("sell_volume"))).isEqualByComparingTo(sums[1]);
            assertThat(BigDecimal.valueOf((Long)bucket.get("count"))).isEqualByComparingTo(sums[2]);
        }
        assertThat(new BigDecimal((String)market.get(2).get("buy_volume")))
            .isGreaterThanOrEqualTo(new BigDecimal("500.000000005"));
        assertThat(get("/api/v1/volume?timeframe=1m&format=csv&" + range).body())
            .startsWith("time,timestamp_ms,buy_volume").hasLineCount(7);
        assertError(get("/api/v1/volume?timeframe=7m"), 400, "invalid_timeframe");
        assertError(get("/api/v1/volume?symbol=BTCUSDT"), 400, "unknown_parameter");
    }

    @Test
    void shouldAnswerTheApiWithCatchingUpUntilClientsAreAdmitted() throws Exception
    {
        ADMITTED.set(false);
        try
        {
            final HttpResponse<String> rest = get("/api/v1/symbols");
            assertError(rest, 503, "catching_up");
            assertThat(rest.headers().firstValue("retry-after")).hasValue("1");
            final String upgrade = RawHttp.exchange(harness.port(), "GET", "/api/v1/ws/liquidations/BTCUSDT",
                "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n");
            assertThat(RawHttp.status(upgrade)).isEqualTo(503);
            assertThat(RawHttp.body(upgrade)).contains("\"code\":\"catching_up\"");
            assertThat(get("/health").statusCode()).isEqualTo(200);
        }
        finally
        {
            ADMITTED.set(true);
        }

        assertThat(get("/api/v1/symbols").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDefaultToTheLast500Buckets() throws Exception
    {
        final Map<String, Object> body = TestJson.object(get("/api/v1/liquidation-volume/BTCUSDT/1d").body());

        assertThat(LiquidationStreamHandlerTest.rows(body)).hasSize(500);
    }

    @Test
    void shouldAnswerVolumeErrorsWithJson() throws Exception
    {
        assertError(get("/api/v1/liquidation-volume/BTCUSDT/7m"), 400, "invalid_timeframe");
        assertError(get("/api/v1/liquidation-volume/BTCUSDT/1m?start=5&end=5"), 400, "invalid_range");
        assertError(get("/api/v1/liquidation-volume/BTCUSDT/1m?start=x"), 400, "invalid_range");
        assertError(get("/api/v1/liquidation-volume/BTCUSDT/1m?start=0&end=300000001"), 400, "range_too_large");
        assertError(get("/api/v1/liquidation-volume/NOPEUSDT/1m"), 404, "unknown_symbol");
        assertError(get("/api/v1/liquidation-volume/BTCUSDT"), 404, "not_found");
    }

    @Test
    void shouldServeCustomTimeframesAsTheExactSumsOfTheirBaseBuckets() throws Exception
    {
        final long dayMs = 86_400_000L;
        final long bucketMs = Math.floorDiv(System.currentTimeMillis(), 2 * dayMs) * 2 * dayMs - 2 * dayMs;
        harness.liquidate("TWODAYUSDT", Side.BUY, 3 * E8, 20 * E8 + E8 / 2, bucketMs + 5);
        harness.liquidate("TWODAYUSDT", Side.SELL, E8 / 4, 21 * E8, bucketMs + dayMs + 7);
        awaitRecorded("TWODAYUSDT", 2);
        final String range = "?start=" + bucketMs + "&end=" + (bucketMs + 2 * dayMs);

        final Map<String, Object> body =
            TestJson.object(get("/api/v1/liquidation-volume/TWODAYUSDT/48h" + range).body());

        assertThat(body).containsEntry("timeframe", "2d");
        final List<Map<String, Object>> data = LiquidationStreamHandlerTest.rows(body);
        assertThat(data).hasSize(1);
        assertThat(data.get(0)).containsEntry("timestamp_ms", bucketMs).containsEntry("buy_volume", "61.50")
            .containsEntry("sell_volume", "5.25").containsEntry("total_volume", "66.75")
            .containsEntry("delta_volume", "56.25").containsEntry("count", 2L).containsKeys("recorded_ms", "coverage");
        final List<Map<String, Object>> days = LiquidationStreamHandlerTest.rows(
            TestJson.object(get("/api/v1/liquidation-volume/TWODAYUSDT/1d" + range).body()));
        assertThat(days).extracting(day -> day.get("total_volume")).containsExactly("61.50", "5.25");
        assertThat((Long)data.get(0).get("recorded_ms"))
            .isEqualTo((Long)days.get(0).get("recorded_ms") + (Long)days.get(1).get("recorded_ms"));
    }

    @Test
    void shouldRefuseTimeframesThatBreakTheAlignmentRuleNamingIt() throws Exception
    {
        for (final String code : new String[] {"7m", "25h", "91d", "2w"})
        {
            final HttpResponse<String> response = get("/api/v1/liquidation-volume/BTCUSDT/" + code);
            assertError(response, 400, "invalid_timeframe");
            assertThat(response.body()).contains("divides 24h", "1 to 90");
        }
        assertError(get("/api/v1/liquidation-volume/BTCUSDT/10m?start=0&end=" + 2501 * 600_000L), 400,
            "range_too_large");
        assertThat(TestJson.object(get("/api/v1/liquidation-volume/BTCUSDT/10m?start=0&end=" + 2500 * 600_000L)
            .body())).containsEntry("timeframe", "10m");
        assertThat(LiquidationStreamHandlerTest.rows(TestJson.object(
            get("/api/v1/liquidation-volume/BTCUSDT/90d").body()))).hasSize(5000 / 90);
    }

    @Test
    void shouldBuildCustomCandlesFromBaseCandlesOnTheVolumeBucketsGrid() throws Exception
    {
        final long tenMinutesMs = 600_000L;
        final long startMs = Math.floorDiv(System.currentTimeMillis(), tenMinutesMs) * tenMinutesMs - 4 * tenMinutesMs;
        final String range = "?start=" + startMs + "&end=" + (startMs + 3 * tenMinutesMs);

        final List<Object> custom = TestJson.array(get("/api/v1/klines/BTCUSDT/10m" + range).body());
        final List<Object> base = TestJson.array(get("/api/v1/klines/BTCUSDT/5m" + range).body());

        assertThat(klineTimes("/api/v1/klines/BTCUSDT/10m" + range))
            .isEqualTo(volumeTimes("/api/v1/liquidation-volume/BTCUSDT/10m" + range))
            .containsExactly(startMs / 1000, startMs / 1000 + 600, startMs / 1000 + 1200);
        assertThat(base).hasSize(6);
        for (int i = 0; i < 3; i++)
        {
            final Map<?, ?> candle = (Map<?, ?>)custom.get(i);
            final Map<?, ?> first = (Map<?, ?>)base.get(2 * i);
            final Map<?, ?> second = (Map<?, ?>)base.get(2 * i + 1);
            assertThat(candle.get("open")).isEqualTo(first.get("open"));
            assertThat(candle.get("close")).isEqualTo(second.get("close"));
            assertThat(new BigDecimal((String)candle.get("high"))).isEqualByComparingTo(
                new BigDecimal((String)first.get("high")).max(new BigDecimal((String)second.get("high"))));
            assertThat(new BigDecimal((String)candle.get("low"))).isEqualByComparingTo(
                new BigDecimal((String)first.get("low")).min(new BigDecimal((String)second.get("low"))));
            assertThat(new BigDecimal((String)candle.get("volume"))).isEqualByComparingTo(
                new BigDecimal((String)first.get("volume")).add(new BigDecimal((String)second.get("volume"))));
        }
    }

    @Test
    void shouldServeTheMostRecentLiquidationsNewestFirst() throws Exception
    {
        final long nowMs = System.currentTimeMillis();
        for (int i = 1; i <= 5; i++)
        {
            harness.liquidate("XRPUSDT", Side.SELL, i * E8, 2 * E8, nowMs + i);
        }
        awaitRecorded("XRPUSDT", 5);

        final Map<String, Object> body = TestJson.object(get("/api/v1/liquidations/XRPUSDT?limit=3").body());

        assertThat(body).containsEntry("symbol", "XRPUSDT");
        final List<Map<String, Object>> data = LiquidationStreamHandlerTest.rows(body);
        assertThat(data).extracting(row -> row.get("timestamp")).containsExactly(nowMs + 5, nowMs + 4, nowMs + 3);
        assertThat(data.get(0)).containsEntry("priceUsdt", "10.00").containsEntry("baseAsset", "XRP");
        assertError(get("/api/v1/liquidations/XRPUSDT?limit=1001"), 400, "invalid_limit");
        assertError(get("/api/v1/liquidations/XRPUSDT?limit=0"), 400, "invalid_limit");
        assertError(get("/api/v1/liquidations/NOPE"), 404, "unknown_symbol");
    }

    @Test
    void shouldRelayKlinesAndListSymbolsFromTheExchange() throws Exception
    {
        final long minuteBeforeMs = Timeframe.M1.alignDownMs(System.currentTimeMillis());
        final List<Object> klines = TestJson.array(get("/api/v1/klines/BTCUSDT/1m?limit=3").body());
        final long minuteAfterMs = Timeframe.M1.alignDownMs(System.currentTimeMillis());
        assertThat(klines).hasSize(3);
        @SuppressWarnings("unchecked")
        final Map<String, Object> candle = (Map<String, Object>)klines.get(2);
        assertThat(candle).containsOnlyKeys("time", "open", "high", "low", "close", "volume");
        // the current minute's candle, whichever minute the request fell in
        assertThat((Long)candle.get("time") * 1000).isBetween(minuteBeforeMs, minuteAfterMs);

        assertThat(TestJson.array(get("/api/v1/klines/BTCUSDT/1h").body())).hasSize(500);
        assertError(get("/api/v1/klines/BTCUSDT/1h?limit=1501"), 400, "invalid_limit");
        assertError(get("/api/v1/klines/BTCUSDT/9h"), 400, "invalid_timeframe");

        final List<Object> symbols = TestJson.array(get("/api/v1/symbols").body());
        assertThat(symbols).contains(Map.of("symbol", "BTCUSDT", "baseAsset", "BTC", "quoteAsset", "USDT",
            "pricePrecision", 2L, "quantityPrecision", 3L, "status", "TRADING", "exchanges", List.of("binance")));
    }

    @Test
    void shouldEndKlinesBeforeEndAsVolumeDoes() throws Exception
    {
        final long minuteMs = 60_000L;
        final long startMs = Timeframe.M1.alignDownMs(System.currentTimeMillis()) - 10 * minuteMs;
        final List<Long> expected = List.of(startMs / 1000, startMs / 1000 + 60, startMs / 1000 + 120);

        final String range = "?start=" + startMs + "&end=" + (startMs + 3 * minuteMs);
        assertThat(klineTimes("/api/v1/klines/BTCUSDT/1m" + range)).isEqualTo(expected);
        assertThat(volumeTimes("/api/v1/liquidation-volume/BTCUSDT/1m" + range)).isEqualTo(expected);

        final String oneMore = "?start=" + startMs + "&end=" + (startMs + 3 * minuteMs + 1);
        assertThat(klineTimes("/api/v1/klines/BTCUSDT/1m" + oneMore)).hasSize(4);
        assertThat(volumeTimes("/api/v1/liquidation-volume/BTCUSDT/1m" + oneMore)).hasSize(4);

        assertThat(klineTimes("/api/v1/klines/BTCUSDT/1m?limit=2&end=" + (startMs + 3 * minuteMs)))
            .isEqualTo(expected.subList(1, 3));
    }

    @Test
    void shouldReportHealthAndMetrics() throws Exception
    {
        Await.until("ok once the upstream is live", () -> "ok".equals(health().get("status")));
        final Map<String, Object> health = health();
        assertThat(health).containsEntry("reasons", List.of())
            .containsKeys("upstream", "engine", "journal", "clients");
        assertThat(String.valueOf(health.get("upstream")))
            .contains("connected=", "connected_since=", "reconnects=", "gaps=");
        assertThat(String.valueOf(health.get("journal"))).contains("data_dir=", "segments=", "recovery=", "gaps=",
            "failure=", "failures=", "unjournaled_records=", "journal_gaps=", "roll_stalls=", "free_bytes=");

        final HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.headers().firstValue("content-type"))
            .hasValueSatisfying(type -> type.startsWith("text/plain"));
        assertThat(metrics.body()).contains("liqvol_ws_clients{stream=\"liquidations\"}",
            "liqvol_events_rejected_total{reason=\"malformed_json\"}",
            "liqvol_end_to_end_latency_seconds_bucket{le=\"0.001\"}",
            "liqvol_ws_slow_clients_closed_total", "liqvol_upstream_connected", "liqvol_journal_writable 1",
            "liqvol_journal_unjournaled_records_total 0", "liqvol_journal_free_bytes");
    }

    @Test
    void shouldServeThePageWithEtagAndGzip() throws Exception
    {
        final HttpResponse<byte[]> page = HTTP.send(HttpRequest.newBuilder(harness.http("/"))
            .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(page.body())).contains("liqvol test page");
        final String etag = page.headers().firstValue("etag").orElseThrow();

        final HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(harness.http("/"))
            .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertError(get("/../../etc/passwd"), 404, "not_found");
        assertError(get("/%2e%2e/pom.xml"), 404, "not_found");
        assertError(get("/nothing.js"), 404, "not_found");
    }

    @Test
    void shouldRefuseMethodsOtherThanGetAndHeadWith405SayingWhatIsAllowed() throws Exception
    {
        final HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(harness.http("/api/v1/symbols"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(post, 405, "method_not_allowed");
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
        for (final String method : List.of("OPTIONS", "PUT", "DELETE", "PATCH", "TRACE"))
        {
            for (final String path : List.of("/api/v1/symbols", "/", "/api/v1/ws/liquidations/BTCUSDT", "/nothing"))
            {
                final String response = RawHttp.exchange(harness.port(), method, path, "");
                assertThat(RawHttp.status(response)).as(method + " " + path).isEqualTo(405);
                assertThat(RawHttp.header(response, "Allow")).isEqualTo("GET, HEAD");
                assertThat(RawHttp.body(response)).contains("\"code\":\"method_not_allowed\"");
            }
        }
        assertError(get("/api/v1/ws/liquidations/BTCUSDT"), 400, "websocket_expected");
    }

    @Test
    void shouldAnswerHeadLikeGetWithoutABody() throws Exception
    {
        for (final String path : List.of("/api/v1/symbols", "/api/v1/liquidations/BTCUSDT?limit=5", "/health",
            "/metrics", "/", "/api/v1/liquidation-volume/BTCUSDT/1d", "/api/v1/klines/BTCUSDT/1h?limit=2",
            "/api/v1/liquidations/NOPEUSDT", "/api/v1/ws/klines/BTCUSDT"))
        {
            final String get = RawHttp.exchange(harness.port(), "GET", path, "");
            final String head = RawHttp.exchange(harness.port(), "HEAD", path, "");

            assertThat(RawHttp.status(head)).as(path).isEqualTo(RawHttp.status(get));
            assertThat(RawHttp.header(head, "Content-Type")).as(path).isEqualTo(RawHttp.header(get, "Content-Type"));
            assertThat(RawHttp.body(get)).as(path).isNotEmpty();
            assertThat(RawHttp.body(head)).as(path).isEmpty();
        }
        final String page = RawHttp.exchange(harness.port(), "HEAD", "/", "");
        assertThat(Integer.parseInt(RawHttp.header(page, "Content-Length")))
            .isEqualTo(RawHttp.body(RawHttp.exchange(harness.port(), "GET", "/", "")).length());
    }

    @Test
    void shouldAnswerBadPercentEncodingWith400AndJson() throws Exception
    {
        for (final String target : List.of("/api/v1/liquidations/%zz", "/%", "/api/v1/symbols?x=%zz",
            "/api/v1/liquidation-volume/BTCUSDT/1m?start=%"))
        {
            assertBadRequest(RawHttp.exchange(harness.port(), "GET", target, ""), target);
        }
        final String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        for (final String target : List.of("/api/v1/ws/liquidations/%zz", "/api/v1/ws/klines/BTCUSDT?timeframe=%"))
        {
            try (RawHttp http = RawHttp.connect(harness.port()))
            {
                http.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + "\r\n");
                assertBadRequest(http.readToEnd(), target);
            }
        }
    }

    @Test
    void shouldRefuseQueryParametersARouteDoesNotRead() throws Exception
    {
        final Map<String, String> unknownByTarget = Map.of(
            "/api/v1/liquidations/BTCUSDT?since=1700000000000", "since",
            "/api/v1/liquidations/BTCUSDT?limit=5&Limit=6", "Limit",
            "/api/v1/liquidation-volume/BTCUSDT/1m?from=1", "from",
            "/api/v1/klines/BTCUSDT/1m?startTime=1", "startTime",
            "/api/v1/symbols?all", "all",
            "/health?verbose=1", "verbose",
            "/metrics?name[]=x", "name[]");
        for (final Map.Entry<String, String> entry : unknownByTarget.entrySet())
        {
            final HttpResponse<String> response = get(entry.getKey());
            assertError(response, 400, "unknown_parameter");
            assertThat(response.body()).as(entry.getKey()).contains(entry.getValue());
        }
        assertThat(get("/api/v1/liquidation-volume/BTCUSDT/1m?start_time=0&end_time=60000").statusCode())
            .isEqualTo(200);
        assertThat(get("/api/v1/klines/BTCUSDT/1m?start=0&end=60000&limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerOversizedAndUndecodableRequestsWithJson() throws Exception
    {
        final HttpResponse<String> large = HTTP.send(HttpRequest.newBuilder(harness.http("/api/v1/symbols"))
            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertError(large, 413, "request_too_large");

        final HttpResponse<String> longLine = get("/api/v1/symbols?pad=" + "x".repeat(5000));
        assertError(longLine, 400, "bad_request");
    }

    @Test
    void shouldRefuseAHostItDoesNotServeWith421AsDnsRebindingWouldNameIt() throws Exception
    {
        final String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        final String foreign = "evil.example:" + harness.port();
        for (final String request : List.of(
            "GET /api/v1/symbols HTTP/1.1\r\nHost: " + foreign + "\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: " + foreign + "\r\n\r\n",
            "GET /api/v1/ws/liquidations/BTCUSDT HTTP/1.1\r\nHost: " + foreign + "\r\nOrigin: http://" + foreign
                + "\r\n" + upgrade + "\r\n"))
        {
            try (RawHttp http = RawHttp.connect(harness.port()))
            {
                http.send(request);
                final String response = http.readToEnd();
                assertThat(RawHttp.status(response)).as(request).isEqualTo(421);
                assertThat(RawHttp.body(response)).contains("\"code\":\"host_not_allowed\"");
            }
        }
        assertThat(harness.metrics.render()).contains("liqvol_hosts_rejected_total 3");

        try (RawHttp http = RawHttp.connect(harness.port()))
        {
            http.send("GET /api/v1/symbols HTTP/1.1\r\nHost: localhost:" + harness.port()
                + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(http.readToEnd())).isEqualTo(200);
        }
    }

    private static List<Long> klineTimes(final String path) throws Exception
    {
        return TestJson.array(get(path).body()).stream()
            .map(candle -> (Long)((Map<?, ?>)candle).get("time"))
            .toList();
    }

    private static List<Long> volumeTimes(final String path) throws Exception
    {
        return LiquidationStreamHandlerTest.rows(TestJson.object(get(path).body())).stream()
            .map(bucket -> (Long)bucket.get("time"))
            .toList();
    }

    private static void assertBadRequest(final String response, final String target)
    {
        assertThat(RawHttp.status(response)).as(target).isEqualTo(400);
        assertThat(RawHttp.header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(RawHttp.body(response)).as(target).contains("\"code\":\"bad_request\"");
    }

    private static void assertError(final HttpResponse<String> response, final int status, final String code)
    {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        @SuppressWarnings("unchecked")
        final Map<String, Object> error = (Map<String, Object>)TestJson.object(response.body()).get("error");
        assertThat(error).containsEntry("code", code).containsKey("message");
    }

    private static Map<String, Object> health()
    {
        try
        {
            return TestJson.object(get("/health").body());
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpResponse<String> get(final String pathAndQuery) throws IOException, InterruptedException
    {
        return HTTP.send(
            HttpRequest.newBuilder(harness.http(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String gunzip(final byte[] body) throws IOException
    {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body)))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void awaitRecorded(final String symbol, final int count)
    {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (harness.engine.recentLiquidations(symbol, count).size() < count)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the engine did not publish " + count + " liquidations of " + symbol);
            }
            Thread.onSpinWait();
        }
    }
}
