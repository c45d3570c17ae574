package io.liqvol.gateway.server;

import java.util.List;

/**
 * Which browser origins may open a WebSocket: the gateway's own (the page it serves), the configured ones,
 * or any with {@code *}. A request without an Origin header comes from a non-browser client and is let in.
 */
final class OriginPolicy
{
    private OriginPolicy()
    {
    }

    static boolean allows(final String origin, final String host, final List<String> allowedOrigins)
    {
        if (origin == null)
        {
            return true;
        }
        if (host != null && (origin.equals("http://" + host) || origin.equals("https://" + host)))
        {
            return true;
        }
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
