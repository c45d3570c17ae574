package io.liqvol.gateway.upstream;

import io.liqvol.gateway.testing.RecordingFrameSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameRouterTest
{
    private static final String EVENT = "{\"e\":\"forceOrder\",\"E\":1568014460893,\"o\":{\"s\":\"BTCUSDT\","
        + "\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.014\",\"p\":\"9910\",\"ap\":\"9910\","
        + "\"X\":\"FILLED\",\"l\":\"0.014\",\"z\":\"0.014\",\"T\":1568014460893}}";
    private static final String KLINE = "{\"e\":\"kline\",\"E\":1700000001000,\"s\":\"BTCUSDT\","
        + "\"k\":{\"t\":1700000000000,\"T\":1700000059999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"o\":\"50000.10\","
        + "\"c\":\"50010.00\",\"h\":\"50020.00\",\"l\":\"49990.00\",\"v\":\"12.345\",\"x\":false}}";

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final List<String> klines = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private final UpstreamCounters counters = new UpstreamCounters();
    private final FrameRouter router = new FrameRouter(sink,
        (stream, event) -> klines.add(stream + ' ' + event.symbol() + ' ' + event.interval() + ' ' + event.kline()),
        counters);

    @Test
    void shouldHandTheForceOrderEventToTheSinkAsItsOwnBytesFromHeapDirectAndCompositeBuffers()
    {
        final String frame = "{\"stream\":\"btcusdt@forceOrder\",\"data\":" + EVENT + "}";
        route(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8));
        final ByteBuf direct = Unpooled.directBuffer();
        direct.writeBytes(frame.getBytes(StandardCharsets.UTF_8));
        route(direct);
        final CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponents(true, Unpooled.copiedBuffer(frame.substring(0, 40), StandardCharsets.UTF_8),
            Unpooled.copiedBuffer(frame.substring(40), StandardCharsets.UTF_8));
        route(composite);

        assertThat(sink.frames()).containsExactly(EVENT, EVENT, EVENT);
        assertThat(counters.liquidationFrames()).isEqualTo(3);
        assertThat(counters.malformedFrames()).isZero();
    }

    @Test
    void shouldRouteTheAllMarketStreamAndRespectTheBuffersReaderIndex()
    {
        final ByteBuf buffer = Unpooled.copiedBuffer("garbage{\"stream\":\"!forceOrder@arr\",\"data\":" + EVENT + "}\n",
            StandardCharsets.UTF_8);
        buffer.readerIndex("garbage".length());

        route(buffer);

        assertThat(sink.frames()).containsExactly(EVENT);
    }

    @Test
    void shouldPassABatchOfEventsOnTheAllMarketStreamAsOneFrame()
    {
        final String batch = "[" + EVENT + "," + EVENT + "]";
        route("{\"stream\":\"!forceOrder@arr\",\"data\":" + batch + "}");
        route("{\"data\":" + batch + ",\"stream\":\"!forceOrder@arr\"}");

        assertThat(sink.frames()).containsExactly(batch, batch);
    }

    @Test
    void shouldAcceptEnvelopesLaidOutDifferentlyThroughTheSlowPath()
    {
        route("{ \"data\" : " + EVENT + " , \"stream\" : \"ethusdt@forceOrder\" }");

        assertThat(sink.frames()).containsExactly(EVENT);
        assertThat(counters.malformedFrames()).isZero();
    }

    @Test
    void shouldDecodeKlineEventsForTheirStream()
    {
        route("{\"stream\":\"btcusdt@kline_1m\",\"data\":" + KLINE + "}");

        assertThat(klines).containsExactly("btcusdt@kline_1m BTCUSDT 1m "
            + new Kline(1_700_000_000_000L, "50000.10", "50020.00", "49990.00", "50010.00", "12.345", false));
        assertThat(sink.frames()).isEmpty();
    }

    @Test
    void shouldHandAnswersToTheConnectionThatAsked()
    {
        route("{\"result\":null,\"id\":7}");
        route("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":8}");
        route("{\"id\":9,\"result\":[\"btcusdt@forceOrder\"]}");

        assertThat(answers).containsExactly("7 null", "8 code=2 msg=Invalid request", "9 null");
        assertThat(counters.framesReceived()).isEqualTo(3);
    }

    @Test
    void shouldCountAndSkipWhatIsNotAnEventOrAnAnswer()
    {
        route("");
        route("not json");
        route("[1,2]");
        route("{\"stream\":\"btcusdt@forceOrder\",\"data\":\"text\"}");
        route("{\"stream\":\"btcusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\"");
        route("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{}}}");
        route("{\"something\":1}");
        route("{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\"}}");

        assertThat(counters.malformedFrames()).isEqualTo(7);
        assertThat(counters.ignoredFrames()).isEqualTo(1);
        assertThat(counters.framesReceived()).isEqualTo(8);
        // what is not JSON at all goes to the engine, which counts it as malformed_json
        assertThat(sink.frames()).containsExactly("", "not json",
            "{\"stream\":\"btcusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\"");
        assertThat(klines).isEmpty();
        assertThat(answers).isEmpty();
    }

    private void route(final String frame)
    {
        route(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8));
    }

    private void route(final ByteBuf frame)
    {
        try
        {
            router.route(frame, System.nanoTime(), (id, error) -> answers.add(id + " " + error));
        }
        finally
        {
            frame.release();
        }
    }
}
