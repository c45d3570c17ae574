package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads any frame with one reused non-blocking jackson parser into an {@link OrderValidator} and a
 * {@link PendingBatch}: the raw {@code forceOrder} event, the combined-stream wrapper
 * {@code {"stream":…,"data":…}}, arrays of events, acks and other events, and anything malformed. Reading a
 * valid frame allocates nothing; a malformed frame costs a fresh parser. Decode thread only.
 */
final class JacksonFrameParser
{
    private final JsonCursor json = new JsonCursor();
    private final OrderValidator order;
    private final PendingBatch batch;

    JacksonFrameParser(final OrderValidator order, final PendingBatch batch)
    {
        this.order = order;
        this.batch = batch;
    }

    /** False if the frame is not one complete JSON value; the batch then holds a part of it, to be discarded. */
    boolean parse(final byte[] frame, final int length)
    {
        if (parseFrame(frame, length))
        {
            return true;
        }
        json.reset();
        return false;
    }

    private boolean parseFrame(final byte[] frame, final int length)
    {
        try
        {
            final JsonToken root = json.begin(frame, length);
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
            return complete && json.endsFrame(frame, length);
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
            final JsonToken token = json.next();
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
            else if (json.truncated() || !json.skipValue(token))
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
            final JsonToken value = json.nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                break;
            }
            switch (json.currentName())
            {
                case "e":
                    forceOrder = value == JsonToken.VALUE_STRING
                        && FieldValues.textEquals(json.valueText(), 0, json.textLength(), "forceOrder");
                    otherEvent = !forceOrder;
                    break;
                case "E":
                    eventTimeMs = FieldValues.millis(JsonCursor.typeOf(value), json.valueText(), 0, json.textLength());
                    json.skipValue(value);
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
                    if (!json.skipValue(value))
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
        return json.skipValue(value);
    }

    private boolean parseOrder() throws IOException
    {
        order.beginOrder();
        while (true)
        {
            final JsonToken value = json.nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                return true;
            }
            final int type = JsonCursor.typeOf(value);
            final byte[] text = json.valueText();
            final int length = json.textLength();
            switch (json.currentName())
            {
                case "s":
                    order.symbol(type, text, 0, length);
                    break;
                case "S":
                    order.side(type, text, 0, length);
                    break;
                case "q":
                    order.quantity(type, text, 0, length);
                    json.skipValue(value);
                    break;
                case "z":
                    order.filledQuantity(type, text, 0, length);
                    json.skipValue(value);
                    break;
                case "p":
                    order.price(type, text, 0, length);
                    json.skipValue(value);
                    break;
                case "ap":
                    order.averagePrice(type, text, 0, length);
                    json.skipValue(value);
                    break;
                case "T":
                    order.tradeTime(type, text, 0, length);
                    json.skipValue(value);
                    break;
                default:
                    if (!json.skipValue(value))
                    {
                        return false;
                    }
            }
        }
    }
}
