package io.liqvol.gateway.upstream;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.simulator.SymbolUniverse;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.ConnectProxy;
import io.liqvol.gateway.testing.RecordingFrameSink;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceUpstreamTest
{
    private static final List<String> SYMBOLS =
        SymbolUniverse.defaults().stream().map(symbol -> symbol.symbol()).toList();

    private static EventLoopGroup group;

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startGroup()
    {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup()
    {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Binance's rules, scaled so that a second becomes 200 ms. */
    private static SimulatorConfig quietExchange()
    {
        return new SimulatorConfig().generateFlow(false).liquidationIntervalMs(20).rateWindowMs(200)
            .maxMessagesPerWindow(10);
    }

    /** A market with a liquidation per symbol about every 20 ms (the scaled snapshot rule). */
    private static SimulatorConfig busyExchange()
    {
        return quietExchange().generateFlow(true).tickMs(5).quietLiquidationsPerSecond(2_000).meanCascadeGapMs(0);
    }

    /** The client's pace scaled like the exchange: at most 5 messages per 200 ms. */
    private static UpstreamConfig client(final ExchangeSimulator simulator, final UpstreamMode mode)
    {
        return clientOf(simulator.wsBaseUrl()).restBaseUrl(simulator.restBaseUrl()).mode(mode);
    }

    private static UpstreamConfig clientOf(final String wsBaseUrl)
    {
        return new UpstreamConfig().wsBaseUrl(wsBaseUrl).mode(UpstreamMode.ALL_MARKET).controlIntervalMs(40)
            .pingIntervalMs(1_000).idleTimeoutMs(5_000).liveTimeoutMs(5_000)
            .initialBackoffMs(20).maxBackoffMs(200).connectTimeoutMs(2_000).closeTimeoutMs(2_000);
    }

    private BinanceUpstream upstream(final UpstreamConfig config)
    {
        return new BinanceUpstream(config, sink, gaps::add, group);
    }

    @Test
    void shouldDeliverEveryLiquidationOfTheMarketRawAndRecordTheStartUpGap()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            final long startMs = System.currentTimeMillis();
            upstream.start();
            Await.until("connected", () -> upstream.status().connected());

            final Set<RecordingFrameSink.Key> sent = new HashSet<>();
            for (final String symbol : SYMBOLS)
            {
                sent.add(RecordingFrameSink.Key.of(simulator.injectLiquidation(symbol, Side.SELL)));
            }

            Await.until("every liquidation delivered", () -> sink.frames().size() == SYMBOLS.size());
            assertThat(sink.distinctKeys()).isEqualTo(sent);
            assertThat(sink.frames())
                .allSatisfy(frame -> assertThat(frame).startsWith("{\"e\":\"forceOrder\"").endsWith("}}"));
            assertThat(simulator.subscriberCount("!forceOrder@arr")).isEqualTo(1);
            assertThat(gaps).singleElement().satisfies(gap ->
            {
                assertThat(gap.fromMs()).isGreaterThanOrEqualTo(startMs);
                assertThat(gap.toMs()).isGreaterThanOrEqualTo(gap.fromMs());
                assertThat(upstream.status().connectedSinceMs()).isEqualTo(gap.toMs());
            });
            assertThat(upstream.status().gaps()).isEqualTo(gaps);
            assertThat(upstream.counters().liquidationFrames()).isEqualTo(SYMBOLS.size());
        }
    }

    @Test
    void shouldSubscribeASymbolForItsFirstClientAndUnsubscribeAfterItsLastOverOneConnection() throws Exception
    {
        final List<String> watched = SYMBOLS.subList(0, 6);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.PER_SYMBOL)))
        {
            upstream.start();
            Await.until("connected", () -> upstream.status().connected());
            final Map<String, AtomicInteger> expected = new ConcurrentHashMap<>();
            final ExecutorService clients = Executors.newFixedThreadPool(8);
            final List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 40; client++)
            {
                final Random random = new Random(client);
                done.add(clients.submit(() ->
                {
                    final List<String> holding = new ArrayList<>();
                    for (int step = 0; step < 50; step++)
                    {
                        if (!holding.isEmpty() && random.nextBoolean())
                        {
                            upstream.release(holding.remove(random.nextInt(holding.size())));
                        }
                        else
                        {
                            final String symbol = watched.get(random.nextInt(watched.size()));
                            upstream.acquire(symbol);
                            holding.add(symbol);
                        }
                    }
                    for (final String symbol : holding)
                    {
                        expected.computeIfAbsent(symbol, key -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (final Future<?> client : done)
            {
                client.get(20, TimeUnit.SECONDS);
            }
            clients.shutdown();

            for (final String symbol : watched)
            {
                final int references = expected.getOrDefault(symbol, new AtomicInteger()).get();
                final String stream = symbol.toLowerCase() + "@forceOrder";
                Await.until(stream + " subscribed iff watched",
                    () -> simulator.subscriberCount(stream) == (references > 0 ? 1 : 0));
                assertThat(upstream.references(symbol)).isEqualTo(references);
            }
            assertThat(simulator.connectionCount()).isEqualTo(1);

            for (final Map.Entry<String, AtomicInteger> held : expected.entrySet())
            {
                for (int i = 0; i < held.getValue().get(); i++)
                {
                    upstream.release(held.getKey());
                }
            }
            for (final String symbol : watched)
            {
                Await.until("unsubscribed after the last client",
                    () -> simulator.subscriberCount(symbol.toLowerCase() + "@forceOrder") == 0);
            }
            assertThat(simulator.connectionCount()).isEqualTo(1);
            assertThat(upstream.status().reconnects()).isZero();
            assertThat(simulator.counters().rateLimitDisconnects()).isZero();
        }
    }

    @Test
    void shouldDeliverOnlyTheSymbolsThatClientsWatchInPerSymbolMode()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.PER_SYMBOL)
                 .wsBaseUrl("ws://localhost:" + simulator.port() + "/market")))
        {
            upstream.acquire("ethusdt");
            upstream.start();
            Await.until("ETH subscribed", () -> simulator.subscriberCount("ethusdt@forceOrder") == 1);

            simulator.injectLiquidation("BTCUSDT", Side.BUY);
            final SimulatedLiquidation eth = simulator.injectLiquidation("ETHUSDT", Side.BUY);

            Await.until("ETH delivered", () -> sink.frames().size() == 1);
            assertThat(sink.keys()).containsExactly(RecordingFrameSink.Key.of(eth));
            assertThat(simulator.connectionCount()).isEqualTo(1);
        }
    }

    /**
     * A liquidation pushed just before a drop may be lost in flight, and one traded up to the snapshot window before
     * it is pushed only after it: each is either received or inside the gap (the soak harness found such losses).
     */
    @Test
    void shouldReceiveOrDiscloseInAGapEveryLiquidationAroundDrops()
    {
        final Set<RecordingFrameSink.Key> pushed = ConcurrentHashMap.newKeySet();
        try (ExchangeSimulator simulator = ExchangeSimulator.start(busyExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            upstream.start();
            Await.until("connected with liquidations flowing", () -> sink.frames().size() > 50);
            simulator.addLiquidationListener(liquidation -> pushed.add(RecordingFrameSink.Key.of(liquidation)));
            for (int drop = 0; drop < 5; drop++)
            {
                final int gapsBefore = gaps.size();
                simulator.dropAllConnections();
                Await.until("reconnected", () -> gaps.size() == gapsBefore + 1 && upstream.status().connected());
                final int received = sink.frames().size();
                Await.until("flowing again", () -> sink.frames().size() > received + 20);
            }
            simulator.stopFlow();

            Await.until("every pushed liquidation received or inside a gap", () ->
            {
                final Set<RecordingFrameSink.Key> received = sink.distinctKeys();
                return pushed.stream().allMatch(key -> received.contains(key) || gaps.stream()
                    .anyMatch(gap -> key.tradeTimeMs() >= gap.fromMs() && key.tradeTimeMs() <= gap.toMs()));
            });
        }
    }

    @Test
    void shouldReconnectAfterTheExchangeDropsTheConnectionRecordTheGapAndLoseNothingAfterIt()
    {
        final Map<RecordingFrameSink.Key, Long> publishedAtMs = new ConcurrentHashMap<>();
        try (ExchangeSimulator simulator = ExchangeSimulator.start(busyExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            simulator.addLiquidationListener(liquidation ->
                publishedAtMs.put(RecordingFrameSink.Key.of(liquidation), System.currentTimeMillis()));
            upstream.start();
            Await.until("connected with liquidations flowing", () -> sink.frames().size() > 50);

            simulator.dropAllConnections();
            Await.until("reconnected with the gap recorded", () -> gaps.size() == 2 && upstream.status().connected());
            final Gap gap = gaps.get(1);
            final int receivedAtReconnect = sink.frames().size();
            Await.until("more liquidations after the gap", () -> sink.frames().size() > receivedAtReconnect + 50);
            simulator.stopFlow();

            final Set<RecordingFrameSink.Key> afterGap = new HashSet<>();
            publishedAtMs.forEach((key, atMs) ->
            {
                if (atMs > gap.toMs())
                {
                    afterGap.add(key);
                }
            });
            assertThat(afterGap).hasSizeGreaterThan(50);
            Await.until(
                "everything published after the gap delivered", () -> sink.distinctKeys().containsAll(afterGap));
            assertThat(gap.toMs()).isGreaterThanOrEqualTo(gap.fromMs());
            assertThat(upstream.status().gaps()).containsExactlyElementsOf(gaps);
            assertThat(upstream.status().reconnects()).isPositive();
            assertThat(sink.keys()).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldRotateBeforeTheAgeCutWithZeroLostAndZeroDuplicatedLiquidationsAsTheEngineDelivers()
    {
        final Map<EngineKey, Long> publishedAtMs = new ConcurrentHashMap<>();
        final List<EngineKey> accepted = new CopyOnWriteArrayList<>();
        final SimulatorConfig exchange = busyExchange().maxConnectionAgeMs(1_500);
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().listener(acceptedInto(accepted)));
             ExchangeSimulator simulator = ExchangeSimulator.start(exchange);
             BinanceUpstream upstream = new BinanceUpstream(
                 client(simulator, UpstreamMode.ALL_MARKET).rotateAfterMs(500),
                 (buffer, offset, length, receiveTimeNs) -> sink.onFrame(buffer, offset, length, receiveTimeNs)
                     && engine.ingestFrame(buffer, offset, length, receiveTimeNs), gaps::add, group))
        {
            simulator.addLiquidationListener(liquidation ->
                publishedAtMs.put(EngineKey.of(liquidation), System.currentTimeMillis()));
            upstream.start();
            Await.until("three rotations", () -> upstream.counters().rotations() >= 3);
            simulator.stopFlow();
            Await.pause(10 * exchange.liquidationIntervalMs());

            final long liveFromMs = gaps.get(0).toMs();
            final Set<EngineKey> whileLive = new HashSet<>();
            publishedAtMs.forEach((key, atMs) ->
            {
                if (atMs > liveFromMs)
                {
                    whileLive.add(key);
                }
            });
            assertThat(whileLive).hasSizeGreaterThan(100);
            Await.until("zero lost: the engine accepted everything published while live",
                () -> new HashSet<>(accepted).containsAll(whileLive));
            Await.until("the engine processed every delivered frame",
                () -> engine.counters().received() == sink.frames().size());
            assertThat(accepted).as("zero duplicated").doesNotHaveDuplicates();
            assertThat(publishedAtMs.keySet()).as("nothing accepted that was not published").containsAll(accepted);
            assertThat(engine.counters().duplicates()).as("the overlap's copies, dropped by the engine")
                .isEqualTo(sink.keys().size() - sink.distinctKeys().size());
            assertThat(simulator.counters().ageCuts()).as("rotated before the cut").isZero();
            assertThat(gaps).as("only the start-up gap").hasSize(1);
            assertThat(upstream.status().reconnects()).isZero();
            assertThat(upstream.status().connected()).isTrue();
        }
    }

    /** A liquidation's identity in the engine's fixed point, as its de-duplication sees it. */
    private record EngineKey(String symbol, Side side, long tradeTimeMs, long quantityE8, long priceE8)
    {
        static EngineKey of(final SimulatedLiquidation liquidation)
        {
            return new EngineKey(liquidation.symbol(), liquidation.side(), liquidation.tradeTimeMs(),
                new BigDecimal(liquidation.quantity()).movePointRight(8).longValueExact(),
                new BigDecimal(liquidation.averagePrice()).movePointRight(8).longValueExact());
        }
    }

    private static EngineListener acceptedInto(final List<EngineKey> accepted)
    {
        return new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                accepted.add(new EngineKey(liquidation.symbol(), liquidation.side(), liquidation.tradeTimeMs(),
                    liquidation.quantityE8(), liquidation.priceE8()));
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }
        };
    }

    @Test
    void shouldPaceControlMessagesSoTheExchangesRateRuleNeverTrips()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.PER_SYMBOL).maxStreamsPerMessage(1)))
        {
            upstream.start();
            final List<AutoCloseable> klines = subscribeEverything(upstream);

            Await.until("every stream subscribed", () -> everyStreamSubscribed(simulator));
            assertThat(simulator.counters().rateLimitDisconnects()).isZero();
            assertThat(upstream.counters().controlMessagesSent()).isGreaterThanOrEqualTo(2L * SYMBOLS.size());
            assertThat(upstream.status().reconnects()).isZero();
            assertThat(klines).hasSize(SYMBOLS.size());
        }
    }

    @Test
    void shouldBeCaughtByTheExchangesRateRuleWhenPacedFasterThanIt()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.PER_SYMBOL).maxStreamsPerMessage(1)
                 .controlIntervalMs(1)))
        {
            upstream.start();
            subscribeEverything(upstream);

            Await.until("the exchange disconnects the client", () -> simulator.counters().rateLimitDisconnects() > 0);
            Await.until("reconnected", () -> upstream.status().reconnects() > 0);
        }
    }

    @Test
    void shouldCountAndSkipMalformedFramesWithoutLosingTheConnection()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().klinePushMs(3_600_000));
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            upstream.start();
            final List<Kline> klines = new CopyOnWriteArrayList<>();
            upstream.subscribeKlines("BTCUSDT", "1m", (symbol, interval, kline) -> klines.add(kline));
            Await.until("subscribed", () -> simulator.subscriberCount("btcusdt@kline_1m") == 1);

            simulator.injectFrame("!forceOrder@arr", "not json at all");
            simulator.injectFrame("!forceOrder@arr", "42");
            simulator.injectFrame("!forceOrder@arr", "{\"e\":\"forceOrder\",\"o\":{\"s\":\"BTCUSDT\"");
            simulator.injectFrame("btcusdt@kline_1m", "{\"e\":\"kline\",\"k\":{\"t\":\"soon\"}}");
            final SimulatedLiquidation after = simulator.injectLiquidation("BTCUSDT", Side.SELL);

            Await.until("the valid liquidation delivered", () -> sink.frames().size() == 3);
            // the two frames that are not JSON are handed on as they came, for the engine to reject
            assertThat(sink.frames().subList(0, 2)).allSatisfy(frame -> assertThat(frame).startsWith("{\"stream\""));
            assertThat(sink.frames().get(0)).contains("not json at all");
            assertThat(sink.frames().get(1)).contains("{\"e\":\"forceOrder\",\"o\":{\"s\":\"BTCUSDT\"");
            assertThat(sink.frames().get(2)).contains("\"T\":" + after.tradeTimeMs());
            assertThat(upstream.status().malformedFrames()).isEqualTo(4);
            assertThat(upstream.status().reconnects()).isZero();
            assertThat(upstream.status().connected()).isTrue();
            assertThat(klines).isEmpty();
        }
    }

    @Test
    void shouldDropASilentConnectionAfterTheIdleTimeoutAndReconnect()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)
                 .idleTimeoutMs(400).pingIntervalMs(100)))
        {
            upstream.start();
            Await.until("connected", () -> upstream.status().connected());
            Await.pause(600);
            assertThat(upstream.counters().idleTimeouts()).as("pongs keep a healthy connection alive").isZero();

            simulator.stallConnections();

            Await.until("the silent connection dropped and replaced",
                () -> upstream.counters().idleTimeouts() == 1 && upstream.status().connected() && gaps.size() == 2);
            final SimulatedLiquidation after = simulator.injectLiquidation("XRPUSDT", Side.BUY);
            Await.until(
                "delivered on the new connection", () -> sink.keys().contains(RecordingFrameSink.Key.of(after)));
        }
    }

    @Test
    void shouldAnswerTheExchangesPingsAndKeepTheConnection()
    {
        final SimulatorConfig exchange =
            quietExchange().pingIntervalMs(50).pongTimeoutMs(2_000).maxMessagesPerWindow(100);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(exchange);
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            upstream.start();
            Await.until("connected", () -> upstream.status().connected());
            Await.until("many pings answered", () -> simulator.counters().pongsReceived() >= 15);

            assertThat(simulator.counters().pongTimeoutDisconnects()).isZero();
            assertThat(upstream.status().reconnects()).isZero();
            assertThat(upstream.status().connected()).isTrue();
        }
    }

    @Test
    void shouldSpreadStreamsOverConnectionsOfAtMostTheAllowedSize()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().maxStreamsPerConnection(3));
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.PER_SYMBOL).maxStreamsPerConnection(3)))
        {
            upstream.start();
            final List<String> seven = SYMBOLS.subList(0, 7);
            seven.forEach(upstream::acquire);
            Await.until("seven streams on three connections", () -> simulator.connectionCount() == 3
                && seven.stream()
                    .allMatch(symbol -> simulator.subscriberCount(symbol.toLowerCase() + "@forceOrder") == 1));

            final Set<RecordingFrameSink.Key> sent = new HashSet<>();
            seven.forEach(
                symbol -> sent.add(RecordingFrameSink.Key.of(simulator.injectLiquidation(symbol, Side.SELL))));
            Await.until("all delivered", () -> sink.distinctKeys().equals(sent));

            upstream.release(seven.get(6));
            Await.until("the emptied connection closed", () -> simulator.connectionCount() == 2);
            assertThat(upstream.status().connected()).isTrue();
            assertThat(gaps).hasSize(1);
            assertThat(simulator.counters().invalidRequests()).isZero();
        }
    }

    @Test
    void shouldRelayKlinesToTheirListenersAndUnsubscribeWhenTheLastLeaves() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().klinePushMs(30));
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)))
        {
            upstream.start();
            final List<String> first = new CopyOnWriteArrayList<>();
            final List<Kline> second = new CopyOnWriteArrayList<>();
            final AutoCloseable firstHandle = upstream.subscribeKlines("BTCUSDT", "1m",
                (symbol, interval, kline) -> first.add(symbol + ' ' + interval));
            final AutoCloseable secondHandle = upstream.subscribeKlines("btcusdt", "1m",
                (symbol, interval, kline) -> second.add(kline));

            Await.until("both listeners receive candles", () -> first.size() > 2 && second.size() > 2);
            assertThat(first).allMatch("BTCUSDT 1m"::equals);
            final Kline kline = second.get(0);
            assertThat(kline.openTimeMs() % 60_000).isZero();
            assertThat(kline.close()).matches("\\d+\\.\\d{2}");
            assertThat(simulator.subscriberCount("btcusdt@kline_1m")).isEqualTo(1);

            firstHandle.close();
            Await.pause(200);
            assertThat(simulator.subscriberCount("btcusdt@kline_1m")).isEqualTo(1);
            secondHandle.close();
            Await.until("unsubscribed", () -> simulator.subscriberCount("btcusdt@kline_1m") == 0);
        }
    }

    @Test
    void shouldConnectThroughAnHttpConnectProxyThatResolvesTheExchangesName() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange());
             ConnectProxy proxy = new ConnectProxy("desk", "s3cret");
             BinanceUpstream upstream = upstream(client(simulator, UpstreamMode.ALL_MARKET)
                 .wsBaseUrl("ws://fstream.binance.test:" + simulator.port() + "/market")
                 .proxy(URI.create("http://desk:s3cret@127.0.0.1:" + proxy.port()))))
        {
            upstream.start();
            Await.until("connected through the proxy", () -> upstream.status().connected());
            final SimulatedLiquidation liquidation = simulator.injectLiquidation("DOGEUSDT", Side.SELL);

            Await.until("delivered", () -> !sink.frames().isEmpty());
            assertThat(sink.keys()).containsExactly(RecordingFrameSink.Key.of(liquidation));
            assertThat(proxy.targets()).containsExactly("fstream.binance.test");
            assertThat(proxy.refused()).isZero();
        }
    }

    @Test
    void shouldKeepRetryingWhileTheExchangeIsUnreachableAndCloseTheGapOnceItAnswers() throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final UpstreamConfig config = new UpstreamConfig().wsBaseUrl("ws://127.0.0.1:" + port + "/market")
            .initialBackoffMs(10).maxBackoffMs(50).controlIntervalMs(40);
        try (BinanceUpstream upstream = upstream(config))
        {
            final long startMs = System.currentTimeMillis();
            upstream.start();
            Await.until("several attempts", () -> upstream.status().reconnects() >= 3);
            assertThat(upstream.status().connected()).isFalse();
            assertThat(gaps).isEmpty();

            try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().port(port)))
            {
                Await.until("connected once the exchange answers", () -> upstream.status().connected());
                assertThat(gaps).singleElement().satisfies(gap ->
                {
                    assertThat(gap.fromMs()).isBetween(startMs, startMs + 1_000);
                    assertThat(gap.toMs()).isGreaterThan(gap.fromMs());
                });
                assertThat(simulator.subscriberCount("!forceOrder@arr")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldKeepRetryingRefusedConnectsAfterAnOutageAndRecordItAsAGapWithoutLosingWhatCameBefore()
    {
        final int port = freePort();
        final SimulatedLiquidation before;
        final long downMs;
        try (BinanceUpstream upstream = upstream(clientOf("ws://127.0.0.1:" + port + "/market")))
        {
            try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().port(port)))
            {
                upstream.start();
                Await.until("connected", () -> upstream.status().connected());
                before = simulator.injectLiquidation("BTCUSDT", Side.SELL);
                Await.until("delivered", () -> sink.frames().size() == 1);
                downMs = System.currentTimeMillis();
            }
            final long failuresAtOutage = upstream.counters().connectFailures();
            Await.until("several refused attempts",
                () -> upstream.counters().connectFailures() >= failuresAtOutage + 3);
            assertThat(upstream.status().connected()).isFalse();

            assertReconnectsWhenTheExchangeListensOn(port, upstream, downMs, before);
        }
    }

    @Test
    void shouldDropAHandshakeThatNeverCompletesAndRetryUntilTheExchangeAnswers() throws Exception
    {
        final long startMs = System.currentTimeMillis();
        final ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final int port = silent.getLocalPort();
        try (BinanceUpstream upstream = upstream(clientOf("ws://127.0.0.1:" + port + "/market").liveTimeoutMs(200)))
        {
            try (silent)
            {
                upstream.start();
                Await.until("several attempts", () -> upstream.status().reconnects() >= 3);
                assertThat(upstream.status().connected()).isFalse();
                assertThat(upstream.counters().connectionsOpened()).isZero();
            }
            assertReconnectsWhenTheExchangeListensOn(port, upstream, startMs, null);
        }
    }

    @Test
    void shouldKeepRetryingAHostThatDoesNotResolve()
    {
        try (BinanceUpstream upstream = upstream(clientOf("ws://liqvol-upstream-test.invalid:9/market")))
        {
            upstream.start();
            Await.until("several failed resolutions", () -> upstream.counters().connectFailures() >= 3
                && upstream.status().reconnects() >= 3);
            assertThat(upstream.status().connected()).isFalse();
            assertThat(gaps).isEmpty();
        }
    }

    @Test
    void shouldKeepRetryingWhenNoSocketCanBeCreatedAndReconnectOnceDescriptorsAreFree() throws Exception
    {
        final int port = freePort();
        final String path = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process child = new ProcessBuilder("bash", "-c", "ulimit -n 256 && exec \"$0\" \"$@\"", path,
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx64m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"),
            FdShortageUpstreamMain.class.getName(), "ws://127.0.0.1:" + port + "/market")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        try (BufferedReader answers = new BufferedReader(
                 new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
             PrintStream commands = new PrintStream(child.getOutputStream(), true, StandardCharsets.US_ASCII))
        {
            final SimulatedLiquidation before;
            final long downMs;
            try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().port(port)))
            {
                assertThat(ask(commands, answers, "connected")).isEqualTo("connected true");
                before = simulator.injectLiquidation("BTCUSDT", Side.SELL);
                assertThat(ask(commands, answers, "frames 1")).isEqualTo("frames true");
                downMs = System.currentTimeMillis();
            }
            assertThat(ask(commands, answers, "failures 1")).as("refused while the exchange is away")
                .isEqualTo("failures true");
            assertThat(ask(commands, answers, "exhaust")).startsWith("exhausted ");
            assertThat(ask(commands, answers, "failures 3")).as("retried while no socket can be created")
                .isEqualTo("failures true");

            try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().port(port)))
            {
                final long upMs = System.currentTimeMillis();
                assertThat(ask(commands, answers, "release")).startsWith("released ");
                assertThat(ask(commands, answers, "connected")).isEqualTo("connected true");
                final SimulatedLiquidation after = simulator.injectLiquidation("ETHUSDT", Side.BUY);
                assertThat(ask(commands, answers, "frames 2")).isEqualTo("frames true");

                final String report = ask(commands, answers, "report");
                assertThat(report).startsWith("report true").contains(
                    " key=" + RecordingFrameSink.Key.of(before).toString().replace(' ', '_'),
                    " key=" + RecordingFrameSink.Key.of(after).toString().replace(' ', '_'));
                final List<String> recorded = List.of(report.split(" ")).stream()
                    .filter(word -> word.startsWith("gap=")).toList();
                assertThat(recorded).hasSize(2);
                final String[] outage = recorded.get(1).substring("gap=".length()).split("-");
                assertThat(Long.parseLong(outage[0])).isBetween(downMs - 1_000, downMs + 1_000);
                assertThat(Long.parseLong(outage[1])).isGreaterThanOrEqualTo(upMs);
            }
        }
        finally
        {
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String ask(final PrintStream commands, final BufferedReader answers, final String command)
        throws IOException
    {
        commands.println(command);
        final String answer = answers.readLine();
        assertThat(answer).as("answer to " + command).isNotNull();
        return answer;
    }

    /** The exchange starts listening on the port: the client connects, closes the gap and loses nothing. */
    private void assertReconnectsWhenTheExchangeListensOn(final int port, final BinanceUpstream upstream,
        final long downMs, final SimulatedLiquidation before)
    {
        final int gapsBefore = gaps.size();
        final long upMs = System.currentTimeMillis();
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quietExchange().port(port)))
        {
            Await.until("connected once the exchange answers", () -> upstream.status().connected());
            final SimulatedLiquidation after = simulator.injectLiquidation("ETHUSDT", Side.BUY);
            Await.until("delivered after the gap", () -> sink.keys().contains(RecordingFrameSink.Key.of(after)));
            assertThat(gaps).hasSize(gapsBefore + 1);
            assertThat(gaps.get(gaps.size() - 1)).satisfies(gap ->
            {
                assertThat(gap.fromMs()).isBetween(downMs - 1_000, downMs + 1_000);
                assertThat(gap.toMs()).isGreaterThanOrEqualTo(upMs);
            });
            if (before != null)
            {
                assertThat(sink.keys()).containsExactly(RecordingFrameSink.Key.of(before),
                    RecordingFrameSink.Key.of(after));
            }
        }
    }

    private static int freePort()
    {
        try (ServerSocket probe = new ServerSocket(0))
        {
            return probe.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<AutoCloseable> subscribeEverything(final BinanceUpstream upstream)
    {
        final List<AutoCloseable> klines = new ArrayList<>();
        for (final String symbol : SYMBOLS)
        {
            upstream.acquire(symbol);
            klines.add(upstream.subscribeKlines(symbol, "1h", (s, i, k) -> { }));
        }
        return klines;
    }

    private static boolean everyStreamSubscribed(final ExchangeSimulator simulator)
    {
        final Map<String, Integer> counts = new HashMap<>();
        for (final String symbol : SYMBOLS)
        {
            counts.put(symbol, simulator.subscriberCount(symbol.toLowerCase() + "@forceOrder")
                + simulator.subscriberCount(symbol.toLowerCase() + "@kline_1h"));
        }
        return counts.values().stream().allMatch(count -> count == 2);
    }
}
