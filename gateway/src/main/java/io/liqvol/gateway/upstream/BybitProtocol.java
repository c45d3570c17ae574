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
 * Bybit v5 public linear streams (bybit-exchange.github.io/docs/v5/ws/connect, …/websocket/public/all-liquidation):
 * {@code {"req_id":"7","op":"subscribe","args":[…]}} answered by {@code {"success":…,"ret_msg":…,"req_id":"7",
 * "op":"subscribe"}}; {@code {"op":"ping"}} every 20 s answered with {@code "op":"ping"} (or {@code "pong"});
 * {@code allLiquidation.{symbol}} pushes every liquidation in 500 ms batches. Symbols from
 * {@code /v5/market/instruments-info?category=linear}, paged by {@code nextPageCursor}.
 */
final class BybitProtocol implements VenueProtocol
{
    static final String TOPIC_PREFIX = "allLiquidation.";
    private static final byte[] PUSH_PREFIX =
        ("{\"topic\":\"" + TOPIC_PREFIX).getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PAGES = 50;

    @Override
    public Venue venue()
    {
        return Venue.BYBIT;
    }

    @Override
    public URI endpoint(final String wsBaseUrl)
    {
        return URI.create(wsBaseUrl);
    }

    @Override
    public String request(final long id, final boolean subscribe, final List<String> topics)
    {
        final StringBuilder json = new StringBuilder(64 + topics.size() * 32)
            .append("{\"req_id\":\"").append(id).append("\",\"op\":\"")
            .append(subscribe ? "subscribe" : "unsubscribe").append("\",\"args\":");
        VenueJson.appendStrings(json, topics);
        return json.append('}').toString();
    }

    @Override
    public WebSocketFrame ping()
    {
        return new TextWebSocketFrame("{\"op\":\"ping\"}");
    }

    @Override
    public boolean pingWhenIdle()
    {
        return false;
    }

    @Override
    public byte[] liquidationPrefix()
    {
        return PUSH_PREFIX;
    }

    @Override
    public FrameKind classify(final byte[] bytes, final int length, final FrameRouter.AnswerHandler answers)
    {
        final Map<String, Object> frame;
        try
        {
            frame = JsonTree.object(JsonTree.read(bytes, length));
        }
        catch (final IOException ex)
        {
            return FrameKind.MALFORMED;
        }
        final String topic = JsonTree.text(frame, "topic");
        final String op = JsonTree.text(frame, "op");
        if (topic != null && topic.startsWith(TOPIC_PREFIX) && frame.get("data") instanceof List)
        {
            return FrameKind.LIQUIDATION;
        }
        if ("ping".equals(op) || "pong".equals(op))
        {
            return FrameKind.PONG;
        }
        if ("subscribe".equals(op) || "unsubscribe".equals(op))
        {
            final boolean success = "true".equals(JsonTree.text(frame, "success"));
            final String error = success ? null : "ret_msg=" + JsonTree.text(frame, "ret_msg");
            final String requestId = JsonTree.text(frame, "req_id");
            if (requestId != null && requestId.matches("[0-9]{1,18}"))
            {
                answers.onAnswer(Long.parseLong(requestId), error);
                return FrameKind.ANSWER;
            }
            return success ? FrameKind.IGNORED : FrameKind.ERROR;
        }
        return frame.isEmpty() ? FrameKind.MALFORMED : FrameKind.IGNORED;
    }

    @Override
    public long lossWindowMs()
    {
        return 500;
    }

    @Override
    public CompletableFuture<List<VenueInstrument>> instruments(final RestGet rest)
    {
        return page(rest, "", new ArrayList<>(), 1);
    }

    @Override
    public List<String> topics(final List<VenueInstrument> instruments)
    {
        final List<String> topics = new ArrayList<>(instruments.size());
        for (final VenueInstrument instrument : instruments)
        {
            topics.add(TOPIC_PREFIX + instrument.venueSymbol());
        }
        return topics;
    }

    private CompletableFuture<List<VenueInstrument>> page(final RestGet rest, final String cursor,
        final List<VenueInstrument> into, final int pageNumber)
    {
        final QueryStringEncoder query = new QueryStringEncoder(rest.path("/v5/market/instruments-info"));
        query.addParam("category", "linear");
        query.addParam("limit", "1000");
        if (!cursor.isEmpty())
        {
            query.addParam("cursor", cursor);
        }
        return rest.get(query.toString()).thenCompose(body ->
        {
            final String next = readInstruments(body, into);
            return next.isEmpty() || pageNumber >= MAX_PAGES
                ? CompletableFuture.completedFuture(List.copyOf(into))
                : page(rest, next, into, pageNumber + 1);
        });
    }

    /** Adds the page's trading USDT linear perpetuals; the cursor of the next page, empty after the last. */
    static String readInstruments(final byte[] body, final List<VenueInstrument> into)
    {
        final Map<String, Object> answer;
        try
        {
            answer = JsonTree.object(JsonTree.read(body, body.length));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("Bybit instruments-info is not JSON", ex);
        }
        if (!"0".equals(JsonTree.text(answer, "retCode")))
        {
            throw new IllegalStateException("Bybit instruments-info refused: " + JsonTree.text(answer, "retMsg"));
        }
        final Map<String, Object> result = JsonTree.object(answer.get("result"));
        for (final Object entry : JsonTree.array(result.get("list")))
        {
            final Map<String, Object> instrument = JsonTree.object(entry);
            final String symbol = JsonTree.text(instrument, "symbol");
            if (symbol != null && symbol.matches("[A-Z0-9]{1,32}")
                && "LinearPerpetual".equals(JsonTree.text(instrument, "contractType"))
                && "Trading".equals(JsonTree.text(instrument, "status"))
                && "USDT".equals(JsonTree.text(instrument, "quoteCoin")))
            {
                into.add(new VenueInstrument(symbol, symbol, VenueInstrument.BASE_QUANTITY_E8));
            }
        }
        final String next = JsonTree.text(result, "nextPageCursor");
        return next == null ? "" : next;
    }
}
