package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.ServerHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLimiterTest
{
    @Test
    void shouldRefuseConnectionsBeyondThePerAddressLimitWithJson() throws Exception
    {
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().maxConnectionsPerAddress(2));
             Socket first = new Socket("127.0.0.1", harness.port());
             Socket second = new Socket("127.0.0.1", harness.port()))
        {
            assertThat(get(first)).startsWith("HTTP/1.1 200");
            assertThat(get(second)).startsWith("HTTP/1.1 200");

            final String refused;
            try (Socket third = new Socket("127.0.0.1", harness.port()))
            {
                refused = readAll(third.getInputStream());
            }
            assertThat(refused).startsWith("HTTP/1.1 503").contains("application/json")
                .endsWith("{\"error\":{\"code\":\"too_many_connections\",\"message\":\"connection limit reached\"}}");
            assertThat(harness.metrics.connectionsRejected()).isEqualTo(1);

            first.shutdownOutput();
            awaitOpenBelow(harness, 2);
            try (Socket again = new Socket("127.0.0.1", harness.port()))
            {
                assertThat(get(again)).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void shouldKeepTheReserveForAddressesHoldingFewConnectionsSoThatThreeCannotLockEveryoneOut() throws Exception
    {
        final List<Socket> open = new ArrayList<>();
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().maxConnections(40)
            .maxConnectionsPerAddress(16).reservedConnections(12)))
        {
            // 28 unreserved: the first takes its 16, the second the 12 left; in the reserve an address holding
            // 8 or more gets no more, so the third gets 8 and 4 remain for everyone else
            assertThat(admitted(harness, "127.0.0.2", 16, open)).isEqualTo(16);
            assertThat(admitted(harness, "127.0.0.3", 16, open)).isEqualTo(12);
            assertThat(admitted(harness, "127.0.0.4", 16, open)).isEqualTo(8);

            assertThat(admitted(harness, "127.0.0.5", 3, open)).isEqualTo(3);
            assertThat(admitted(harness, "127.0.0.6", 1, open)).isEqualTo(1);
            assertThat(harness.metrics.connectionsRejected()).isEqualTo(4 + 8);
        }
        finally
        {
            for (final Socket socket : open)
            {
                socket.close();
            }
        }
    }

    @Test
    void shouldHoldATrustedProxyOnlyToTheTotal() throws Exception
    {
        final List<Socket> open = new ArrayList<>();
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().maxConnections(40)
            .maxConnectionsPerAddress(2).trustedProxies(List.of("127.0.0.2"))))
        {
            assertThat(admitted(harness, "127.0.0.2", 6, open)).isEqualTo(6);
            assertThat(admitted(harness, "127.0.0.3", 3, open)).isEqualTo(2);
        }
        finally
        {
            for (final Socket socket : open)
            {
                socket.close();
            }
        }
    }

    /** Opens {@code count} connections from {@code address}, one after the other: how many were served. */
    private static int admitted(final ServerHarness harness, final String address, final int count,
        final List<Socket> open) throws IOException
    {
        int admitted = 0;
        for (int i = 0; i < count; i++)
        {
            final Socket socket = new Socket();
            open.add(socket);
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", harness.port()));
            final String answer = get(socket);
            admitted += answer.startsWith("HTTP/1.1 200") ? 1 : 0;
            assertThat(answer).matches("(?s)HTTP/1.1 (200|503).*");
        }
        return admitted;
    }

    private static void awaitOpenBelow(final ServerHarness harness, final int count) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 10_000;
        while (harness.metrics.render().contains("liqvol_http_connections " + count))
        {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String get(final Socket socket) throws IOException
    {
        final OutputStream out = socket.getOutputStream();
        out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final byte[] buffer = new byte[4096];
        final int read = socket.getInputStream().read(buffer);
        return new String(buffer, 0, read, StandardCharsets.US_ASCII);
    }

    private static String readAll(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
}
