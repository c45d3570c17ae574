package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads any frame with one reused non-blocking jackson parser into an {@link OrderValidator} and a
 * {@link PendingBatch}: the raw {@code forceOrder} event, the combined-stream wrapper
 * {@code {"stream":…,"data":…}}, arrays of events, acks and other events, and anything malformed. Reading a
 * valid frame allocates nothing; a malformed frame costs a fresh parser. Decode thread only.
 */
final class JacksonFrameParser
{
    private static final byte BOM_FIRST_BYTE = (byte)0xEF;

    private final JsonFactory jsonFactory = new JsonFactory();
    private final OrderValidator order;
    private final PendingBatch batch;
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean truncated;
    /** The current value's text as ASCII bytes, for the field readers. */
    private byte[] text = new byte[64];

    JacksonFrameParser(final OrderValidator order, final PendingBatch batch)
    {
        this.order = order;
        this.batch = batch;
        resetParser();
    }

    /**
     * False if the frame is not one complete JSON value; the batch then holds a part of it, to be discarded. A
     * byte-order mark is refused: the parser would take it only as the first bytes it ever reads, so its verdict
     * would depend on the frames before.
     */
    boolean parse(final byte[] frame, final int length)
    {
        truncated = false;
        if (length > 0 && frame[0] != BOM_FIRST_BYTE && parseFrame(frame, length)
            && onlyWhitespaceAfterRoot(frame, length))
        {
            return true;
        }
        resetParser();
        return false;
    }

    private boolean parseFrame(final byte[] frame, final int length)
    {
        try
        {
            feeder.feedInput(frame, 0, length);
            final JsonToken root = next();
            final boolean complete;
            if (root == JsonToken.START_OBJECT)
            {
                complete = parseObject(0);
            }
            else if (root == JsonToken.START_ARRAY)
            {
                complete = parseEventArray(0);
            }
            else
            {
                return false;
            }
            return complete && parser.nextToken() == JsonToken.NOT_AVAILABLE;
        }
        catch (final IOException | RuntimeException ex)
        {
            return false;
        }
    }

    private boolean parseEventArray(final int depth) throws IOException
    {
        while (true)
        {
            final JsonToken token = next();
            if (token == JsonToken.END_ARRAY)
            {
                return true;
            }
            if (token == JsonToken.START_OBJECT)
            {
                if (!parseObject(depth + 1))
                {
                    return false;
                }
            }
            else if (truncated || !skipValue(token))
            {
                return false;
            }
            else
            {
                batch.ignore();
            }
        }
    }

