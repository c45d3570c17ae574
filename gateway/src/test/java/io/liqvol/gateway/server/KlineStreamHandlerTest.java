package io.liqvol.gateway.server;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KlineStreamHandlerTest
{
    private static final String STREAM = "btcusdt@kline_1m";
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig());
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        harness.close();
    }

    @Test
    void shouldRelayLiveCandlesThroughOneSharedUpstreamStream() throws InterruptedException
    {
        final TestWebSocket first = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/BTCUSDT?timeframe=1m"));
        final TestWebSocket second = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/btcusdt?timeframe=1m"));

        for (final TestWebSocket client : new TestWebSocket[] {first, second})
        {
            final Map<String, Object> kline = client.next("kline");
            assertThat(kline).containsEntry("symbol", "BTCUSDT").containsEntry("timeframe", "1m");
            @SuppressWarnings("unchecked")
            final Map<String, Object> data = (Map<String, Object>)kline.get("data");
            assertThat(data).containsOnlyKeys("time", "open", "high", "low", "close", "volume", "closed");
            assertThat((Long)data.get("time") * 1000)
                .isEqualTo(Timeframe.M1.alignDownMs((Long)data.get("time") * 1000));
            assertThat((String)data.get("close")).matches("\\d+(\\.\\d+)?");
        }
        awaitSubscribers(1);

        first.abort();
        second.abort();
        awaitSubscribers(0);
    }

    @Test
    void shouldRelayACustomTimeframesCandlesBuiltFromItsBaseStream() throws InterruptedException
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/BTCUSDT?timeframe=20m"));

        final Map<String, Object> kline = client.next("kline");
        assertThat(kline).containsEntry("symbol", "BTCUSDT").containsEntry("timeframe", "20m");
        @SuppressWarnings("unchecked")
        final Map<String, Object> data = (Map<String, Object>)kline.get("data");
        assertThat((Long)data.get("time") * 1000 % 1_200_000L).isZero();
        assertThat((Long)data.get("time") * 1000).isLessThanOrEqualTo(System.currentTimeMillis());
        assertThat(data).containsEntry("closed", false);
        awaitSubscribers("btcusdt@kline_5m", 1);

        client.abort();
        awaitSubscribers("btcusdt@kline_5m", 0);
    }

    @Test
    void shouldRefuseAMissingOrUnknownTimeframeAndAnUnknownSymbol()
    {
        assertRefused("/api/v1/ws/klines/BTCUSDT", "invalid_timeframe");
        assertRefused("/api/v1/ws/klines/BTCUSDT?timeframe=25h", "invalid_timeframe");
        assertRefused("/api/v1/ws/klines/NOPEUSDT?timeframe=1m", "unknown_symbol");
    }

    @Test
    void shouldAnswerARangeRequestWithAnErrorAndStayOpen()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/ETHUSDT?timeframe=5m"));

        client.send("{\"type\":\"range\",\"start\":60000,\"end\":180000}");

        assertThat(client.next("error")).containsEntry("code", "invalid_message");
        assertThat(client.ping()).isEqualTo(Map.of("type", "pong"));
        client.abort();
    }

    @Test
    void shouldAnswerPing()
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/ETHUSDT?timeframe=5m"));
        client.send("{\"type\":\"ping\"}");
        assertThat(client.next("pong")).isEqualTo(Map.of("type", "pong"));
        client.abort();
    }

    private static void assertRefused(final String path, final String code)
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws(path));
        assertThat(client.next()).containsEntry("type", "error").containsEntry("code", code);
        assertThat(client.awaitClose().status()).isEqualTo(1008);
    }

    private static void awaitSubscribers(final int count) throws InterruptedException
    {
        awaitSubscribers(STREAM, count);
    }

    private static void awaitSubscribers(final String stream, final int count) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 15_000;
        while (harness.simulator.subscriberCount(stream) != count)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the simulator has " + harness.simulator.subscriberCount(stream)
                    + " subscribers of " + stream + ", expected " + count);
            }
            Thread.sleep(20);
        }
    }
}
