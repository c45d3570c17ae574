package io.liqvol.gateway.server;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.Map;

/**
 * The request target (path and query) of an HTTP request or WebSocket upgrade, decoded once and checked
 * (docs/API.md §4): bad percent-encoding is a 400 {@code bad_request}, and a REST route refuses query parameters
 * it does not read with 400 {@code unknown_parameter}, so a mistyped one is not silently ignored.
 */
final class RequestTarget
{
    private RequestTarget()
    {
    }

    /** The decoded target; netty decodes lazily, so both parts are decoded here, where a failure can be answered. */
    static QueryStringDecoder decode(final String uri)
    {
        final QueryStringDecoder query = new QueryStringDecoder(uri);
        try
        {
            query.path();
            query.parameters();
            return query;
        }
        catch (final IllegalArgumentException e)
        {
            throw ApiException.badRequest("bad_request", "the request target is not validly percent-encoded");
        }
    }

    /** Refuses the first query parameter that is not one of {@code known}. */
    static void requireKnownParameters(final QueryStringDecoder query, final List<String> known)
    {
        for (final Map.Entry<String, List<String>> parameter : query.parameters().entrySet())
        {
            if (!known.contains(parameter.getKey()))
            {
                throw ApiException.badRequest("unknown_parameter", "unknown query parameter: " + parameter.getKey()
                    + (known.isEmpty() ? " (this path takes none)" : " (known: " + String.join(", ", known) + ")"));
            }
        }
    }
}
