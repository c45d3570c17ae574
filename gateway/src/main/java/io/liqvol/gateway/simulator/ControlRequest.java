package io.liqvol.gateway.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's control message, {@code {"method":"SUBSCRIBE","params":[…],"id":7}}. The id is kept as its JSON
 * text so that the answer echoes it exactly ({@code null} when absent).
 */
record ControlRequest(String method, List<String> params, String idJson)
{
    private static final JsonFactory JSON = new JsonFactory();

    /** Parses a control message; throws {@link IllegalArgumentException} with Binance's wording when invalid. */
    static ControlRequest parse(final String text)
    {
        try (JsonParser parser = JSON.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IllegalArgumentException("Invalid request: expected a JSON object");
            }
            String method = null;
            final List<String> params = new ArrayList<>();
            String idJson = "null";
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (field)
                {
                    case "method" -> method = requireString(parser, value, "method");
                    case "params" -> readParams(parser, value, params);
                    case "id" -> idJson = readId(parser, value);
                    default -> throw new IllegalArgumentException("Unknown property: " + field);
                }
            }
            if (method == null)
            {
                throw new IllegalArgumentException("Invalid request: method is missing");
            }
            if (parser.nextToken() != null)
            {
                throw new IllegalArgumentException("Invalid JSON: trailing content");
            }
            return new ControlRequest(method, params, idJson);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException("Invalid JSON: " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("Invalid JSON", ex);
        }
    }

    private static void readParams(final JsonParser parser, final JsonToken value, final List<String> params)
        throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            throw new IllegalArgumentException("Invalid request: params must be an array");
        }
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken())
        {
            params.add(requireString(parser, token, "params"));
        }
    }

    private static String readId(final JsonParser parser, final JsonToken value) throws IOException
    {
        return switch (value)
        {
            case VALUE_NUMBER_INT -> parser.getText();
            case VALUE_NULL -> "null";
            case VALUE_STRING -> '"' + parser.getText().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            default -> throw new IllegalArgumentException("Invalid request: id must be an integer");
        };
    }

    private static String requireString(final JsonParser parser, final JsonToken value, final String field)
        throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            throw new IllegalArgumentException("Invalid value type: " + field + " must hold strings");
        }
        return parser.getText();
    }
}
