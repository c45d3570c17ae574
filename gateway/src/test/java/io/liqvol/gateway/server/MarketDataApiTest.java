package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDataApiTest
{
    @Test
    void shouldAnswerAFailedExchangeWithAStableCodeAndMessageOnly() throws Exception
    {
        try (ServerHarness cutOff = ServerHarness.start(new ServerConfig()))
        {
            cutOff.simulator.close();

            final HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cutOff.http("/api/v1/klines/BTCUSDT/1m?limit=3")).build(),
                HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(TestJson.object(response.body())).isEqualTo(Map.of("error",
                Map.of("code", "upstream_error", "message", "the exchange did not answer")));
        }
    }
}
