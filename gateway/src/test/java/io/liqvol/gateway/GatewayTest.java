package io.liqvol.gateway;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.server.TestJsonReader;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALL_MARKET = "!forceOrder@arr";

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

    @Test
    void shouldServeTheSameTotalsAfterARestartMidStream() throws Exception
    {
        final Path dataDir = Files.createTempDirectory("liqvol-restart-test");
        try (ExchangeSimulator exchange = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false)))
        {
            final long minuteMs = Timeframe.M1.alignDownMs(System.currentTimeMillis());
            final String range = "?start=" + (minuteMs - 10 * 60_000L) + "&end=" + (minuteMs - 60_000L);
            final Object before;
            final Object recentBefore;
            final AtomicBoolean streaming = new AtomicBoolean(true);
            final Thread live = new Thread(() ->
            {
                for (int i = 1; streaming.get(); i++)
                {
                    exchange.injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "BUY", "0.0" + (1000 + i), System.currentTimeMillis()));
                    LockSupport.parkNanos(5_000_000L);
                }
            });
            final Gateway first = startAgainst(exchange, dataDir);
            try
            {
                await(() -> exchange.subscriberCount(ALL_MARKET) == 1);
                for (int i = 1; i <= 200; i++)
                {
                    exchange.injectFrame(ALL_MARKET, forceOrder("ETHUSDT", i % 2 == 0 ? "BUY" : "SELL",
                        "0." + (1000 + i), minuteMs - 10 * 60_000L + i * 2_000L));
                }
                await(() -> first.engine().recentLiquidations("ETHUSDT", 1000).size() == 200);
                before = TestJsonReader.field(get(first, "/api/v1/liquidation-volume/ETHUSDT/1m" + range), "data");
                recentBefore = TestJsonReader.field(get(first, "/api/v1/liquidations/ETHUSDT?limit=1000"), "data");
                live.start();
                Thread.sleep(300);
            }
            finally
            {
                first.close();
            }
            try (Gateway second = startAgainst(exchange, dataDir))
            {
                await(() -> exchange.subscriberCount(ALL_MARKET) == 1);

                assertThat(TestJsonReader.field(get(second, "/api/v1/liquidation-volume/ETHUSDT/1m" + range), "data"))
                    .isEqualTo(before);
                assertThat(TestJsonReader.field(get(second, "/api/v1/liquidations/ETHUSDT?limit=1000"), "data"))
                    .isEqualTo(recentBefore);
                assertThat(((List<?>)before).stream().mapToLong(bucket -> (Long)((Map<?, ?>)bucket).get("count")).sum())
                    .isEqualTo(200);
                assertThat(second.engine().gaps()).isNotEmpty();
            }
            finally
            {
                streaming.set(false);
                live.join();
            }
        }
    }

    private static Gateway startAgainst(final ExchangeSimulator exchange, final Path dataDir) throws Exception
    {
        return Gateway.start(GatewayConfig.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString(),
            "--binance-ws-base-url", exchange.wsBaseUrl(), "--binance-rest-base-url", exchange.restBaseUrl()}, Map.of()));
    }

    private static String get(final Gateway gateway, final String path) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String forceOrder(final String symbol, final String side, final String quantity, final long timeMs)
    {
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"2000.5\",\"ap\":\"2000.5\","
            + "\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
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
