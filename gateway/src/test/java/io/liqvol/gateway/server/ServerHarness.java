package io.liqvol.gateway.server;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.gateway.EngineHistory;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real engine and a real server on an OS-chosen loopback port, for tests over sockets. */
final class ServerHarness implements AutoCloseable
{
    static final SymbolFormat BTC = new SymbolFormat("BTCUSDT", "BTC", "USDT", 3, 2, "TRADING");
    static final SymbolFormat ETH = new SymbolFormat("ETHUSDT", "ETH", "USDT", 3, 2, "TRADING");

    final GatewayMetrics metrics = new GatewayMetrics();
    final SymbolDirectory symbols = new SymbolDirectory();
    final Subscriptions subscriptions = new Subscriptions();
    final LiqvolEngine engine;
    final GatewayServer server;
    private final EventLoopGroup group;

    private ServerHarness(final ServerConfig config, final MarketData marketData, final HealthReport healthReport)
        throws InterruptedException
    {
        symbols.replace(List.of(BTC, ETH));
        engine = LiqvolEngine.launch(new EngineContext()
            .listener(new FanOutPublisher(subscriptions, symbols, PooledByteBufAllocator.DEFAULT)));
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = GatewayServer.start(new GatewayServer.Parts(config.host("127.0.0.1").port(0), metrics, subscriptions,
            symbols, new EngineHistory(engine), marketData, healthReport, group));
    }

    static ServerHarness start(final ServerConfig config) throws InterruptedException
    {
        return new ServerHarness(config, null, json -> json.writeStringField("engine", "running"));
    }

    URI ws(final String pathAndQuery)
    {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    URI http(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** A liquidation of {@code quantityE8 × priceE8} at {@code timeMs}, handed to the engine as an embedder would. */
    void liquidate(final String symbol, final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        engine.ingestLiquidation(symbol, side, quantityE8, priceE8, timeMs, timeMs);
    }

    @Override
    public void close() throws InterruptedException
    {
        server.close();
        engine.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
