package io.liqvol.gateway;

import io.liqvol.engine.Gap;
import io.liqvol.engine.ImportReport;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import io.liqvol.gateway.alerts.Alerts;
import io.liqvol.gateway.alerts.AlertsHealth;
import io.liqvol.gateway.replication.ReplicationConfig;
import io.liqvol.gateway.replication.ReplicationEdge;
import io.liqvol.gateway.replication.ReplicationHealth;
import io.liqvol.gateway.replication.ReplicationRecorder;
import io.liqvol.gateway.server.FanOutPublisher;
import io.liqvol.gateway.server.GatewayMetrics;
import io.liqvol.gateway.server.GatewayServer;
import io.liqvol.gateway.server.HealthReport;
import io.liqvol.gateway.server.LiquidationTape;
import io.liqvol.gateway.server.MarketData;
import io.liqvol.gateway.server.NoMarketData;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.server.Transport;
import io.liqvol.gateway.server.Subscriptions;
import io.liqvol.gateway.server.SymbolDirectory;
import io.liqvol.gateway.server.SymbolFormat;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.upstream.BinanceRestClient;
import io.liqvol.gateway.upstream.BinanceUpstream;
import io.liqvol.gateway.upstream.ScaledSymbol;
import io.liqvol.gateway.upstream.SymbolInfo;
import io.liqvol.gateway.upstream.UpstreamConfig;
import io.liqvol.gateway.upstream.VenueUpstream;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.concurrent.SystemEpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The whole gateway, assembled: (optionally the exchange simulator,) the engine, the upstream client feeding
 * it, and the client-facing server. {@link #close()} shuts down in dependency order: clients first (1001),
 * then the upstream, then the engine (drains its ring and flushes its journal).
 */
public final class Gateway implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    private static final long SYMBOLS_WAIT_MS = 10_000;
    private static final long SYMBOLS_REFRESH_MS = 60_000;
    private static final long SIMULATED_HISTORY_MS = 86_400_000L;

    private final GatewayConfig config;
    private final ExchangeSimulator simulator;
    private final EventLoopGroup serverGroup;
    private final EventLoopGroup upstreamGroup;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final SymbolDirectory symbols = new SymbolDirectory();
    private final LiqvolEngine engine;
    private final BinanceRestClient rest;
    private final PeerGapFiller peer;
    private final BinanceUpstream upstream;
    private final List<VenueUpstream> venueUpstreams;
    private final ScheduledFuture<?> symbolRefresh;
    private final GatewayServer server;
    private final Alerts alerts;
    /** Set on a recorder (replication settings) and on an edge respectively, else null. */
    private final ReplicationRecorder recorder;
    private final ReplicationEdge edge;

    private Gateway(final GatewayConfig config, final ExchangeSimulator simulator, final ServerConfig serverConfig)
        throws InterruptedException
    {
        this.config = config;
        this.simulator = simulator;
        // What has started so far, to be stopped again, newest first, if a later part fails (a port in use, a
        // data directory locked by another process): otherwise its non-daemon threads keep the JVM alive.
        final Deque<Runnable> started = new ArrayDeque<>();
        this.serverGroup = Transport.group(0, "liqvol-io");
        started.push(() -> shutdown(serverGroup));
        this.upstreamGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("liqvol-upstream"),
            NioIoHandler.newFactory());
        started.push(() -> shutdown(upstreamGroup));
        try
        {
            final Subscriptions subscriptions = new Subscriptions();
            final FanOutPublisher publisher = new FanOutPublisher(subscriptions, symbols, FanOutPublisher.allocator());
            final Alerts alertsOpened = openAlerts(config);
            this.alerts = alertsOpened;
            started.push(alertsOpened::close);
            final LiquidationTape tape = new LiquidationTape(System::currentTimeMillis);
            final LiqvolEngine launched = LiqvolEngine.launch(config.engineContext().listener(publisher).listener(tape)
                .listener(alertsOpened.listener()).replayListener(tape));
            this.engine = launched;
            started.push(launched::close);
            alertsOpened.start(launched::volume);
            final EngineHistory history = new EngineHistory(launched, tape);
            publisher.coverage(history::coverage);
            publisher.history(history);
            final ReplicationConfig replication = config.replicationConfig();
            if (replication != null && replication.isEdge())
            {
                this.rest = null;
                this.peer = null;
                this.upstream = null;
                this.recorder = null;
                this.venueUpstreams = List.of();
                final ReplicationEdge edgeStarted =
                    ReplicationEdge.start(replication, config.engineContext().dataDir(), launched);
                this.edge = edgeStarted;
                started.push(edgeStarted::close);
                final List<URI> recorderApis = config.recorderApiUrls();
                MarketData marketData = new NoMarketData();
                ScheduledFuture<?> refresh = null;
                if (!recorderApis.isEmpty())
                {
                    final RecorderMarketData recorders = new RecorderMarketData(new RecorderApi(recorderApis,
                        serverConfig.apiToken(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .build()));
                    marketData = recorders;
                    final ScheduledFuture<?> following = followSymbols(recorders::symbols);
                    refresh = following;
                    started.push(() -> following.cancel(false));
                }
                this.symbolRefresh = refresh;
                serverConfig.clientsAdmitted(edgeStarted::ready);
                this.server = startServer(serverConfig, subscriptions, history, marketData,
                    new ReplicationHealth(health(alertsOpened, null), null, edgeStarted));
                return;
            }
            this.edge = null;
            final UpstreamConfig upstreamConfig = config.upstreamConfig();
            if (simulator != null)
            {
                upstreamConfig.wsBaseUrl(simulator.wsBaseUrl()).restBaseUrl(simulator.restBaseUrl());
            }
            upstreamConfig.proxy(isLoopback(upstreamConfig.wsBaseUrl())
                ? null
                : UpstreamConfig.proxyFromEnvironment(System.getenv()));
            final BinanceRestClient restClient = new BinanceRestClient(upstreamConfig, upstreamGroup);
            this.rest = restClient;
            started.push(restClient::close);
            this.peer = config.liquidationApiBaseUrl() == null ? null : new PeerGapFiller(
                config.liquidationApiBaseUrl(), engine,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
            final BinanceUpstream upstreamClient =
                new BinanceUpstream(upstreamConfig, engine::ingestFrame, this::onGap, upstreamGroup);
            this.upstream = upstreamClient;
            history.openGap(upstreamClient::openGapFromMs);
            started.push(upstreamClient::close);
            if (simulator != null)
            {
                final ImportReport imported = SimulatedHistoryImport.record(launched, simulator.history());
                LOG.log(System.Logger.Level.INFO, "simulated history: {0}", imported);
            }
            final ScheduledFuture<?> refresh = followSymbols(restClient::exchangeInfo);
            this.symbolRefresh = refresh;
            started.push(() -> refresh.cancel(false));
            upstream.start();
            this.venueUpstreams = startVenues(config, simulator, started);
            venueUpstreams.forEach(venue -> history.openGap(venue.venue(), venue::openGapFromMs));
            final ReplicationRecorder recorderStarted = replication == null
                ? null
                : ReplicationRecorder.start(replication, config.engineContext().dataDir());
            this.recorder = recorderStarted;
            if (recorderStarted != null)
            {
                started.push(recorderStarted::close);
            }
            final HealthReport health = health(alertsOpened, upstreamClient);
            this.server = startServer(serverConfig, subscriptions, history, new UpstreamMarketData(upstream, rest),
                recorderStarted == null ? health : new ReplicationHealth(health, recorderStarted, null));
        }
        catch (final Exception e)
        {
            // Also catches what Netty throws undeclared, such as a BindException from a port in use.
            started.forEach(Runnable::run);
            throw e;
        }
    }

    /** The engine's, the upstream's (none on an edge) and the alerts' state, also as metrics. */
    private HealthReport health(final Alerts alertsOpened, final BinanceUpstream upstreamClient)
    {
        final GatewayStatus status = new GatewayStatus(engine, upstreamClient, venueUpstreams,
            new EngineLiveness(engine, SystemEpochClock.INSTANCE, EngineLiveness.DEFAULT_STALL_LIMIT_MS),
            config.journalMinFreeBytes());
        metrics.addSection(status::writeMetrics);
        metrics.addSection(alertsOpened::writeMetrics);
        return new AlertsHealth(status, alertsOpened);
    }

    private GatewayServer startServer(
        final ServerConfig serverConfig, final Subscriptions subscriptions, final EngineHistory history,
        final MarketData marketData, final HealthReport health) throws InterruptedException
    {
        return GatewayServer.start(new GatewayServer.Parts(serverConfig, metrics, subscriptions, symbols, history,
            marketData, health, serverGroup, alerts));
    }

    /**
     * Starts everything; with {@code --simulate} first an exchange simulator on a free loopback port, with a day of
     * history that the gateway records on its first start.
     */
    public static Gateway start(final GatewayConfig config) throws InterruptedException
    {
        return start(config, new SimulatorConfig().historyMs(SIMULATED_HISTORY_MS), config.serverConfig());
    }

    /** As {@link #start(GatewayConfig)} with a given simulator (used with --simulate) and server tuning. */
    public static Gateway start(
        final GatewayConfig config, final SimulatorConfig simulatorConfig, final ServerConfig serverConfig)
        throws InterruptedException
    {
        final ExchangeSimulator simulator = config.simulate() ? ExchangeSimulator.start(simulatorConfig) : null;
        try
        {
            return new Gateway(config, simulator, serverConfig);
        }
        catch (final Exception e)
        {
            if (simulator != null)
            {
                simulator.close();
            }
            throw e;
        }
    }

    public int port()
    {
        return server.port();
    }

    public String host()
    {
        return server.host();
    }

    /** The bound admin port, or -1 without one. */
    public int adminPort()
    {
        return server.adminPort();
    }

    /** {@code https} with TLS, else {@code http}. */
    public String scheme()
    {
        return server.scheme();
    }

    public LiqvolEngine engine()
    {
        return engine;
    }

    public GatewayMetrics metrics()
    {
        return metrics;
    }

    /** The simulator started by {@code --simulate}, or null. */
    public ExchangeSimulator simulator()
    {
        return simulator;
    }

    public GatewayConfig config()
    {
        return config;
    }

    public Alerts alerts()
    {
        return alerts;
    }

    /** Closes clients with 1001, stops the upstream, drains the engine and flushes its journal. */
    @Override
    public void close()
    {
        server.close();
        if (symbolRefresh != null)
        {
            symbolRefresh.cancel(false);
        }
        if (edge != null)
        {
            edge.close();
        }
        else
        {
            upstream.close();
            venueUpstreams.forEach(VenueUpstream::close);
            rest.close();
        }
        engine.close();
        if (recorder != null)
        {
            recorder.close();
        }
        alerts.close();
        shutdown(upstreamGroup);
        shutdown(serverGroup);
        if (simulator != null)
        {
            simulator.close();
        }
    }

    /** Bybit and OKX where enabled (Binance is always recorded): their frames and instruments go to the engine. */
    private List<VenueUpstream> startVenues(
        final GatewayConfig config, final ExchangeSimulator simulator, final Deque<Runnable> started)
    {
        final List<VenueUpstream> venues = new ArrayList<>();
        for (final Venue venue : config.venues())
        {
            if (venue == Venue.BINANCE)
            {
                continue;
            }
            final UpstreamConfig venueConfig = config.venueUpstreamConfig(venue, simulator);
            venueConfig.proxy(isLoopback(venueConfig.wsBaseUrl())
                ? null
                : UpstreamConfig.proxyFromEnvironment(System.getenv()));
            final VenueUpstream client = new VenueUpstream(venue, venueConfig,
                venue == Venue.BYBIT ? config.bybitSymbols() : List.of(), engine::ingestFrame,
                this::registerInstrument, this::onGap, upstreamGroup);
            started.push(client::close);
            client.start();
            venues.add(client);
        }
        return List.copyOf(venues);
    }

    /**
     * A venue's instrument: the engine converts its frames, the symbol list shows it; an asset Binance lists only per
     * 1000 units is recorded under Binance's symbol, scaled (docs/API.md §9).
     */
    private void registerInstrument(
        final Venue venue, final String venueSymbol, final String canonicalSymbol, final long contractSizeE8)
    {
        final ScaledSymbol scaled = ScaledSymbol.of(canonicalSymbol,
            symbol -> Venues.selects(symbols.venues(symbol), Venue.BINANCE.ordinal()));
        engine.registerInstrument(venue, venueSymbol, scaled.symbol(), contractSizeE8, scaled.units());
        symbols.listedOn(venue, scaled.symbol());
    }

    /** A gap is recorded (journal, /health, clients), then filled from the peer if one is configured. */
    private void onGap(final Gap gap)
    {
        engine.recordGap(gap.venue(), gap.fromMs(), gap.toMs());
        if (peer != null)
        {
            peer.fill(gap).whenComplete((report, failure) ->
            {
                if (failure != null)
                {
                    LOG.log(System.Logger.Level.WARNING, "filling gap {0} from the peer failed: {1}", gap, failure);
                }
                else
                {
                    LOG.log(System.Logger.Level.INFO, "filled gap {0} from the peer: {1}", gap, report);
                }
            });
        }
    }

    private static Alerts openAlerts(final GatewayConfig config)
    {
        try
        {
            return Alerts.open(config.alertsConfig(), System::currentTimeMillis);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("the alert files could not be read", e);
        }
    }

    private static void shutdown(final EventLoopGroup group)
    {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A proxy from the environment is for the way out, never for an exchange on this machine. */
    private static boolean isLoopback(final String url)
    {
        final String host = URI.create(url).getHost();
        return "localhost".equalsIgnoreCase(host) || host != null && (host.startsWith("127.") || host.equals("[::1]"));
    }

    /**
     * Waits for the symbol list (the exchange's, or on an edge its recorders') so that the first clients are
     * validated against it and served with its precisions, then refreshes it periodically.
     */
    private ScheduledFuture<?> followSymbols(final Supplier<CompletableFuture<List<SymbolInfo>>> source)
        throws InterruptedException
    {
        try
        {
            replaceSymbols(source.get().get(SYMBOLS_WAIT_MS, TimeUnit.MILLISECONDS));
        }
        catch (final ExecutionException | TimeoutException e)
        {
            LOG.log(System.Logger.Level.WARNING,
                "symbol list not loaded yet ({0}); symbols the engine records are served", e.toString());
        }
        return upstreamGroup.scheduleAtFixedRate(() -> source.get().thenAccept(this::replaceSymbols),
            SYMBOLS_REFRESH_MS, SYMBOLS_REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    private void replaceSymbols(final List<SymbolInfo> listed)
    {
        final List<SymbolFormat> formats = new ArrayList<>(listed.size());
        for (final SymbolInfo info : listed)
        {
            formats.add(new SymbolFormat(info.symbol(), info.baseAsset(), info.quoteAsset(), info.quantityPrecision(),
                info.pricePrecision(), info.status()));
        }
        symbols.replace(formats);
    }
}
