package io.liqvol.gateway;

import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldSubscribeASymbolUpstreamOnlyWhileAClientWatchesItInPerSymbolMode() throws Exception
    {
        try (Gateway gateway = start("per-symbol"))
        {
            final String stream = "solusdt@forceOrder";
            assertThat(gateway.simulator().subscriberCount(stream)).isZero();

            final WebSocket first = connect(gateway, "/api/v1/ws/liquidations/SOLUSDT", new CompletableFuture<>());
            final WebSocket second = connect(gateway, "/api/v1/ws/liquidations/SOLUSDT", new CompletableFuture<>());
            await(() -> gateway.simulator().subscriberCount(stream) == 1);

            first.abort();
            Thread.sleep(200);
            assertThat(gateway.simulator().subscriberCount(stream)).isEqualTo(1);
            second.abort();
            await(() -> gateway.simulator().subscriberCount(stream) == 0);
        }
    }

    @Test
    void shouldCloseClientsWith1001OnShutdown() throws Exception
    {
        final Gateway gateway = start("all-market");
        final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
        connect(gateway, "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m", closeStatus);
        await(() -> gateway.metrics().liquidationClients() == 1);

        gateway.close();

        assertThat(closeStatus.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
    }

    private static Gateway start(final String mode) throws Exception
    {
        final Path dataDir = Files.createTempDirectory("liqvol-gateway-test");
        return Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0", "--data-dir", dataDir.toString(),
            "--upstream-mode", mode}, Map.of()), new SimulatorConfig().generateFlow(false), new ServerConfig().port(0));
    }

    private static WebSocket connect(final Gateway gateway, final String path, final CompletableFuture<Integer> closeStatus)
    {
        return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
            .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + path), new WebSocket.Listener()
            {
                @Override
                public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
                {
                    closeStatus.complete(statusCode);
                    return null;
                }
            }).join();
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean())
        {
            assertThat(System.currentTimeMillis()).as("condition within 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
