package io.liqvol.gateway.upstream;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.net.URI;
import java.util.List;

/** How one venue spells what a connection sends: where to connect, subscriptions and keep-alive. */
interface WireProtocol
{
    /** The WebSocket endpoint for the configured base URL. */
    URI endpoint(String wsBaseUrl);

    /** The text of a (un)subscribe request for the topics; {@code id} is echoed by venues that echo one. */
    String request(long id, boolean subscribe, List<String> topics);

    /** A fresh keep-alive frame. */
    WebSocketFrame ping();

    /** Whether pings go out only after {@code pingIntervalMs} without any frame read (else at a fixed rate). */
    boolean pingWhenIdle();
}
