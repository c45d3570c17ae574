package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.JdkWebSocket;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.SelfSignedPem;
import io.liqvol.gateway.testing.ServerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS from PEM files over real sockets: https and wss with a self-signed certificate made for the test. */
class GatewayServerTlsTest
{
    private static final String TOKEN = "desk-token-0123456789abcdef";

    @TempDir
    Path dir;
    @Test
    void shouldServeHttpsAndWssWithTheConfiguredCertificate() throws Exception
    {
        final SelfSignedPem pem = SelfSignedPem.create(dir);
        final ServerConfig config = new ServerConfig().tls(pem.certFile(), pem.keyFile()).apiToken(TOKEN);
        try (ServerHarness harness = ServerHarness.start(config))
        {
            final HttpClient client = HttpClient.newBuilder().sslContext(pem.clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();

            final HttpResponse<String> symbols = client.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + harness.port() + "/api/v1/symbols"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            final JdkWebSocket stream = JdkWebSocket.connect(client,
                URI.create("wss://127.0.0.1:" + harness.port() + "/api/v1/ws/liquidations/BTCUSDT"),
                PresentedToken.SUBPROTOCOL_PREFIX + TOKEN);
            stream.socket().sendText("{\"type\":\"ping\"}", true);

            assertThat(symbols.statusCode()).isEqualTo(200);
            assertThat(harness.gateway.scheme()).isEqualTo("https");
            String message = stream.next();
            while (!message.contains("\"pong\""))
            {
                message = stream.next();
            }
            stream.socket().abort();
        }
    }

    @Test
    void shouldNotAnswerPlainHttpOnATlsPort() throws Exception
    {
        final SelfSignedPem pem = SelfSignedPem.create(dir);
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().tls(pem.certFile(), pem.keyFile())))
        {

            final String answer = RawHttp.exchange(harness.port(), "GET", "/health", "");

            assertThat(answer).doesNotContain("HTTP/1.1 200");
        }
    }

    @Test
    void shouldRefuseAKeyThatIsNotPem() throws Exception
    {
        final SelfSignedPem pem = SelfSignedPem.create(dir);
        final Path notPem = Files.writeString(dir.resolve("bad.pem"), "not a key");

        assertThatThrownBy(() -> ServerHarness.start(new ServerConfig().tls(pem.certFile(), notPem)))
            .hasMessageContaining("tlsCert");
        assertThatThrownBy(() -> new ServerConfig().tls(pem.certFile(), null).conclude())
            .hasMessageContaining("--tls-key");
    }

    @Test
    void shouldRefuseAnUnreadableTokensFile()
    {
        assertThatThrownBy(() -> new ServerConfig().apiTokensFile(dir.resolve("missing")).conclude())
            .hasMessageContaining("apiTokensFile");
    }
}
