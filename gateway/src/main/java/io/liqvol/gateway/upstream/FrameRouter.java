package io.liqvol.gateway.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sorts the frames of a combined-stream connection without decoding the liquidations: a {@code forceOrder}
 * event goes, as the bytes it arrived in, to the {@link FrameSink}; a kline event is decoded for the kline
 * listeners; an answer ({@code {"result":…,"id":N}}) goes to the connection that asked. Binance's exact layout
 * {@code {"stream":"…","data":{…}}} is recognised by a byte scan that allocates nothing; any other valid JSON
 * envelope takes a slower parse; anything else is counted as malformed and skipped, except that a frame that is not
 * JSON at all also goes to the sink, whose engine counts it as a reject. Event loop only.
 */
final class FrameRouter implements InboundRouter
{
    /** The connection that sent control requests: receives their answers. */
    interface AnswerHandler
    {
        /** @param error the exchange's error text, or null when the request succeeded */
        void onAnswer(long id, String error);

        /** The answer to the request that named the topic, for venues that echo the topic rather than an id. */
        default void onTopicAnswer(final String topic, final String error)
        {
            onAnswer(-1, error);
        }
    }

    /** Receives decoded kline events of a stream. */
    interface KlineDispatch
    {
        void onKline(String stream, KlineDecoder.KlineEvent event);
    }

    private static final byte[] STREAM_PREFIX = ascii("{\"stream\":\"");
    private static final byte[] DATA_INFIX = ascii(",\"data\":");
    private static final byte[] FORCE_ORDER_SUFFIX = ascii("@forceOrder");
    private static final byte[] ALL_FORCE_ORDERS = ascii("!forceOrder@arr");
    private static final byte[] KLINE_MARK = ascii("@kline_");
    private static final JsonFactory JSON = new JsonFactory();

    private final FrameSink sink;
    private final KlineDispatch klines;
    private final UpstreamCounters counters;
    private final FrameView view = new FrameView();

    FrameRouter(final FrameSink sink, final KlineDispatch klines, final UpstreamCounters counters)
    {
        this.sink = sink;
        this.klines = klines;
        this.counters = counters;
    }

    @Override
    public void route(final ByteBuf frame, final long receiveTimeNs, final AnswerHandler answers)
    {
        counters.increment(UpstreamCounters.FRAMES_RECEIVED);
        final int start = frame.readerIndex();
        final int end = frame.writerIndex();
        if (startsWith(frame, start, end, STREAM_PREFIX))
        {
            final int nameStart = start + STREAM_PREFIX.length;
            final int nameEnd = frame.indexOf(nameStart, end, (byte)'"');
            if (nameEnd > nameStart && startsWith(frame, nameEnd + 1, end, DATA_INFIX)
                && routeEvent(frame, nameStart, nameEnd, nameEnd + 1 + DATA_INFIX.length, end, receiveTimeNs))
            {
                return;
            }
        }
        routeSlowly(frame, start, end, receiveTimeNs, answers);
    }

    /**
     * The event is the data object between {@code dataStart} and the envelope's closing brace; false when the
     * bytes are laid out otherwise, for the slow path to judge.
     */
    private boolean routeEvent(final ByteBuf frame, final int nameStart, final int nameEnd, final int dataStart,
        final int end, final long receiveTimeNs)
    {
        final int envelopeClose = lastNonBlank(frame, dataStart, end);
        final int dataLast = envelopeClose < 0 ? -1 : lastNonBlank(frame, dataStart, envelopeClose);
        if (envelopeClose < 0 || frame.getByte(envelopeClose) != '}' || dataLast < 0
            || !isObjectOrArray(frame.getByte(dataStart), frame.getByte(dataLast)))
        {
            return false;
        }
        final int dataLength = dataLast + 1 - dataStart;
        if (endsWith(frame, nameStart, nameEnd, FORCE_ORDER_SUFFIX)
            || equalTo(frame, nameStart, nameEnd, ALL_FORCE_ORDERS))
        {
            counters.increment(UpstreamCounters.LIQUIDATION_FRAMES);
            deliver(frame, dataStart, dataLength, receiveTimeNs);
        }
        else if (contains(frame, nameStart, nameEnd, KLINE_MARK))
        {
            final byte[] bytes = copy(frame, dataStart, dataLength);
            dispatchKline(frame.toString(nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII),
                KlineDecoder.decodeEvent(bytes, 0, dataLength));
        }
        else
        {
            counters.increment(UpstreamCounters.IGNORED_FRAMES);
        }
        return true;
    }

    private void dispatchKline(final String stream, final KlineDecoder.KlineEvent event)
    {
        if (event == null)
        {
            counters.increment(UpstreamCounters.MALFORMED_FRAMES);
            return;
        }
        counters.increment(UpstreamCounters.KLINE_FRAMES);
        klines.onKline(stream, event);
    }

    /** Hands the bytes to the sink in place when Netty's buffer allows it, else through a reused copy. */
    private void deliver(final ByteBuf frame, final int index, final int length, final long receiveTimeNs)
    {
        sink.onFrame(view.wrap(frame, index, length), 0, length, receiveTimeNs);
    }

