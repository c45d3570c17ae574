package io.liqvol.gateway.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a WebSocket upgrade asks to go, under any base path: {@code …/ws}, {@code …/ws/<stream>[/<stream>…]}
 * (raw events) or {@code …/stream?streams=<a>/<b>} (combined frames).
 */
record WebSocketRoute(boolean combined, List<String> streams)
{
    /** The route of a decoded path and its {@code streams} query value (null when absent), or null. */
    static WebSocketRoute parse(final String path, final String streamsQuery)
    {
        if (path.endsWith("/stream"))
        {
            return new WebSocketRoute(true, split(streamsQuery));
        }
        if (path.endsWith("/ws"))
        {
            return new WebSocketRoute(false, List.of());
        }
        final int ws = path.lastIndexOf("/ws/");
        if (ws >= 0)
        {
            return new WebSocketRoute(false, split(path.substring(ws + 4)));
        }
        return null;
    }

    private static List<String> split(final String streams)
    {
        final List<String> names = new ArrayList<>();
        if (streams != null)
        {
            for (final String name : streams.split("/"))
            {
                if (!name.isEmpty())
                {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
