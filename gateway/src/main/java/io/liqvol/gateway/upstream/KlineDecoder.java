package io.liqvol.gateway.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Binance's kline JSON: the stream event ({@code {"e":"kline",…,"k":{…}}}) and the REST array of
 * arrays. Candles arrive about once a second per stream, so this path may allocate.
 */
final class KlineDecoder
{
    /** A decoded kline event: the symbol and interval it names, and the candle. */
    record KlineEvent(String symbol, String interval, Kline kline)
    {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private KlineDecoder()
    {
    }

    /** The event in {@code bytes[offset, offset+length)}, or null when it is not a complete kline event. */
    static KlineEvent decodeEvent(final byte[] bytes, final int offset, final int length)
    {
        try (JsonParser parser = JSON.createParser(bytes, offset, length))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            String type = null;
            KlineEvent event = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("e".equals(field) && value == JsonToken.VALUE_STRING)
                {
                    type = parser.getText();
                }
                else if ("k".equals(field) && value == JsonToken.START_OBJECT)
                {
                    event = readCandle(parser);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            return "kline".equals(type) ? event : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /**
     * Binance's REST klines: {@code [[openTime,"o","h","l","c","v",closeTime,…],…]}. A candle whose close
     * time has passed at {@code nowMs} is final.
     *
     * @throws IOException when the body is not such an array
     */
    static List<Kline> decodeRest(final byte[] body, final long nowMs) throws IOException
    {
        try (JsonParser parser = JSON.createParser(body))
        {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            final List<Kline> klines = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken())
            {
                expect(token, JsonToken.START_ARRAY);
                expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT);
                final long openTimeMs = parser.getLongValue();
                final String open = decimal(parser);
                final String high = decimal(parser);
                final String low = decimal(parser);
                final String close = decimal(parser);
                final String volume = decimal(parser);
                expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT);
                final long closeTimeMs = parser.getLongValue();
                for (JsonToken rest = parser.nextToken(); rest != JsonToken.END_ARRAY; rest = parser.nextToken())
                {
                    parser.skipChildren();
                }
                klines.add(new Kline(openTimeMs, open, high, low, close, volume, closeTimeMs < nowMs));
            }
            return klines;
        }
    }

    private static KlineEvent readCandle(final JsonParser parser) throws IOException
    {
        long openTimeMs = -1;
        String symbol = null;
        String interval = null;
        String open = null;
        String high = null;
        String low = null;
        String close = null;
        String volume = null;
        Boolean closed = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String field = parser.currentName();
            final JsonToken value = parser.nextToken();
            switch (field)
            {
                case "t" -> openTimeMs = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
                case "s" -> symbol = text(parser, value);
                case "i" -> interval = text(parser, value);
                case "o" -> open = text(parser, value);
                case "h" -> high = text(parser, value);
                case "l" -> low = text(parser, value);
                case "c" -> close = text(parser, value);
                case "v" -> volume = text(parser, value);
                case "x" -> closed = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                    : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                default -> parser.skipChildren();
            }
        }
        if (openTimeMs < 0 || symbol == null || interval == null || open == null || high == null || low == null
            || close == null || volume == null || closed == null)
        {
            return null;
        }
        return new KlineEvent(symbol, interval, new Kline(openTimeMs, open, high, low, close, volume, closed));
    }

    private static String text(final JsonParser parser, final JsonToken value) throws IOException
    {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    private static String decimal(final JsonParser parser) throws IOException
    {
        expect(parser.nextToken(), JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static void expect(final JsonToken actual, final JsonToken expected) throws IOException
    {
        if (actual != expected)
        {
            throw new IOException("malformed klines: expected " + expected + " but found " + actual);
        }
    }
}
