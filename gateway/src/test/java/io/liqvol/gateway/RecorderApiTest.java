package io.liqvol.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecorderApiTest
{
    private final HttpServer server = startServer();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop()
    {
        server.stop(0);
    }

    @Test
    void shouldFailOverToTheNextRecorderAndPresentTheToken() throws Exception
    {
        final RecorderApi api = new RecorderApi(List.of(deadBase(), base()), "secret", HttpClient.newHttpClient());

        assertThat(new String(api.get("/api/v1/symbols").get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
            .isEqualTo("[]");
        assertThat(authorizations).containsExactly("Bearer secret");
    }

    @Test
    void shouldFailWhenNoRecorderAnswers()
    {
        final RecorderApi api = new RecorderApi(List.of(deadBase(), base()), "", HttpClient.newHttpClient());

        assertThatThrownBy(() -> api.get("/missing").get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).hasMessageContaining("answered 404");
    }

    private HttpServer startServer()
    {
        try
        {
            final HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            started.createContext("/", exchange ->
            {
                final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null)
                {
                    authorizations.add(authorization);
                }
                final byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                final boolean known = exchange.getRequestURI().getPath().equals("/api/v1/symbols");
                exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
                if (known)
                {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            started.start();
            return started;
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private URI base()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A loopback port nothing listens on. */
    private static URI deadBase()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
