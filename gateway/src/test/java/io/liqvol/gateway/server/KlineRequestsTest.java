package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/klines} against the simulator's REST, counting the requests that reach it. */
class KlineRequestsTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000));
    }

    @AfterAll
    static void stop()
    {
        harness.close();
    }

    @Test
    void shouldAnswerARepeatedRequestForClosedCandlesFromTheCache() throws Exception
    {
        final long startMs = Timeframe.M5.alignDownMs(System.currentTimeMillis()) - 50 * 300_000L;
        final String path = "/api/v1/klines/ETHUSDT/5m?start=" + startMs + "&end=" + (startMs + 10 * 300_000L);
        final long upstreamBefore = upstreamRequests();

        final HttpResponse<String> first = get(path);
        final HttpResponse<String> second = get(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(TestJson.array(first.body())).hasSize(10);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(upstreamRequests()).isEqualTo(upstreamBefore + 1);
        assertThat(counter(GatewayMetrics.KLINE_CACHE_HITS)).isPositive();
    }

    @Test
    void shouldSendOneUpstreamRequestForIdenticalConcurrentRequests() throws Exception
    {
        final String path = "/api/v1/klines/SOLUSDT/15m?limit=50";
        final long upstreamBefore = upstreamRequests();
        final long coalescedBefore = counter(GatewayMetrics.KLINE_COALESCED);
        final List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        final AutoCloseable held = harness.simulator.holdMarket();
        try
        {
            for (int i = 0; i < 20; i++)
            {
                answers.add(HTTP.sendAsync(request(path), HttpResponse.BodyHandlers.ofString()));
            }
            Await.until("19 requests waiting on the first",
                () -> counter(GatewayMetrics.KLINE_COALESCED) == coalescedBefore + 19);
        }
        finally
        {
            held.close();
        }

        final String body = answers.get(0).get().body();
        assertThat(TestJson.array(body)).hasSize(50);
        for (final CompletableFuture<HttpResponse<String>> answer : answers)
        {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().body()).isEqualTo(body);
        }
        assertThat(upstreamRequests()).isEqualTo(upstreamBefore + 1);
    }

    @Test
    void shouldServeTheOpenCandleFromTheLiveStreamWhileItIsFresh() throws Exception
    {
        final TestWebSocket stream = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/BNBUSDT?timeframe=1h"));
        @SuppressWarnings("unchecked")
        final Map<String, Object> live = (Map<String, Object>)stream.next("kline").get("data");
        final long upstreamBefore = upstreamRequests();

        final List<Object> candles = TestJson.array(get("/api/v1/klines/BNBUSDT/1h?limit=1").body());

        assertThat(upstreamRequests()).isEqualTo(upstreamBefore);
        assertThat(candles).hasSize(1);
        @SuppressWarnings("unchecked")
        final Map<String, Object> candle = (Map<String, Object>)candles.get(0);
        assertThat(candle).containsEntry("time", live.get("time"));
        stream.abort();
    }

    @Test
    void shouldFetchTheOpenCandleAgainOnceItIsStale() throws Exception
    {
        final String path = "/api/v1/klines/XRPUSDT/1d?limit=3";
        final long upstreamBefore = upstreamRequests();
        get(path);
        Thread.sleep(KlineCache.OPEN_CANDLE_FRESH_MS + 100);

        get(path);

        assertThat(upstreamRequests()).isEqualTo(upstreamBefore + 2);
    }

    @Test
    void shouldAnswer503UpstreamBudgetWithRetryAfterOnceTheMinutesWeightIsSpent() throws Exception
    {
        try (ServerHarness budgeted = ServerHarness.start(new ServerConfig().requestsPerSecond(1000)
            .upstreamWeightPerMinute(10)))
        {
            final long startMs = Timeframe.M1.alignDownMs(System.currentTimeMillis()) - 500 * 60_000L;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 25 && refused == null; i++)
            {
                final HttpResponse<String> answer = HTTP.send(request(budgeted,
                    "/api/v1/klines/BTCUSDT/1m?limit=5&start=" + (startMs + i * 60_000L)),
                    HttpResponse.BodyHandlers.ofString());
                refused = answer.statusCode() == 200 ? null : answer;
            }

            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("retry-after")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(refused.body()).contains("\"code\":\"upstream_budget\"");
            assertThat(budgeted.simulator.counters().klinesRequests()).isBetween(10L, 20L);
            assertThat(budgeted.metrics.render()).contains("liqvol_klines_budget_refused_total 1");
        }
    }

    private static long upstreamRequests()
    {
        return harness.simulator.counters().klinesRequests();
    }

    private static long counter(final int id)
    {
        return harness.metrics.counterSet().get(id);
    }

    private static HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(final String path)
    {
        return request(harness, path);
    }

    private static HttpRequest request(final ServerHarness server, final String path)
    {
        return HttpRequest.newBuilder(server.http(path)).build();
    }
}
