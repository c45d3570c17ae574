package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol edges every stream shares (docs/API.md §3.5), on both streams over real sockets. */
class StreamHandlerTest
{
    private static final String LIQUIDATIONS = "/api/v1/ws/liquidations/BTCUSDT";
    private static final String KLINES = "/api/v1/ws/klines/BTCUSDT?timeframe=1m";
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
    void shouldReassembleAMessageSentInFragments()
    {
        for (final String path : new String[] {LIQUIDATIONS, KLINES})
        {
            final TestWebSocket client = connect(path);

            client.sendFrame(new TextWebSocketFrame(false, 0, "{\"type\":"));
            client.sendFrame(new ContinuationWebSocketFrame(false, 0, "\"pi"));
            client.sendFrame(new ContinuationWebSocketFrame(true, 0, "ng\"}"));

            assertThat(client.next("pong")).isEqualTo(Map.of("type", "pong"));
            client.abort();
        }
    }

    @Test
    void shouldClose1009WhenTheFragmentsOfAMessageAddUpToMoreThanAFrameMayCarry()
    {
        final int halfBytes = new ServerConfig().maxClientFrameBytes() / 2 + 1;
        final TestWebSocket client = connect(LIQUIDATIONS);

        client.sendFrame(new TextWebSocketFrame(false, 0, "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(halfBytes)));
        client.sendFrame(new ContinuationWebSocketFrame(true, 0, "x".repeat(halfBytes) + "\"}"));

        assertThat(client.awaitClose().status()).isEqualTo(1009);
    }

    @Test
    void shouldAnswerABinaryMessageWithAnErrorAndStayOpen()
    {
        for (final String path : new String[] {LIQUIDATIONS, KLINES})
        {
            final TestWebSocket client = connect(path);

            client.sendFrame(new BinaryWebSocketFrame(
                Unpooled.copiedBuffer("{\"type\":\"ping\"}", StandardCharsets.UTF_8)));

            assertThat(client.next("error")).containsEntry("code", "invalid_message");
            assertThat(client.ping()).isNotNull();
            client.abort();
        }
    }

    @Test
    void shouldAnswerACloseWithAnInvalidCodeWith1002()
    {
        for (final int invalidCode : new int[] {999, 1005, 1006, 1015, 2000, 5000})
        {
            final TestWebSocket client = connect(LIQUIDATIONS);

            client.sendFrame(new CloseWebSocketFrame(true, 0, Unpooled.buffer(2).writeShort(invalidCode)));

            assertThat(client.awaitClose().status()).as("close code %d", invalidCode).isEqualTo(1002);
        }
    }

    @Test
    void shouldEchoAValidCloseCode()
    {
        final TestWebSocket client = connect(LIQUIDATIONS);

        client.sendFrame(new CloseWebSocketFrame(true, 0, Unpooled.buffer(2).writeShort(4000)));

        assertThat(client.awaitClose().status()).isEqualTo(4000);
    }

    @Test
    void shouldAnswerTextThatIsNotUtf8With1007()
    {
        final TestWebSocket client = connect(LIQUIDATIONS);

        client.sendFrame(new TextWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {'{', (byte)0xc3, '}'})));

        assertThat(client.awaitClose().status()).isEqualTo(1007);
    }

    /** Connected, and past the liquidations stream's snapshot (the candles stream sends nothing first). */
    private static TestWebSocket connect(final String path)
    {
        final TestWebSocket client = TestWebSocket.connect(harness.ws(path));
        if (path.equals(LIQUIDATIONS))
        {
            client.next("liquidation_order");
        }
        return client;
    }
}
