package io.liqvol.gateway.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that queues every text message and records the close. */
final class TestWebSocket implements WebSocket.Listener
{
    /** The close the server sent. */
    record Close(int status, String reason)
    {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static TestWebSocket connect(final HttpClient client, final URI uri)
    {
        return connect(client, uri, null);
    }

    static TestWebSocket connect(final HttpClient client, final URI uri, final String origin)
    {
        final TestWebSocket listener = new TestWebSocket();
        final WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null)
        {
            builder.header("Origin", origin);
        }
        listener.socket = builder.buildAsync(uri, listener).join();
        return listener;
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        closed.completeExceptionally(error);
    }

    @Override
    public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
    {
        webSocket.request(1);
        return null;
    }

    /** The next message, parsed; fails after 10 s. */
    Map<String, Object> next()
    {
        try
        {
            final String text = messages.poll(10, TimeUnit.SECONDS);
            if (text == null)
            {
                throw new AssertionError("no message within 10 s");
            }
            return TestJson.object(text);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message of that type, skipping heartbeats. */
    Map<String, Object> next(final String type)
    {
        while (true)
        {
            final Map<String, Object> message = next();
            if (type.equals(message.get("type")))
            {
                return message;
            }
            if (!"heartbeat".equals(message.get("type")))
            {
                throw new AssertionError("expected " + type + ", got " + message);
            }
        }
    }

    Map<String, Object> poll(final long timeoutMs) throws InterruptedException
    {
        final String text = messages.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return text == null ? null : TestJson.object(text);
    }

    void send(final String text)
    {
        socket.sendText(text, true).join();
    }

    Close awaitClose()
    {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** The close received so far, or null. */
    Close closeNow()
    {
        return closed.getNow(null);
    }

    void abort()
    {
        socket.abort();
    }
}
