package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * A message a client sent on a stream: {@code {"type":"ping"}} or
 * {@code {"type":"range","start":MS,"end":MS}}. Anything else is an {@code invalid_message}.
 */
record ClientMessage(String type, Long startMs, Long endMs)
{
    private static final JsonFactory FACTORY = new JsonFactory();

    static ClientMessage parse(final String text)
    {
        String type = null;
        Long start = null;
        Long end = null;
        try (JsonParser parser = FACTORY.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw invalid("a JSON object is expected");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (field)
                {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "start" -> start = epochMs(parser, value, "start");
                    case "end" -> end = epochMs(parser, value, "end");
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null)
            {
                throw invalid("one JSON object is expected");
            }
        }
        catch (final IOException e)
        {
            throw invalid("malformed JSON");
        }
        if (!"ping".equals(type) && !"range".equals(type))
        {
            throw invalid("type must be \"ping\" or \"range\"");
        }
        return new ClientMessage(type, start, end);
    }

    private static Long epochMs(final JsonParser parser, final JsonToken value, final String field) throws IOException
    {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
            && parser.getNumberType() != JsonParser.NumberType.LONG)
        {
            throw ApiException.badRequest("invalid_range", field + " must be epoch milliseconds");
        }
        return parser.getLongValue();
    }

    private static ApiException invalid(final String message)
    {
        return ApiException.badRequest("invalid_message", message);
    }
}
