package io.liqvol.gateway.upstream;

import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.simulator.SymbolUniverse;
import io.liqvol.gateway.testing.ConnectProxy;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceRestClientTest
{
    private static EventLoopGroup group;

    @BeforeAll
    static void startGroup()
    {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup()
    {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static UpstreamConfig config(final ExchangeSimulator simulator)
    {
        return new UpstreamConfig().wsBaseUrl(simulator.wsBaseUrl()).restBaseUrl(simulator.restBaseUrl())
            .requestTimeoutMs(5_000);
    }

    @Test
    void shouldReadEverySymbolWithItsBaseAssetAndPrecisions() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false));
             BinanceRestClient client = new BinanceRestClient(config(simulator), group))
        {
            final List<SymbolInfo> symbols = client.exchangeInfo().get(10, TimeUnit.SECONDS);

            assertThat(symbols).hasSize(SymbolUniverse.defaults().size());
            assertThat(symbols).contains(new SymbolInfo("BTCUSDT", "BTC", "USDT", 2, 3, "TRADING"),
                new SymbolInfo("1000PEPEUSDT", "1000PEPE", "USDT", 7, 0, "TRADING"));
            assertThat(symbols).allSatisfy(symbol -> assertThat(symbol.baseAsset()).isNotEmpty());
            assertThat(client.exchangeInfo().get(1, TimeUnit.SECONDS)).isSameAs(symbols);
        }
    }

    @Test
    void shouldFetchKlinesAsBinanceSelectsThem() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false));
             BinanceRestClient client = new BinanceRestClient(config(simulator), group))
        {
            final List<Kline> latest = client.klines("btcusdt", "15m", null, null, 500).get(10, TimeUnit.SECONDS);
            assertThat(latest).hasSize(500);
            assertThat(latest.get(499).closed()).isFalse();
            assertThat(latest.get(498).closed()).isTrue();
            for (int i = 1; i < latest.size(); i++)
            {
                assertThat(latest.get(i).openTimeMs() - latest.get(i - 1).openTimeMs()).isEqualTo(900_000);
                assertThat(latest.get(i).open()).isEqualTo(latest.get(i - 1).close());
            }

            final long startMs = latest.get(100).openTimeMs();
            final long endMs = latest.get(104).openTimeMs();
            final List<Kline> range = client.klines("BTCUSDT", "15m", startMs, endMs, 1500).get(10, TimeUnit.SECONDS);
            assertThat(range).containsExactlyElementsOf(latest.subList(100, 105));
        }
    }

    @Test
    void shouldFailWithTheExchangesErrorForABadRequest()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false));
             BinanceRestClient client = new BinanceRestClient(config(simulator), group))
        {
            assertThatThrownBy(() -> client.klines("BTCUSDT", "2m", null, null, 10).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(UpstreamHttpException.class, error ->
                {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.body()).contains("-1120");
                });
            assertThat(client.klines("BTCUSDT", "1m", null, null, 1501)).isCompletedExceptionally();
        }
    }

    @Test
    void shouldRetryTheFirstLoadAfterAFailure() throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final UpstreamConfig config = new UpstreamConfig().restBaseUrl("http://127.0.0.1:" + port)
            .connectTimeoutMs(2_000).requestTimeoutMs(2_000);
        try (BinanceRestClient client = new BinanceRestClient(config, group))
        {
            assertThatThrownBy(() -> client.exchangeInfo().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);

            final SimulatorConfig exchange = new SimulatorConfig().generateFlow(false).port(port);
            try (ExchangeSimulator simulator = ExchangeSimulator.start(exchange))
            {
                assertThat(simulator.port()).isEqualTo(port);
                assertThat(client.exchangeInfo().get(10, TimeUnit.SECONDS)).hasSize(SymbolUniverse.defaults().size());
            }
        }
    }

    @Test
    void shouldGoThroughTheProxy() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false));
             ConnectProxy proxy = new ConnectProxy("desk", "pw");
             BinanceRestClient client = new BinanceRestClient(config(simulator)
                 .restBaseUrl("http://fapi.binance.test:" + simulator.port())
                 .proxy(URI.create("http://desk:pw@127.0.0.1:" + proxy.port())), group))
        {
            assertThat(client.klines("ETHUSDT", "1h", null, null, 3).get(10, TimeUnit.SECONDS)).hasSize(3);
            assertThat(proxy.targets()).containsExactly("fapi.binance.test");
        }
    }
}
