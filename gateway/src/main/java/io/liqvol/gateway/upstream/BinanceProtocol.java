package io.liqvol.gateway.upstream;

import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.net.URI;
import java.util.List;

/** Binance's combined-stream protocol: {@code SUBSCRIBE} with an id, WebSocket ping frames at a fixed rate. */
final class BinanceProtocol implements WireProtocol
{
    static final BinanceProtocol INSTANCE = new BinanceProtocol();

    private BinanceProtocol()
    {
    }

    /** The combined-stream endpoint under the base: {@code …/stream}; streams are added by SUBSCRIBE. */
    @Override
    public URI endpoint(final String wsBaseUrl)
    {
        final String base = wsBaseUrl.endsWith("/") ? wsBaseUrl.substring(0, wsBaseUrl.length() - 1) : wsBaseUrl;
        return URI.create(base + "/stream");
    }

    @Override
    public String request(final long id, final boolean subscribe, final List<String> topics)
    {
        final StringBuilder json = new StringBuilder(64 + topics.size() * 32);
        json.append("{\"method\":\"").append(subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE").append("\",\"params\":");
        VenueJson.appendStrings(json, topics);
        return json.append(",\"id\":").append(id).append('}').toString();
    }

    @Override
    public WebSocketFrame ping()
    {
        return new PingWebSocketFrame();
    }

    @Override
    public boolean pingWhenIdle()
    {
        return false;
    }
}
