package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDataApiTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long MINUTE_MS = 60_000L;
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
    void shouldEndKlinesBeforeEndAsVolumeDoes() throws Exception
    {
        final long startMs = Timeframe.M1.alignDownMs(System.currentTimeMillis()) - 10 * MINUTE_MS;
        final List<Long> expected = List.of(startMs / 1000, startMs / 1000 + 60, startMs / 1000 + 120);

        final String range = "?start=" + startMs + "&end=" + (startMs + 3 * MINUTE_MS);
        assertThat(klineTimes(harness, "/api/v1/klines/BTCUSDT/1m" + range)).isEqualTo(expected);
        assertThat(volumeTimes("/api/v1/liquidation-volume/BTCUSDT/1m" + range)).isEqualTo(expected);

        final String oneMore = "?start=" + startMs + "&end=" + (startMs + 3 * MINUTE_MS + 1);
        assertThat(klineTimes(harness, "/api/v1/klines/BTCUSDT/1m" + oneMore)).hasSize(4);
        assertThat(volumeTimes("/api/v1/liquidation-volume/BTCUSDT/1m" + oneMore)).hasSize(4);

        assertThat(klineTimes(harness, "/api/v1/klines/BTCUSDT/1m?limit=2&end=" + (startMs + 3 * MINUTE_MS)))
            .isEqualTo(expected.subList(1, 3));
    }

    @Test
    void shouldAnswerAFailedExchangeWithAStableCodeAndMessageOnly() throws Exception
    {
        try (ServerHarness cutOff = ServerHarness.start(new ServerConfig()))
        {
            cutOff.simulator.close();

            final HttpResponse<String> response = get(cutOff, "/api/v1/klines/BTCUSDT/1m?limit=3");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(TestJson.object(response.body())).isEqualTo(Map.of("error",
                Map.of("code", "upstream_error", "message", "the exchange did not answer")));
        }
    }

    private static List<Long> klineTimes(final ServerHarness server, final String path) throws Exception
    {
        return TestJson.array(get(server, path).body()).stream()
            .map(candle -> (Long)((Map<?, ?>)candle).get("time"))
            .toList();
    }

    private static List<Long> volumeTimes(final String path) throws Exception
    {
        return LiquidationStreamHandlerTest.rows(TestJson.object(get(harness, path).body())).stream()
            .map(bucket -> (Long)bucket.get("time"))
            .toList();
    }

    private static HttpResponse<String> get(final ServerHarness server, final String path)
        throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(server.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
