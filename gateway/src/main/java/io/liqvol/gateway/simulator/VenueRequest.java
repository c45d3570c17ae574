package io.liqvol.gateway.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bybit or OKX client request: {@code {"op":"subscribe","args":[…],"req_id":"7"}}. Bybit's args are topic
 * strings; OKX's are {@code {"channel":…,"instType":…}} objects, kept as {@code channel:instType}.
 */
record VenueRequest(String op, List<String> args, String requestId)
{
    private static final JsonFactory JSON = new JsonFactory();

    /** The request, or null when the text is not one. */
    static VenueRequest parse(final String text)
    {
        try (JsonParser parser = JSON.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            String op = null;
            String requestId = "";
            final List<String> args = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("op".equals(field) && value == JsonToken.VALUE_STRING)
                {
                    op = parser.getText();
                }
                else if ("req_id".equals(field) && value == JsonToken.VALUE_STRING)
                {
                    requestId = parser.getText();
                }
                else if ("args".equals(field) && value == JsonToken.START_ARRAY)
                {
                    readArgs(parser, args);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            return op == null ? null : new VenueRequest(op, args, requestId);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private static void readArgs(final JsonParser parser, final List<String> args) throws IOException
    {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken())
        {
            if (token == JsonToken.VALUE_STRING)
            {
                args.add(parser.getText());
            }
            else if (token == JsonToken.START_OBJECT)
            {
                String channel = null;
                String instType = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String field = parser.currentName();
                    parser.nextToken();
                    if ("channel".equals(field))
                    {
                        channel = parser.getText();
                    }
                    else if ("instType".equals(field))
                    {
                        instType = parser.getText();
                    }
                    parser.skipChildren();
                }
                args.add(channel + ':' + instType);
            }
            else
            {
                parser.skipChildren();
                args.add("?");
            }
        }
    }
}