    /** Answers to control requests, and envelopes laid out differently from Binance's usual bytes. */
    private void routeSlowly(final ByteBuf frame, final int start, final int end, final long receiveTimeNs,
        final AnswerHandler answers)
    {
        final int length = end - start;
        final byte[] bytes = new byte[length];
        frame.getBytes(start, bytes);
        try (JsonParser parser = JSON.createParser(bytes))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                notJson(frame, start, length, receiveTimeNs);
                return;
            }
            if (first != JsonToken.START_OBJECT)
            {
                counters.increment(UpstreamCounters.MALFORMED_FRAMES);
                return;
            }
            String stream = null;
            int dataStart = -1;
            int dataEnd = -1;
            long id = -1;
            boolean answered = false;
            String error = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (field)
                {
                    case "stream" -> stream = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "data" ->
                    {
                        dataStart = (int)parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        dataEnd = (int)parser.currentLocation().getByteOffset();
                    }
                    case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                    case "result" ->
                    {
                        answered = true;
                        parser.skipChildren();
                    }
                    case "error" ->
                    {
                        answered = true;
                        error = errorText(parser, value);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (answered && id >= 0)
            {
                answers.onAnswer(id, error);
            }
            else if (stream != null && dataStart >= 0)
            {
                routeDecodedEnvelope(frame, start, bytes, stream, dataStart, dataEnd, receiveTimeNs);
            }
            else
            {
                counters.increment(UpstreamCounters.MALFORMED_FRAMES);
            }
        }
        catch (final IOException ex)
        {
            notJson(frame, start, length, receiveTimeNs);
        }
    }

    /**
     * A frame that is not JSON at all: counted here as malformed, and handed to the sink as it is, so that the
     * engine rejects it as {@code malformed_json} where it counts every reject (docs/API.md §1.2), just as it does
     * malformed JSON inside a well-formed envelope.
     */
    private void notJson(final ByteBuf frame, final int start, final int length, final long receiveTimeNs)
    {
        counters.increment(UpstreamCounters.MALFORMED_FRAMES);
        deliver(frame, start, length, receiveTimeNs);
    }

    private void routeDecodedEnvelope(final ByteBuf frame, final int start, final byte[] bytes, final String stream,
        final int dataStart, final int dataEnd, final long receiveTimeNs)
    {
        if (!isObjectOrArray(bytes[dataStart], bytes[dataEnd - 1]))
        {
            counters.increment(UpstreamCounters.MALFORMED_FRAMES);
        }
        else if (stream.endsWith("@forceOrder") || "!forceOrder@arr".equals(stream))
        {
            counters.increment(UpstreamCounters.LIQUIDATION_FRAMES);
            deliver(frame, start + dataStart, dataEnd - dataStart, receiveTimeNs);
        }
        else if (stream.contains("@kline_"))
        {
            dispatchKline(stream, KlineDecoder.decodeEvent(bytes, dataStart, dataEnd - dataStart));
        }
        else
        {
            counters.increment(UpstreamCounters.IGNORED_FRAMES);
        }
    }

    /** The engine takes one event or a small array of them; the all-market stream may batch. */
    private static boolean isObjectOrArray(final byte first, final byte last)
    {
        return first == '{' && last == '}' || first == '[' && last == ']';
    }

    private static String errorText(final JsonParser parser, final JsonToken value) throws IOException
    {
        if (value != JsonToken.START_OBJECT)
        {
            parser.skipChildren();
            return "error";
        }
        final StringBuilder text = new StringBuilder();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = parser.currentName();
            parser.nextToken();
            if ("code".equals(field) || "msg".equals(field))
            {
                text.append(text.length() == 0 ? "" : " ").append(field).append('=').append(parser.getText());
            }
            parser.skipChildren();
        }
        return text.length() == 0 ? "error" : text.toString();
    }

    private byte[] copy(final ByteBuf frame, final int index, final int length)
    {
        return view.copy(frame, index, length);
    }

    private static int lastNonBlank(final ByteBuf frame, final int from, final int to)
    {
        for (int i = to - 1; i >= from; i--)
        {
            final byte b = frame.getByte(i);
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(final ByteBuf frame, final int from, final int to, final byte[] prefix)
    {
        return FrameView.startsWith(frame, from, to, prefix);
    }

    private static boolean endsWith(final ByteBuf frame, final int from, final int to, final byte[] suffix)
    {
        return to - from >= suffix.length && regionMatches(frame, to - suffix.length, suffix);
    }

    private static boolean equalTo(final ByteBuf frame, final int from, final int to, final byte[] value)
    {
        return to - from == value.length && regionMatches(frame, from, value);
    }

    private static boolean contains(final ByteBuf frame, final int from, final int to, final byte[] part)
    {
        for (int i = from; i + part.length <= to; i++)
        {
            if (regionMatches(frame, i, part))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(final ByteBuf frame, final int index, final byte[] bytes)
    {
        return FrameView.regionMatches(frame, index, bytes);
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
