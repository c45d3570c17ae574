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

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
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
        return new UpstreamConfig().wsBaseUrl(simulator.wsBaseUrl()).restBaseUrl(simulator.restBaseUrl()).mode(mode)
            .controlIntervalMs(40).pingIntervalMs(1_000).idleTimeoutMs(5_000).liveTimeoutMs(5_000)
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

            Await.until("the valid liquidation delivered", () -> !sink.frames().isEmpty());
            assertThat(sink.keys()).containsExactly(RecordingFrameSink.Key.of(after));
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
            quietExchange().pingIntervalMs(50).pongTimeoutMs(300).maxMessagesPerWindow(100);
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
