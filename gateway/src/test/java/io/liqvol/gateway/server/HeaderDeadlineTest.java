package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderDeadlineTest
{
    private static final int DEADLINE_MS = 300;
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().headerTimeoutMs(DEADLINE_MS));
    }

    @AfterAll
    static void stop()
    {
        harness.close();
    }

    @Test
    void shouldCloseAConnectionThatDripsItsHeadersPastTheDeadlineWith408() throws Exception
    {
        final long before = timeouts();
        try (RawHttp http = RawHttp.connect(harness.port()))
        {
            final long startNs = System.nanoTime();
            http.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            // every byte keeps an idle timeout at bay, but not the deadline; dripping stops short of it, so that
            // nothing is written to a socket the server closed (a reset could destroy its answer)
            for (int line = 0; (System.nanoTime() - startNs) / 1_000_000 < DEADLINE_MS - 80; line++)
            {
                http.send("X-Slow-" + line + ": 1\r\n");
                Thread.sleep(40);
            }
            final String response = http.readToEnd();
            final long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;

            assertThat(RawHttp.status(response)).isEqualTo(408);
            assertThat(RawHttp.body(response)).contains("\"code\":\"request_timeout\"");
            assertThat(elapsedMs).isGreaterThanOrEqualTo(DEADLINE_MS).isLessThan(2_000);
        }
        assertThat(timeouts()).isEqualTo(before + 1);
    }

    @Test
    void shouldNotTimeAKeepAliveConnectionBetweenItsRequests() throws Exception
    {
        try (RawHttp http = RawHttp.connect(harness.port()))
        {
            http.send("GET /api/v1/symbols HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(readResponse(http)).startsWith("HTTP/1.1 200");

            Thread.sleep(3L * DEADLINE_MS);

            http.send("GET /api/v1/symbols HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(http.readToEnd())).isEqualTo(200);
        }
    }

    @Test
    void shouldNotTimeAWebSocketAfterItsUpgrade() throws Exception
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT"));
        client.next("liquidation_order");

        Thread.sleep(3L * DEADLINE_MS);

        assertThat(client.ping()).isNotNull();
        client.abort();
    }

    /** One response on a kept-alive connection, read up to its Content-Length. */
    private static String readResponse(final RawHttp http) throws IOException
    {
        final InputStream in = http.input();
        final StringBuilder headers = new StringBuilder();
        while (headers.indexOf("\r\n\r\n") < 0)
        {
            headers.append((char)in.read());
        }
        final int length = Integer.parseInt(RawHttp.header(headers.toString(), "Content-Length"));
        return headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static long timeouts()
    {
        return harness.metrics.counterSet().get(GatewayMetrics.HEADER_TIMEOUTS);
    }
}