    /** Reads an object whose START_OBJECT was consumed: an event, a combined-stream wrapper or an ack. */
    private boolean parseObject(final int depth) throws IOException
    {
        boolean forceOrder = false;
        boolean otherEvent = false;
        boolean wrapped = false;
        long eventTimeMs = FieldValues.ABSENT;
        order.beginEvent();
        while (true)
        {
            final JsonToken value = nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                break;
            }
            switch (parser.currentName())
            {
                case "e":
                    forceOrder = value == JsonToken.VALUE_STRING
                        && FieldValues.textEquals(valueText(), 0, parser.getTextLength(), "forceOrder");
                    otherEvent = !forceOrder;
                    break;
                case "E":
                    eventTimeMs = FieldValues.millis(typeOf(value), valueText(), 0, parser.getTextLength());
                    skipValue(value);
                    break;
                case "o":
                    if (value != JsonToken.START_OBJECT || !parseOrder())
                    {
                        return false;
                    }
                    break;
                case "data":
                    if (depth >= FrameDecoder.MAX_WRAPPER_DEPTH || !parseData(value, depth))
                    {
                        return false;
                    }
                    wrapped = true;
                    break;
                default:
                    if (!skipValue(value))
                    {
                        return false;
                    }
            }
        }
        batch.endObject(forceOrder, order, eventTimeMs, otherEvent || !wrapped);
        return true;
    }

    private boolean parseData(final JsonToken value, final int depth) throws IOException
    {
        if (value == JsonToken.START_OBJECT)
        {
            return parseObject(depth + 1);
        }
        if (value == JsonToken.START_ARRAY)
        {
            return parseEventArray(depth + 1);
        }
        return skipValue(value);
    }

    private boolean parseOrder() throws IOException
    {
        order.beginOrder();
        while (true)
        {
            final JsonToken value = nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                return true;
            }
            final int type = typeOf(value);
            final byte[] text = valueText();
            final int length = parser.getTextLength();
            switch (parser.currentName())
            {
                case "s":
                    order.symbol(type, text, 0, length);
                    break;
                case "S":
                    order.side(type, text, 0, length);
                    break;
                case "q":
                    order.quantity(type, text, 0, length);
                    skipValue(value);
                    break;
                case "z":
                    order.filledQuantity(type, text, 0, length);
                    skipValue(value);
                    break;
                case "p":
                    order.price(type, text, 0, length);
                    skipValue(value);
                    break;
                case "ap":
                    order.averagePrice(type, text, 0, length);
                    skipValue(value);
                    break;
                case "T":
                    order.tradeTime(type, text, 0, length);
                    skipValue(value);
                    break;
                default:
                    if (!skipValue(value))
                    {
                        return false;
                    }
            }
        }
    }

    /** The current token's text as ASCII bytes at offset 0, as long as {@code parser.getTextLength()}. */
    private byte[] valueText() throws IOException
    {
        final int length = parser.getTextLength();
        if (text.length < length)
        {
            text = new byte[Math.max(length, text.length * 2)];
        }
        AsciiText.copy(parser.getTextCharacters(), parser.getTextOffset(), length, text);
        return text;
    }

    private static int typeOf(final JsonToken value)
    {
        switch (value)
        {
            case VALUE_STRING:
                return ValueType.STRING;
            case VALUE_NUMBER_INT:
                return ValueType.INTEGER;
            case VALUE_NUMBER_FLOAT:
                return ValueType.FLOAT;
            default:
                return ValueType.OTHER;
        }
    }

    /** Skips a value whose first token was just read; false if the frame ends inside it. */
    private boolean skipValue(final JsonToken first) throws IOException
    {
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY)
        {
            return !truncated;
        }
        int open = 1;
        while (open > 0)
        {
            final JsonToken token = next();
            if (truncated)
            {
                return false;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
            {
                open++;
            }
            else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
            {
                open--;
            }
        }
        return true;
    }

    /**
     * The first token of the next field's value, positioned so that {@code currentName()} is the field's name;
     * END_OBJECT when the object ends; null when the frame is not valid JSON there.
     */
    private JsonToken nextFieldValue() throws IOException
    {
        final JsonToken token = next();
        if (token == JsonToken.END_OBJECT)
        {
            return token;
        }
        if (token != JsonToken.FIELD_NAME)
        {
            return null;
        }
        final JsonToken value = next();
        return truncated ? null : value;
    }

    /** The next token; marks the frame truncated if the parser needs more input than the frame has. */
    private JsonToken next() throws IOException
    {
        final JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.NOT_AVAILABLE)
        {
            truncated = true;
        }
        return token;
    }

    /**
     * Whether the root value closes within the frame and only whitespace follows it. The parser cannot tell a
     * trailing partial token ({@code 5}, {@code "a}) from whitespace, nor can the reading above always tell where
     * the root ends (it does not skip an object in place of a symbol, side or event type); left in the parser, the
     * rest of such a frame would spoil the next one.
     */
    private static boolean onlyWhitespaceAfterRoot(final byte[] frame, final int length)
    {
        int depth = 0;
        boolean inString = false;
        int i = 0;
        while (i < length)
        {
            final byte b = frame[i++];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b == '{' || b == '[')
            {
                depth++;
            }
            else if ((b == '}' || b == ']') && --depth == 0)
            {
                break;
            }
        }
        if (depth != 0)
        {
            return false;
        }
        for (; i < length; i++)
        {
            final byte b = frame[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return false;
            }
        }
        return true;
    }

    private void resetParser()
    {
        try
        {
            if (parser != null)
            {
                parser.close();
            }
            parser = jsonFactory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
