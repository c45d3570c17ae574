package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.StalledRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed REST answers over real sockets: the same bytes as a whole encoding, bounded memory, a client that goes. */
class StreamedAnswerTest
{
    private static final long E8 = 100_000_000L;
    private static final long START_MS = Timeframe.M1.alignDownMs(1_690_000_000_000L);
    private static final int MINUTES = 20_000;
    /** What a stalled answer may queue: the chunks in flight, each at most a chunk and the piece that filled it. */
    private static final long QUEUE_BOUND = StreamedAnswer.MAX_CHUNKS_IN_FLIGHT * 2L * StreamedAnswer.CHUNK_BYTES;
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000).socketSendBufferBytes(8192));
        final Random random = new Random(7);
        for (int i = 0; i < 3_000; i++)
        {
            harness.liquidate("ADAUSDT", random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(100) * E8,
                E8 / 3 + random.nextInt(1_000_000), START_MS + (long)random.nextInt(MINUTES) * 60_000L + i % 60_000);
        }
        Await.until("recorded", () -> harness.engine.volume("ADAUSDT", Timeframe.D1, START_MS,
            START_MS + MINUTES * 60_000L).stream().mapToLong(bucket -> bucket.count()).sum() == 3_000);
    }

    @AfterAll
    static void stop()
    {
        harness.close();
    }

    @Test
    void shouldStreamExactlyTheBytesOfTheWholeEncodingForRandomRanges() throws Exception
    {
        final Random random = new Random(11);
        try (Socket socket = new Socket("127.0.0.1", harness.port()))
        {
            for (int i = 0; i < 30; i++)
            {
                final Timeframe timeframe = i % 3 == 0 ? Timeframe.M1 : i % 3 == 1 ? Timeframe.M3 : Timeframe.H1;
                final long startMs = START_MS + random.nextInt(MINUTES) * 60_000L + random.nextInt(60_000);
                final long endMs = Math.min(startMs + 1 + random.nextInt(5_000) * timeframe.sizeMs(),
                    startMs + 4_000 * 60_000L);
                final OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/liquidation-volume/ADAUSDT/" + timeframe.code() + "?start=" + startMs
                    + "&end=" + endMs + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

                final byte[] streamed = RawHttp.readBody(socket.getInputStream());

                assertThat(new String(streamed, StandardCharsets.UTF_8)).as(timeframe + " " + startMs + " " + endMs)
                    .isEqualTo(wholeEncoding(timeframe, startMs, endMs));
            }
        }
    }

    @Test
    void shouldHoldAtMostAFewChunksForAClientThatDoesNotReadAndGiveThePriceBackWhenItGoes() throws Exception
    {
        final String range = "/api/v1/liquidation-volume/ADAUSDT/1m?start=" + START_MS + "&end="
            + (START_MS + 5_000 * 60_000L);
        try (StalledRequest stalled = StalledRequest.send(5, harness.port(), range))
        {
            Await.until("the answer under way", () -> harness.metrics.answerBytesQueued() > 0);
            for (int i = 0; i < 200; i++)
            {
                assertThat(harness.metrics.answerBytesQueued()).isBetween(0L, QUEUE_BOUND);
                assertThat(held()).isEqualTo(5_000);
                Thread.onSpinWait();
            }
            final byte[] body = stalled.readBody();
            assertThat(body.length).isGreaterThan(1_000_000);
            assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(wholeEncoding(Timeframe.M1, START_MS, START_MS + 5_000 * 60_000L));
        }
        Await.until("the price given back", () -> held() == 0);
        final StalledRequest leaving = StalledRequest.send(6, harness.port(), range);
        Await.until("the answer under way", () -> harness.metrics.answerBytesQueued() > 0);
        leaving.close();
        Await.until("the price of an answer whose client went away given back",
            () -> held() == 0 && harness.metrics.answerBytesQueued() == 0);
    }

    @Test
    void shouldAnswerAStreamedHeadWithTheHeadersOfItsGetAndNoBody() throws Exception
    {
        final String range = "/api/v1/liquidation-volume/ADAUSDT/1m?start=" + START_MS + "&end="
            + (START_MS + 3_000 * 60_000L);

        final String get = RawHttp.exchange(harness.port(), "GET", range, "");
        final String head = RawHttp.exchange(harness.port(), "HEAD", range, "");

        assertThat(RawHttp.header(get, "Transfer-Encoding")).isEqualTo("chunked");
        assertThat(RawHttp.header(head, "Transfer-Encoding")).isEqualTo("chunked");
        assertThat(RawHttp.header(head, "Content-Type")).isEqualTo(RawHttp.header(get, "Content-Type"));
        assertThat(RawHttp.body(head)).isEmpty();
        Await.until("every price given back", () -> held() == 0);
    }

    private static long held()
    {
        return harness.metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD);
    }

    /** The answer as it was encoded before it was streamed: the whole range at once, into one buffer. */
    private static String wholeEncoding(final Timeframe timeframe, final long startMs, final long endMs)
    {
        final MessageWriter writer = MessageWriter.plain();
        final Coverage coverage = Coverage.of(harness.engine.recordingSinceMs(), harness.engine.gaps());
        final ByteBuf whole = writer.encode(UnpooledByteBufAllocator.DEFAULT, json ->
        {
            json.writeStartObject();
            json.writeStringField("symbol", "ADAUSDT");
            json.writeStringField("timeframe", timeframe.code());
            json.writeNumberField("start_time", startMs);
            json.writeNumberField("end_time", endMs);
            json.writeFieldName("data");
            writer.bucketArray(harness.engine.volume("ADAUSDT", timeframe, startMs, endMs), timeframe, coverage,
                System.currentTimeMillis());
            json.writeEndObject();
        });
        try
        {
            return new String(ByteBufUtil.getBytes(whole), StandardCharsets.UTF_8);
        }
        finally
        {
            whole.release();
        }
    }
}
