package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A local exchange that speaks Binance's USD-M protocol and keeps its rules: WebSocket streams under any base
 * path ({@code /ws/…}, {@code /stream?streams=…}), live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS, REST
 * {@code exchangeInfo} and {@code klines}, one liquidation per symbol per interval, server pings, a cut at the
 * maximum connection age and a disconnect for clients over the message rate. It generates a seeded market or
 * replays recorded frames; the gateway's {@code --simulate} runs on it and every upstream test talks to it.
 */
public final class ExchangeSimulator implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(ExchangeSimulator.class.getName());
    private static final long HOOK_TIMEOUT_MS = 10_000;

    private final SimulatorConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final EventExecutor market;
    private final MarketGenerator generator;
    private final StreamHub hub;
    private final VenueHub venues;
    private final LiquidationThrottle throttle;
    private final SimulatorCounters counters = new SimulatorCounters();
    private final List<Consumer<SimulatedLiquidation>> liquidationListeners = new CopyOnWriteArrayList<>();
    private final Channel serverChannel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ExchangeSimulator(final SimulatorConfig config) throws InterruptedException
    {
        this.config = config;
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("liqvol-sim-boss"),
            NioIoHandler.newFactory());
        this.workerGroup = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("liqvol-sim-io"),
            NioIoHandler.newFactory());
        this.market = new DefaultEventExecutor(new DefaultThreadFactory("liqvol-sim-market"));
        this.generator = new MarketGenerator(config, System.currentTimeMillis());
        this.hub = new StreamHub(config, generator, counters, System::currentTimeMillis);
        this.venues = new VenueHub(config, System::currentTimeMillis);
        this.throttle = new LiquidationThrottle(market, config.liquidationIntervalMs(), System::currentTimeMillis,
            this::publish);
        final SimulatorHandlerParts context = new SimulatorHandlerParts(config, market, hub, venues,
            new SimulatorRestApi(generator, System.currentTimeMillis()), counters);
        try
        {
            this.serverChannel = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .childHandler(new SimulatorServerInitializer(context))
                .bind(config.host(), config.port())
                .sync()
                .channel();
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            shutdown();
            throw ex;
        }
        market.scheduleAtFixedRate(() -> generator.tick(System.currentTimeMillis(), throttle::offer),
            config.tickMs(), config.tickMs(), TimeUnit.MILLISECONDS);
        market.scheduleAtFixedRate(hub::pushKlines, config.klinePushMs(), config.klinePushMs(),
            TimeUnit.MILLISECONDS);
        market.scheduleAtFixedRate(venues::pushBatch, config.venueBatchMs(), config.venueBatchMs(),
            TimeUnit.MILLISECONDS);
        final long keepAliveCheckMs = Math.max(1, Math.min(100,
            Math.min(config.bybitPingTimeoutMs(), config.okxSilenceTimeoutMs()) / 4));
        market.scheduleAtFixedRate(venues::enforceKeepAlive, keepAliveCheckMs, keepAliveCheckMs,
            TimeUnit.MILLISECONDS);
    }

    /** Binds the configured address (port 0: chosen by the OS) and starts the market and any replay. */
    public static ExchangeSimulator start(final SimulatorConfig config)
    {
        config.conclude();
        try
        {
            final ExchangeSimulator simulator = new ExchangeSimulator(config);
            if (config.replayFile() != null)
            {
                simulator.replay(new FrameReplayer(config.replayFile()));
            }
            LOG.log(System.Logger.Level.INFO, "exchange simulator listening on {0}", simulator.wsBaseUrl());
            return simulator;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the simulator", ex);
        }
    }

    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** The WebSocket base, as Binance's {@code wss://fstream.binance.com/market}. */
    public String wsBaseUrl()
    {
        return "ws://" + config.host() + ':' + port() + "/market";
    }

    /** The REST base, as Binance's {@code https://fapi.binance.com}. */
    public String restBaseUrl()
    {
        return "http://" + config.host() + ':' + port();
    }

    /** Bybit's public linear stream endpoint, as {@code wss://stream.bybit.com/v5/public/linear}. */
    public String bybitWsUrl()
    {
        return "ws://" + config.host() + ':' + port() + "/v5/public/linear";
    }

    /** OKX's public endpoint, as {@code wss://ws.okx.com:8443/ws/v5/public}; REST is under {@link #restBaseUrl()}. */
    public String okxWsUrl()
    {
        return "ws://" + config.host() + ':' + port() + "/ws/v5/public";
    }

    /** Called on the market thread with every Bybit and OKX liquidation pushed to at least one subscriber. */
    public void addVenueLiquidationListener(final Consumer<VenueLiquidation> listener)
    {
        venues.addListener(listener);
    }

    /** Connections of the venue (Bybit or OKX) now open. */
    public int venueConnectionCount(final Venue venue)
    {
        return onMarket(() -> venues.sessionCount(venue));
    }

    /** Drops every connection of the venue without a close frame, like a network failure. */
    public void dropVenueConnections(final Venue venue)
    {
        onMarket(() ->
        {
            venues.dropAll(venue);
            return null;
        });
    }

    /** Keep-alive requests (Bybit {@code op:ping}, OKX {@code ping}) the venue received. */
    public long venuePings(final Venue venue)
    {
        return venues.counter(venue, VenueHub.PINGS);
    }

    /** Subscribe requests the venue refused (too many args, unknown topic or channel). */
    public long venueSubscribeErrors(final Venue venue)
    {
        return venues.counter(venue, VenueHub.SUBSCRIBE_ERRORS);
    }

    /** Connections the venue cut for breaking its keep-alive rule. */
    public long venueKeepAliveCuts(final Venue venue)
    {
        return venues.counter(venue, VenueHub.TIMEOUT_CUTS);
    }

    public SimulatorConfig config()
    {
        return config;
    }

    /**
     * The liquidations of the {@link SimulatorConfig#historyMs()} before the simulator started (none by default),
     * priced on the same minute paths as its candles; the same seed gives the same ones at the same times.
     */
    public SimulatedHistory history()
    {
        return generator.history();
    }

    public SimulatorCounters counters()
    {
        return counters;
    }

    /** Called on the market thread with every liquidation pushed to the streams (after the snapshot rule). */
    public void addLiquidationListener(final Consumer<SimulatedLiquidation> listener)
    {
        liquidationListeners.add(listener);
    }

    /**
     * A liquidation of the symbol at its current price, subject to the snapshot rule like a generated one
     * (so it may be replaced by a later one within the window and never pushed).
     */
    public SimulatedLiquidation injectLiquidation(final String symbol, final Side side)
    {
        return onMarket(() ->
        {
            final int index = generator.indexOf(symbol);
            if (index < 0)
            {
                throw new IllegalArgumentException("the simulator does not list " + symbol);
            }
            final SimulatedLiquidation liquidation = generator.liquidation(index, side, System.currentTimeMillis());
            throttle.offer(liquidation);
            return liquidation;
        });
    }

    /** Pushes an event to a stream's subscribers exactly as given, bypassing every rule (bad frames too). */
    public void injectFrame(final String stream, final String event)
    {
        onMarket(() ->
        {
            hub.publish(stream, event);
            return null;
        });
    }

    /** Stops generating liquidations and moving prices; injected and replayed frames still flow. */
    public void stopFlow()
    {
        onMarket(() ->
        {
            generator.stop();
            return null;
        });
    }

    /** Stops reading from every stream connection, like a hung exchange: pings go unanswered, nothing is pushed. */
    public void stallConnections()
    {
        onMarket(() ->
        {
            hub.stallAll();
            return null;
        });
    }

    /**
     * Holds the market thread until the returned handle is closed, like an exchange slow to answer: REST answers
     * (klines, exchangeInfo) and pushes wait meanwhile.
     */
    public AutoCloseable holdMarket()
    {
        final CountDownLatch released = new CountDownLatch(1);
        market.execute(() ->
        {
            try
            {
                released.await();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        });
        return released::countDown;
    }

    /** Drops every stream connection without a close frame, like a network failure. */
    public void dropAllConnections()
    {
        onMarket(() ->
        {
            hub.dropAll();
            return null;
        });
    }

    /** Connections currently receiving streams. */
    public int connectionCount()
    {
        return onMarket(hub::sessionCount);
    }

    /** How many connections receive the stream now. */
    public int subscriberCount(final String stream)
    {
        return onMarket(() -> hub.subscriberCount(stream));
    }

    /** Liquidations that a later one replaced inside the snapshot window, never pushed (Binance's lossy rule). */
    public long liquidationsReplaced()
    {
        return onMarket(throttle::replaced);
    }

    /** Stops serving; a second call does nothing (a test may cut the exchange off before its gateway closes). */
    @Override
    public void close()
    {
        if (closed.getAndSet(true))
        {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        shutdown();
    }

    private void publish(final SimulatedLiquidation liquidation, final long eventTimeMs)
    {
        hub.publishLiquidation(liquidation, eventTimeMs);
        for (final Consumer<SimulatedLiquidation> listener : liquidationListeners)
        {
            listener.accept(liquidation);
        }
    }

    private void replay(final FrameReplayer replayer)
    {
        final List<FrameReplayer.RecordedEvent> events = replayer.events();
        if (replayer.skippedLines() > 0)
        {
            LOG.log(System.Logger.Level.WARNING, "replay file {0}: {1} lines skipped as unrecognised",
                config.replayFile(), replayer.skippedLines());
        }
        if (events.isEmpty())
        {
            return;
        }
        final long firstMs = events.get(0).eventTimeMs();
        for (final FrameReplayer.RecordedEvent event : events)
        {
            final long delayMs = config.replayDelayMs()
                + (long)(Math.max(0, event.eventTimeMs() - firstMs) / config.replaySpeed());
            market.schedule(() ->
            {
                hub.publish(event.stream(), event.json());
                if (event.forceOrder())
                {
                    counters.increment(SimulatorCounters.LIQUIDATIONS_PUBLISHED);
                    hub.publish(StreamName.ALL_FORCE_ORDERS, event.json());
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private <T> T onMarket(final Callable<T> task)
    {
        try
        {
            return market.submit(task).get(HOOK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("simulator market did not answer", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void shutdown()
    {
        market.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
