package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.JdkWebSocket;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API tokens over real sockets: REST, WebSocket upgrades, revocation by the file, /health and /metrics. */
class AccessControlTest
{
    private static final String TOKEN = "desk-token-0123456789abcdef";
    private static final String OTHER = "other-token-0123456789abcdef";
    private static final String STREAM = "/api/v1/ws/liquidations/BTCUSDT";

    @TempDir
    Path dir;
    private ServerHarness harness;

    @AfterEach
    void stop()
    {
        if (harness != null)
        {
            harness.close();
        }
    }

    private String get(final String target, final String headers) throws IOException
    {
        return RawHttp.exchange(harness.port(), "GET", target, headers);
    }

    private static String bearer(final String token)
    {
        return "Authorization: Bearer " + token + "\r\n";
    }

    @Test
    void shouldAnswer401WithoutOrWithABadTokenAndServeAGoodOne() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().apiToken(TOKEN));

        final String missing = get("/api/v1/symbols", "");
        final String bad = get("/api/v1/symbols", bearer(OTHER));
        final String good = get("/api/v1/symbols", bearer(TOKEN));

        assertThat(RawHttp.status(missing)).isEqualTo(401);
        assertThat(RawHttp.header(missing, "WWW-Authenticate")).isEqualTo("Bearer realm=\"liqvol\"");
        assertThat(TestJson.object(RawHttp.body(missing))).containsKey("error");
        assertThat(RawHttp.body(missing)).contains("\"unauthorized\"").doesNotContain(TOKEN);
        assertThat(RawHttp.status(bad)).isEqualTo(401);
        assertThat(RawHttp.body(bad)).contains("\"unauthorized\"").doesNotContain(TOKEN).doesNotContain(OTHER);
        assertThat(RawHttp.status(good)).isEqualTo(200);
        assertThat(harness.metrics.render()).contains("liqvol_auth_rejected_total 2");
    }

    @Test
    void shouldServeThePageAndHealthStatusWithoutAToken() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().apiToken(TOKEN));

        final String page = get("/", "");
        final Map<String, Object> publicHealth = TestJson.object(RawHttp.body(get("/health", "")));
        final Map<String, Object> fullHealth = TestJson.object(RawHttp.body(get("/health", bearer(TOKEN))));

        assertThat(RawHttp.status(page)).isEqualTo(200);
        assertThat(publicHealth).containsOnlyKeys("status", "reasons", "live", "ready");
        assertThat(fullHealth).containsKeys("status", "reasons", "clients");
        assertThat(RawHttp.status(get("/metrics", ""))).isEqualTo(401);
        assertThat(RawHttp.body(get("/metrics", bearer(TOKEN)))).contains("liqvol_auth_rejected_total");
    }

    @Test
    void shouldOpenAStreamWithTheTokenAsSubprotocolAndEchoIt() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().apiToken(TOKEN));

        final JdkWebSocket client = JdkWebSocket.connect(
            HttpClient.newHttpClient(), harness.ws(STREAM), PresentedToken.SUBPROTOCOL_PREFIX + TOKEN);
        client.socket().sendText("{\"type\":\"ping\"}", true);

        assertThat(client.socket().getSubprotocol()).isEqualTo(PresentedToken.SUBPROTOCOL_PREFIX + TOKEN);
        assertThat(nextPong(client)).isTrue();
        client.socket().abort();
    }

    @Test
    void shouldOpenAStreamWithTheTokenAsQueryParameter() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().apiToken(TOKEN));

        final JdkWebSocket client =
            JdkWebSocket.connect(HttpClient.newHttpClient(), harness.ws(STREAM + "?timeframe=1m&token=" + TOKEN));
        client.socket().sendText("{\"type\":\"ping\"}", true);

        assertThat(nextPong(client)).isTrue();
        client.socket().abort();
    }

    @Test
    void shouldRefuseAnUpgradeWithoutAValidToken() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().apiToken(TOKEN));

        final String upgrade = "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        final String missing = get(STREAM, upgrade);
        final String bad = get(STREAM, upgrade + "Sec-WebSocket-Protocol: " + PresentedToken.SUBPROTOCOL_PREFIX
            + OTHER + "\r\n");

        assertThat(RawHttp.status(missing)).isEqualTo(401);
        assertThat(RawHttp.status(bad)).isEqualTo(401);
        assertThat(RawHttp.header(bad, "WWW-Authenticate")).startsWith("Bearer");
        assertThatThrownBy(() -> JdkWebSocket.connect(HttpClient.newHttpClient(), harness.ws(STREAM + "?token="
            + OTHER))).isInstanceOf(CompletionException.class);
    }

    @Test
    void shouldCloseTheStreamsOfARevokedTokenWith1008() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("tokens"), "# desk\n" + TOKEN + "\n" + OTHER + "\n");
        harness = ServerHarness.start(new ServerConfig().apiTokensFile(file));
        final JdkWebSocket revoked = JdkWebSocket.connect(
            HttpClient.newHttpClient(), harness.ws(STREAM), PresentedToken.SUBPROTOCOL_PREFIX + OTHER);
        final JdkWebSocket kept = JdkWebSocket.connect(
            HttpClient.newHttpClient(), harness.ws(STREAM), PresentedToken.SUBPROTOCOL_PREFIX + TOKEN);

        Files.writeString(file, TOKEN + "\n");

        assertThat(revoked.awaitCloseCode(5_000)).isEqualTo(1008);
        kept.socket().sendText("{\"type\":\"ping\"}", true);
        assertThat(nextPong(kept)).isTrue();
        assertThat(RawHttp.status(get("/api/v1/symbols", bearer(OTHER)))).isEqualTo(401);
        assertThat(RawHttp.status(get("/api/v1/symbols", bearer(TOKEN)))).isEqualTo(200);
        assertThat(harness.metrics.render()).contains("liqvol_auth_revoked_streams_closed_total 1");
        kept.socket().abort();
    }

    @Test
    void shouldAcceptATokenAddedToTheFile() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        harness = ServerHarness.start(new ServerConfig().apiTokensFile(file));

        Files.writeString(file, TOKEN + "\n" + OTHER + "\n");

        Await.until("the new token accepted", () -> status("/api/v1/symbols", bearer(OTHER)) == 200);
    }

    @Test
    void shouldStayOpenWithoutTokensConfigured() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());

        assertThat(RawHttp.status(get("/api/v1/symbols", ""))).isEqualTo(200);
        assertThat(TestJson.object(RawHttp.body(get("/health", "")))).containsKey("clients");
        assertThat(RawHttp.status(get("/metrics", ""))).isEqualTo(200);
    }

    private int status(final String target, final String headers)
    {
        try
        {
            return RawHttp.status(get(target, headers));
        }
        catch (final IOException e)
        {
            return -1;
        }
    }

    private static boolean nextPong(final JdkWebSocket client) throws InterruptedException
    {
        for (int i = 0; i < 20; i++)
        {
            if (client.next().contains("\"pong\""))
            {
                return true;
            }
        }
        return false;
    }
}
