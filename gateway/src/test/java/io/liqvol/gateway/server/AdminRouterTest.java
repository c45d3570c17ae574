package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin port over real sockets: /metrics and the full /health there, status only on the main port. */
class AdminRouterTest
{
    @Test
    void shouldServeMetricsAndHealthDetailsOnTheAdminPortOnly() throws Exception
    {
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().adminPort(0)))
        {
            final int admin = harness.gateway.adminPort();

            final String metrics = RawHttp.exchange(admin, "GET", "/metrics", "");
            final String health = RawHttp.exchange(admin, "GET", "/health", "");
            final String other = RawHttp.exchange(admin, "GET", "/api/v1/symbols", "");

            assertThat(admin).isPositive().isNotEqualTo(harness.port());
            assertThat(RawHttp.status(metrics)).isEqualTo(200);
            assertThat(RawHttp.body(metrics)).contains("liqvol_http_requests_total");
            assertThat(TestJson.object(RawHttp.body(health))).containsKeys("status", "clients");
            assertThat(RawHttp.status(other)).isEqualTo(404);
            final int main = harness.port();
            assertThat(RawHttp.status(RawHttp.exchange(main, "GET", "/metrics", ""))).isEqualTo(404);
            assertThat(TestJson.object(RawHttp.body(RawHttp.exchange(main, "GET", "/health", ""))))
                .containsOnlyKeys("status", "reasons", "live", "ready");
        }
    }

    @Test
    void shouldRefuseAForeignHostOnTheAdminPort() throws Exception
    {
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().adminPort(0)))
        {
            final int admin = harness.gateway.adminPort();

            try (RawHttp http = RawHttp.connect(admin))
            {
                http.send("GET /metrics HTTP/1.1\r\nHost: evil.example:" + admin + "\r\nConnection: close\r\n\r\n");
                assertThat(RawHttp.status(http.readToEnd())).isEqualTo(421);
            }
        }
    }

    @Test
    void shouldNeedNoTokenOnTheAdminPort() throws Exception
    {
        final ServerConfig config = new ServerConfig().adminPort(0).apiToken("desk-token-0123456789abcdef");
        try (ServerHarness harness = ServerHarness.start(config))
        {

            assertThat(RawHttp.status(RawHttp.exchange(harness.gateway.adminPort(), "GET", "/metrics", "")))
                .isEqualTo(200);
        }
    }
}
