package io.liqvol.gateway.upstream;

import io.liqvol.engine.Venue;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * OKX v5 public WebSocket (okx.com/docs-v5 "WebSocket API connect", "Liquidation orders channel"): one
 * {@code liquidation-orders} subscription per {@code instType}, acknowledged with {@code {"event":"subscribe",
 * "arg":{…}}}; the text {@code ping} once nothing arrived for a while, answered {@code pong} (the venue cuts a
 * connection silent for 30 s); pushes {@code {"arg":{…},"data":[{"instId":…,"details":[…]}]}} with sizes in
 * contracts, converted with {@code ctVal} of {@code /api/v5/public/instruments?instType=SWAP}.
 */
final class OkxProtocol implements VenueProtocol
{
    static final String CHANNEL = "liquidation-orders";
    static final String SWAP_TOPIC = CHANNEL + ":SWAP";
    private static final byte[] PUSH_PREFIX = ("{\"arg\":{\"channel\":\"" + CHANNEL + "\",\"instType\":\"SWAP\"},"
        + "\"data\":").getBytes(StandardCharsets.US_ASCII);

    @Override
    public Venue venue()
    {
        return Venue.OKX;
    }

    @Override
    public URI endpoint(final String wsBaseUrl)
    {
        return URI.create(wsBaseUrl);
    }

    /** Topics are {@code channel:instType}; OKX echoes the arg, not an id, so answers are matched by topic. */
    @Override
    public String request(final long id, final boolean subscribe, final List<String> topics)
    {
        final StringBuilder json = new StringBuilder(64 + topics.size() * 48)
            .append("{\"op\":\"").append(subscribe ? "subscribe" : "unsubscribe").append("\",\"args\":[");
        for (int i = 0; i < topics.size(); i++)
        {
            final String topic = topics.get(i);
            final int colon = topic.indexOf(':');
            json.append(i == 0 ? "" : ",").append("{\"channel\":\"").append(topic, 0, colon)
                .append("\",\"instType\":\"").append(topic, colon + 1, topic.length()).append("\"}");
        }
        return json.append("]}").toString();
    }

    @Override
    public WebSocketFrame ping()
    {
        return new TextWebSocketFrame("ping");
    }

    @Override
    public boolean pingWhenIdle()
    {
        return true;
    }

    @Override
    public byte[] liquidationPrefix()
    {
        return PUSH_PREFIX;
    }

    @Override
    public FrameKind classify(final byte[] bytes, final int length, final FrameRouter.AnswerHandler answers)
    {
        if (length == 4 && new String(bytes, 0, length, StandardCharsets.US_ASCII).equals("pong"))
        {
            return FrameKind.PONG;
        }
        final Map<String, Object> frame;
        try
        {
            frame = JsonTree.object(JsonTree.read(bytes, length));
        }
        catch (final IOException ex)
        {
            return FrameKind.MALFORMED;
        }
        final String event = JsonTree.text(frame, "event");
        final Map<String, Object> arg = JsonTree.object(frame.get("arg"));
        final String topic = arg.isEmpty() ? null
            : JsonTree.text(arg, "channel") + ':' + JsonTree.text(arg, "instType");
        if (event == null)
        {
            return CHANNEL.equals(JsonTree.text(arg, "channel")) && frame.get("data") instanceof List
                ? FrameKind.LIQUIDATION
                : frame.isEmpty() ? FrameKind.MALFORMED : FrameKind.IGNORED;
        }
        final String error = "error".equals(event)
            ? "code=" + JsonTree.text(frame, "code") + " msg=" + JsonTree.text(frame, "msg")
            : null;
        if (topic != null && ("subscribe".equals(event) || "unsubscribe".equals(event) || error != null))
        {
            answers.onTopicAnswer(topic, error);
            return FrameKind.ANSWER;
        }
        return error != null ? FrameKind.ERROR : FrameKind.IGNORED;
    }

    @Override
    public long lossWindowMs()
    {
        return 1000;
    }

    @Override
    public CompletableFuture<List<VenueInstrument>> instruments(final RestGet rest)
    {
        final QueryStringEncoder query = new QueryStringEncoder(rest.path("/api/v5/public/instruments"));
        query.addParam("instType", "SWAP");
        return rest.get(query.toString()).thenApply(OkxProtocol::readInstruments);
    }

    @Override
    public List<String> topics(final List<VenueInstrument> instruments)
    {
        return List.of(SWAP_TOPIC);
    }

    /**
     * The live USDT-margined linear swaps whose contract value is in their base currency: {@code BTC-USDT-SWAP}
     * is {@code BTCUSDT}, its {@code ctVal} exact in E8. An instrument whose {@code ctVal} has more than 8
     * fraction digits is left out (logged), never rounded.
     */
    static List<VenueInstrument> readInstruments(final byte[] body)
    {
        final Map<String, Object> answer;
        try
        {
            answer = JsonTree.object(JsonTree.read(body, body.length));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("OKX instruments is not JSON", ex);
        }
        if (!"0".equals(JsonTree.text(answer, "code")))
        {
            throw new IllegalStateException("OKX instruments refused: " + JsonTree.text(answer, "msg"));
        }
        final List<VenueInstrument> instruments = new ArrayList<>();
        for (final Object entry : JsonTree.array(answer.get("data")))
        {
            final VenueInstrument instrument = linearSwap(JsonTree.object(entry));
            if (instrument != null)
            {
                instruments.add(instrument);
            }
        }
        return List.copyOf(instruments);
    }

    private static VenueInstrument linearSwap(final Map<String, Object> instrument)
    {
        final String instId = JsonTree.text(instrument, "instId");
        final String[] parts = instId == null ? new String[0] : instId.split("-");
        if (parts.length != 3 || !"USDT".equals(parts[1]) || !"SWAP".equals(parts[2])
            || !parts[0].matches("[A-Z0-9]{1,24}")
            || !"SWAP".equals(JsonTree.text(instrument, "instType"))
            || !"linear".equals(JsonTree.text(instrument, "ctType"))
            || !"USDT".equals(JsonTree.text(instrument, "settleCcy"))
            || !"live".equals(JsonTree.text(instrument, "state"))
            || !parts[0].equals(JsonTree.text(instrument, "ctValCcy")))
        {
            return null;
        }
        try
        {
            final long contractSizeE8 = VenueInstrument.e8(JsonTree.text(instrument, "ctVal"));
            return contractSizeE8 > 0 ? new VenueInstrument(instId, parts[0] + "USDT", contractSizeE8) : null;
        }
        catch (final ArithmeticException | NumberFormatException | NullPointerException ex)
        {
            System.getLogger(OkxProtocol.class.getName()).log(System.Logger.Level.WARNING,
                "OKX {0}: ctVal {1} is not exact in 8 decimals, left out", instId, instrument.get("ctVal"));
            return null;
        }
    }
}
