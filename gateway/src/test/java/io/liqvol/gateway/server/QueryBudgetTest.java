package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.StalledRequest;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query budget over real sockets: a client that does not read its 5000-bucket answer (about 1.5 MB, into a
 * server send buffer of 8 KB) holds its price, so the budgets can be spent at will.
 */
class QueryBudgetTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long START_MS = Timeframe.M1.alignDownMs(1_700_000_000_000L);
    private static final String LARGE = range(5_000);
    private static final String SMALL = range(10);
    private static ServerHarness harness;
    private final List<StalledRequest> stalled = new ArrayList<>();

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000).socketSendBufferBytes(8192)
            .queryThreads(4).queryBudget(10_000).queryBudgetPerAddress(5_000));
    }

    @AfterAll
    static void stop()
    {
        harness.close();
    }

    @AfterEach
    void release() throws IOException
    {
        for (final StalledRequest request : stalled)
        {
            request.close();
        }
        Await.until("every price given back", () -> held() == 0);
    }

    @Test
    void shouldAnswer429RateLimitedWithRetryAfterOverTheAddressBudgetAndServeOtherAddresses() throws Exception
    {
        stall(2, LARGE);
        Await.until("the large answer held", () -> held() == 5_000);

        try (StalledRequest refused = StalledRequest.send(2, harness.port(), SMALL))
        {
            final String head = refused.readHead();
            assertThat(head).startsWith("HTTP/1.1 429 ").containsIgnoringCase("retry-after: 1\r\n");
        }
        final HttpResponse<String> other = get(SMALL);
        assertThat(other.statusCode()).isEqualTo(200);

        stalled.remove(0).close();
        Await.until("the price given back when the client left", () -> held() == 0);
        try (StalledRequest admitted = StalledRequest.send(2, harness.port(), SMALL))
        {
            assertThat(admitted.readHead()).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void shouldAnswer503OverloadedWithRetryAfterOverTheServerBudgetNeverShuttingDown() throws Exception
    {
        stall(2, LARGE);
        stall(3, LARGE);
        Await.until("both large answers held", () -> held() == 10_000);

        final HttpResponse<String> refused = get(SMALL);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
        @SuppressWarnings("unchecked")
        final Map<String, Object> error = (Map<String, Object>)TestJson.object(refused.body()).get("error");
        assertThat(error).containsEntry("code", "overloaded");
        assertThat(harness.metrics.render()).contains("liqvol_queries_refused_total{budget=\"server\"} 1");
    }

    @Test
    void shouldTellAStreamItsRangeWasRefusedAndKeepItOpen() throws Exception
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m"));
        client.next("liquidation_order");
        client.next("liquidation_volume");
        // The snapshot's price comes back once it is written, which may follow the client's read; until then the
        // large answer from the same address would be over the address budget.
        Await.until("the snapshot's price given back", () -> held() == 0);
        stall(1, LARGE);
        Await.until("the large answer held", () -> held() == 5_000);

        client.send("{\"type\":\"range\",\"start\":" + START_MS + ",\"end\":" + (START_MS + 600_000L) + "}");

        assertThat(client.next("error")).containsEntry("code", "rate_limited");
        stalled.remove(0).close();
        Await.until("the price given back", () -> held() == 0);
        client.send("{\"type\":\"range\",\"start\":" + START_MS + ",\"end\":" + (START_MS + 600_000L) + "}");
        assertThat(client.next("liquidation_volume")).containsKey("range");
        assertThat(client.isOpen()).isTrue();
        client.abort();
    }

    @Test
    void shouldSendASnapshotRefusedForNowOnceTheBudgetHasRoom() throws Exception
    {
        stall(1, LARGE);
        Await.until("the large answer held", () -> held() == 5_000);

        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m"));

        assertThat(client.next("error")).containsEntry("code", "rate_limited");
        stalled.remove(0).close();
        assertThat(client.next("liquidation_order")).containsEntry("initial", true);
        assertThat(client.next("liquidation_volume")).containsEntry("is_update", false);
        client.abort();
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrder() throws Exception
    {
        try (Socket socket = new Socket("127.0.0.1", harness.port()))
        {
            final OutputStream out = socket.getOutputStream();
            out.write((request("/api/v1/symbols") + request(LARGE) + request(SMALL)
                + request("/api/v1/liquidations/BTCUSDT?limit=1")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final InputStream in = socket.getInputStream();

            assertThat(readBody(in)).startsWith("[{\"symbol\":");
            assertThat(readBody(in)).contains("\"end_time\":" + (START_MS + 5_000 * 60_000L));
            assertThat(readBody(in)).contains("\"end_time\":" + (START_MS + 10 * 60_000L));
            assertThat(readBody(in)).startsWith("{\"symbol\":\"BTCUSDT\",\"data\":[");
        }
    }

    private void stall(final int fromAddress, final String pathAndQuery) throws IOException
    {
        stalled.add(StalledRequest.send(fromAddress, harness.port(), pathAndQuery));
    }

    private static long held()
    {
        return harness.metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD);
    }

    private static String range(final int buckets)
    {
        return "/api/v1/liquidation-volume/BTCUSDT/1m?start=" + START_MS + "&end=" + (START_MS + buckets * 60_000L);
    }

    private static String request(final String pathAndQuery)
    {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    private static String readBody(final InputStream in) throws IOException
    {
        return new String(RawHttp.readBody(in), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(final String pathAndQuery) throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(harness.http(pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
