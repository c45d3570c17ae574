package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads a Bybit v5 {@code allLiquidation.{symbol}} push into the {@link PendingBatch}:
 * {@code {"topic":…,"type":"snapshot","ts":…,"data":[{"T":…,"s":"BTCUSDT","S":"Buy","v":"0.003","p":"43511.70"}]}}.
 * {@code S} is the side of the liquidated position, so "Buy" (a long) is a {@link Side#SELL} order. Bybit's linear
 * symbols are canonical already. The upstream client keeps control frames (acks, pongs) from the engine, so a frame
 * without a {@code data} array is malformed. Decode thread only.
 */
final class BybitFrameReader
{
    private final JsonCursor json = new JsonCursor();
    private final OrderValidator order;
    private final PendingBatch batch;

    BybitFrameReader(final OrderValidator order, final PendingBatch batch)
    {
        this.order = order;
        this.batch = batch;
    }

    /** False if the frame is not a complete push; the batch then holds a part of it, to be discarded. */
    boolean read(final byte[] frame, final int length)
    {
        if (readFrame(frame, length))
        {
            return true;
        }
        json.reset();
        return false;
    }

    private boolean readFrame(final byte[] frame, final int length)
    {
        try
        {
            if (json.begin(frame, length) != JsonToken.START_OBJECT)
            {
                return false;
            }
            boolean data = false;
            while (true)
            {
                final JsonToken value = json.nextFieldValue();
                if (value == null)
                {
                    return false;
                }
                if (value == JsonToken.END_OBJECT)
                {
                    return data && json.endsFrame(frame, length);
                }
                if ("data".equals(json.currentName()))
                {
                    if (data || value != JsonToken.START_ARRAY || !readLiquidations())
                    {
                        return false;
                    }
                    data = true;
                }
                else if (!json.skipValue(value))
                {
                    return false;
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return false;
        }
    }

    private boolean readLiquidations() throws IOException
    {
        while (true)
        {
            final JsonToken token = json.next();
            if (token == JsonToken.END_ARRAY)
            {
                return true;
            }
            if (token != JsonToken.START_OBJECT || !readLiquidation())
            {
                return false;
            }
        }
    }

    private boolean readLiquidation() throws IOException
    {
        order.beginEvent();
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
                batch.add(order, FieldValues.ABSENT);
                return true;
            }
            final int type = JsonCursor.typeOf(value);
            final byte[] text = json.valueText();
            final int length = json.textLength();
            switch (json.currentName())
            {
                case "T":
                    order.tradeTime(type, text, 0, length);
                    break;
                case "s":
                    order.symbol(type, text, 0, length);
                    break;
                case "S":
                    order.side(type, text, 0, length, "Sell", "Buy");
                    break;
                case "v":
                    order.quantity(type, text, 0, length);
                    break;
                case "p":
                    order.price(type, text, 0, length);
                    break;
                default:
                    break;
            }
            if (!json.skipValue(value))
            {
                return false;
            }
        }
    }
}
