package io.liqvol.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The client API of the recorders an edge follows ({@code --from-http}): each request goes to the recorder that
 * answered last and, should it fail, to the others in turn, so one recorder down is failed over. An edge presents
 * its own API token, if it has one, to the recorders. Never blocks the caller.
 */
final class RecorderApi
{
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String BEARER = "Bearer ";

    private final List<URI> bases;
    private final String apiToken;
    private final HttpClient http;
    private volatile int preferred;

    RecorderApi(final List<URI> bases, final String apiToken, final HttpClient http)
    {
        this.bases = List.copyOf(bases);
        this.apiToken = apiToken == null || apiToken.isEmpty() ? null : apiToken;
        this.http = http;
    }

    /** The body of a 200 answer to {@code GET pathAndQuery} from the first recorder that gives one. */
    CompletableFuture<byte[]> get(final String pathAndQuery)
    {
        return tryEach(preferred, 0, base ->
        {
            final HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET();
            if (apiToken != null)
            {
                request.header("Authorization", BEARER + apiToken);
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
            {
                if (response.statusCode() != 200)
                {
                    throw new IllegalStateException(base + pathAndQuery + " answered " + response.statusCode());
                }
                return response.body();
            });
        });
    }

    /** A WebSocket to {@code pathAndQuery} on the first recorder that accepts it. */
    CompletableFuture<WebSocket> webSocket(final String pathAndQuery, final WebSocket.Listener listener)
    {
        return tryEach(preferred, 0, base ->
        {
            final WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(REQUEST_TIMEOUT);
            if (apiToken != null)
            {
                builder.header("Authorization", BEARER + apiToken);
            }
            final URI target = base.resolve(pathAndQuery);
            return builder.buildAsync(URI.create(("https".equals(target.getScheme()) ? "wss" : "ws")
                + target.toString().substring(target.getScheme().length())), listener);
        });
    }

    private <T> CompletableFuture<T> tryEach(
        final int index, final int tried, final Function<URI, CompletableFuture<T>> request)
    {
        return request.apply(bases.get(index)).handle((answer, failure) ->
        {
            if (failure == null)
            {
                preferred = index;
                return CompletableFuture.completedFuture(answer);
            }
            if (tried + 1 >= bases.size())
            {
                return CompletableFuture.<T>failedFuture(failure);
            }
            return tryEach((index + 1) % bases.size(), tried + 1, request);
        }).thenCompose(Function.identity());
    }
}
