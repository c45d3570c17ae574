package io.liqvol.gateway.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket through the JDK's client, as a browser opens one: with subprotocols, over TLS if the URI says wss. */
public final class JdkWebSocket implements WebSocket.Listener
{
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private JdkWebSocket()
    {
    }

    public static JdkWebSocket connect(final HttpClient client, final URI uri, final String... subprotocols)
    {
        final JdkWebSocket listener = new JdkWebSocket();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocols.length > 0)
        {
            builder = builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(
                subprotocols, 1, subprotocols.length));
        }
        listener.socket = builder.buildAsync(uri, listener).orTimeout(10, TimeUnit.SECONDS).join();
        return listener;
    }

    public WebSocket socket()
    {
        return socket;
    }

    /** The next text message; fails after 10 s. */
    public String next() throws InterruptedException
    {
        final String text = texts.poll(10, TimeUnit.SECONDS);
        if (text == null)
        {
            throw new AssertionError("no message within 10 s");
        }
        return text;
    }

    /** The close code the server sent; fails after {@code timeoutMs}. */
    public int awaitCloseCode(final long timeoutMs)
    {
        return closeCode.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        closeCode.completeExceptionally(error);
    }
}
