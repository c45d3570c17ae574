package io.liqvol.gateway.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON text into maps, lists, strings, longs, booleans and nulls, for assertions. */
public final class TestJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private TestJson()
    {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final String text)
    {
        return (Map<String, Object>)parse(text);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(final String text)
    {
        return (List<Object>)parse(text);
    }

    public static Object parse(final String text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            parser.nextToken();
            final Object value = read(parser);
            if (parser.nextToken() != null)
            {
                throw new IllegalArgumentException("trailing content in " + text);
            }
            return value;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(text, e);
        }
    }

    private static Object read(final JsonParser parser) throws IOException
    {
        final JsonToken token = parser.currentToken();
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    parser.nextToken();
                    if (object.put(name, read(parser)) != null)
                    {
                        throw new IllegalArgumentException("duplicate field " + name);
                    }
                }
                return object;
            case START_ARRAY:
                final List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    array.add(read(parser));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + token);
        }
    }
}
