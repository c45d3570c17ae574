package io.liqvol.gateway.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;

/**
 * Where a request carries its API token (docs/API.md §5): REST in {@code Authorization: Bearer <token>}; a
 * WebSocket upgrade also as a {@code Sec-WebSocket-Protocol} entry {@code liqvol.token.<token>} (what a browser can
 * send) or a {@code token} query parameter.
 */
final class PresentedToken
{
    static final String SUBPROTOCOL_PREFIX = "liqvol.token.";
    static final String QUERY_PARAMETER = "token";
    private static final String BEARER = "Bearer ";

    private PresentedToken()
    {
    }

    /** The bearer token, or null. */
    static String bearer(final HttpHeaders headers)
    {
        final String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** The subprotocol entry that carries a token ({@code liqvol.token.<token>}), or null. */
    static String subprotocol(final HttpHeaders headers)
    {
        for (final String value : headers.getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL))
        {
            for (final String entry : value.split(","))
            {
                final String protocol = entry.strip();
                if (protocol.startsWith(SUBPROTOCOL_PREFIX))
                {
                    return protocol;
                }
            }
        }
        return null;
    }

    /** An upgrade's token: the bearer, else the subprotocol's, else the query parameter's; or null. */
    static String webSocket(final HttpHeaders headers, final QueryStringDecoder query)
    {
        final String bearer = bearer(headers);
        if (bearer != null)
        {
            return bearer;
        }
        final String protocol = subprotocol(headers);
        if (protocol != null)
        {
            return protocol.substring(SUBPROTOCOL_PREFIX.length());
        }
        final List<String> values = query.parameters().get(QUERY_PARAMETER);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
