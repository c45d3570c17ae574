package io.liqvol.gateway.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold-path JSON for the venues' REST answers and control frames: objects as maps, arrays as lists, every scalar
 * as its text (numbers keep their exact digits), null as null. Never used for liquidations.
 */
final class JsonTree
{
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTree()
    {
    }

    static Object read(final byte[] bytes, final int length) throws IOException
    {
        try (JsonParser parser = JSON.createParser(bytes, 0, length))
        {
            final JsonToken first = parser.nextToken();
            if (first == null)
            {
                throw new IOException("empty");
            }
            final Object value = value(parser, first);
            if (parser.nextToken() != null)
            {
                throw new IOException("trailing content");
            }
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final Object value)
    {
        return value instanceof Map<?, ?> map ? (Map<String, Object>)map : Map.of();
    }

    static List<Object> array(final Object value)
    {
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    static String text(final Map<String, Object> object, final String field)
    {
        return object.get(field) instanceof String text ? text : null;
    }

    private static Object value(final JsonParser parser, final JsonToken token) throws IOException
    {
        if (token == JsonToken.START_OBJECT)
        {
            final Map<String, Object> object = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                object.put(field, value(parser, parser.nextToken()));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY)
        {
            final List<Object> array = new ArrayList<>();
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken())
            {
                array.add(value(parser, next));
            }
            return array;
        }
        return token == JsonToken.VALUE_NULL ? null : parser.getText();
    }
}
