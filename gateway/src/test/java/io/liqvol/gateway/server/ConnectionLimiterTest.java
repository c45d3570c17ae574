package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.ServerHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
        out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
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
