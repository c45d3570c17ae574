package io.liqvol.gateway.testing;

import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.server.GatewayMetrics;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole gateway on an OS-chosen loopback port, recording from a quiet exchange simulator (it generates
 * nothing; tests inject what they need), for tests over real sockets.
 */
public final class ServerHarness implements AutoCloseable
{
    public final Gateway gateway;
    public final LiqvolEngine engine;
    public final ExchangeSimulator simulator;
    public final GatewayMetrics metrics;

    private ServerHarness(final Gateway gateway)
    {
        this.gateway = gateway;
        this.engine = gateway.engine();
        this.simulator = gateway.simulator();
        this.metrics = gateway.metrics();
    }

    public static ServerHarness start(final ServerConfig config) throws InterruptedException
    {
        return start(config, temporaryDataDir(), "all-market");
    }

    private static ServerHarness start(final ServerConfig config, final Path dataDir, final String upstreamMode)
        throws InterruptedException
    {
        final GatewayConfig gatewayConfig = GatewayConfig.parse(
            new String[] {"--simulate", "--port", "0", "--data-dir", dataDir.toString(),
                "--upstream-mode", upstreamMode},
            Map.of());
        final ServerHarness harness = new ServerHarness(Gateway.start(gatewayConfig,
            new SimulatorConfig().generateFlow(false), config.host("127.0.0.1").port(0)));
        // The upstream's first connection closes the start-up gap, which subscribed clients are sent: wait for it,
        // so that no test's client meets it among the messages it expects.
        Await.until("the upstream live and its start-up gap published", () -> !harness.engine.gaps().isEmpty());
        return harness;
    }

    private static Path temporaryDataDir()
    {
        return TempDirs.create("liqvol-test");
    }

    public int port()
    {
        return gateway.port();
    }

    public URI ws(final String pathAndQuery)
    {
        return URI.create("ws://127.0.0.1:" + port() + pathAndQuery);
    }

    public URI http(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A liquidation of {@code quantityE8 × priceE8} at {@code timeMs}, handed to the engine as an embedder would. */
    public void liquidate(
        final String symbol, final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        engine.ingestLiquidation(symbol, side, quantityE8, priceE8, timeMs, timeMs);
    }

    /** As {@link #liquidate(String, Side, long, long, long)}, recorded from {@code venue}. */
    public void liquidate(final Venue venue,
        final String symbol, final Side side, final long quantityE8, final long priceE8, final long timeMs)
    {
        engine.ingestLiquidation(venue, symbol, side, quantityE8, priceE8, timeMs, timeMs);
    }

    @Override
    public void close()
    {
        gateway.close();
    }
}
