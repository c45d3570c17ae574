package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeSimulatorTest
{
    private static final long WAIT_MS = 5_000;
    private static final Pattern EVENT_TIME = Pattern.compile("\"E\":(\\d+)");
    private static final Pattern SYMBOL = Pattern.compile("\"s\":\"([A-Z0-9]+)\"");

    private static SimulatorConfig quiet()
    {
        return new SimulatorConfig().generateFlow(false).liquidationIntervalMs(50);
    }

    @Test
    void shouldAnswerSubscribeUnsubscribeAndListSubscriptions()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet());
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/stream"))
        {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@forceOrder\",\"ethusdt@kline_1m\"],\"id\":7}");
            assertThat(client.nextTextContaining("\"id\":7", WAIT_MS)).isEqualTo("{\"result\":null,\"id\":7}");
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":8}");
            assertThat(client.nextTextContaining("\"id\":8", WAIT_MS))
                .isEqualTo("{\"result\":[\"btcusdt@forceOrder\",\"ethusdt@kline_1m\"],\"id\":8}");

            client.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@kline_1m\"],\"id\":9}");
            assertThat(client.nextTextContaining("\"id\":9", WAIT_MS)).isEqualTo("{\"result\":null,\"id\":9}");
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":10}");
            assertThat(client.nextTextContaining("\"id\":10", WAIT_MS))
                .isEqualTo("{\"result\":[\"btcusdt@forceOrder\"],\"id\":10}");
            assertThat(simulator.subscriberCount("btcusdt@forceOrder")).isEqualTo(1);
            assertThat(simulator.subscriberCount("ethusdt@kline_1m")).isZero();
        }
    }

    @Test
    void shouldPushCombinedFramesAndRawEventsToSymbolAndAllMarketSubscribers()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet());
             TestWebSocket combined = TestWebSocket.connect(
                 simulator.wsBaseUrl() + "/stream?streams=btcusdt@forceOrder");
             TestWebSocket raw = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws/!forceOrder@arr"))
        {
            Await.until("both connections registered", () -> simulator.connectionCount() == 2);

            final SimulatedLiquidation liquidation = simulator.injectLiquidation("BTCUSDT", Side.SELL);

            final String event = liquidation.toEventJson(eventTimeOf(raw.nextText(WAIT_MS), "raw"));
            assertThat(combined.nextText(WAIT_MS))
                .isEqualTo("{\"stream\":\"btcusdt@forceOrder\",\"data\":" + event + "}");
            assertThat(event).contains("\"s\":\"BTCUSDT\"", "\"S\":\"SELL\"",
                "\"z\":\"" + liquidation.quantity() + "\"", "\"ap\":\"" + liquidation.averagePrice() + "\"",
                "\"T\":" + liquidation.tradeTimeMs());
        }
    }

    @Test
    void shouldServeStreamRoutesUnderAnyBasePath()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet());
             TestWebSocket deep = TestWebSocket.connect(
                 "ws://127.0.0.1:" + simulator.port() + "/some/prefix/ws/ethusdt@forceOrder");
             TestWebSocket two = TestWebSocket.connect(
                 "ws://127.0.0.1:" + simulator.port() + "/stream?streams=ethusdt@forceOrder/solusdt@forceOrder"))
        {
            Await.until("subscriptions from the URLs", () -> simulator.subscriberCount("ethusdt@forceOrder") == 2
                && simulator.subscriberCount("solusdt@forceOrder") == 1);

            simulator.injectLiquidation("SOLUSDT", Side.BUY);

            assertThat(two.nextText(WAIT_MS))
                .startsWith("{\"stream\":\"solusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\"");
            assertThat(deep.nextText(200)).isNull();
        }
    }

    @Test
    void shouldAnswerUnknownStreamsAndInvalidRequestsWithErrorsAndKeepTheConnection()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet());
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws"))
        {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"nosuchusdt@forceOrder\"],\"id\":3}");
            assertThat(client.nextText(WAIT_MS)).startsWith("{\"error\":{\"code\":2,").endsWith("\"id\":3}");
            client.send("not json");
            assertThat(client.nextText(WAIT_MS)).startsWith("{\"error\":{\"code\":3,").endsWith("\"id\":null}");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"BTCUSDT@forceOrder\"],\"id\":4}");
            assertThat(client.nextText(WAIT_MS)).contains("unknown stream").endsWith("\"id\":4}");

            assertThat(client.isOpen()).isTrue();
            assertThat(simulator.counters().invalidRequests()).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseMoreStreamsThanAllowedOnOneConnection()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet().maxStreamsPerConnection(2));
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/stream"))
        {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@forceOrder\",\"ethusdt@forceOrder\"],"
                + "\"id\":1}");
            assertThat(client.nextText(WAIT_MS)).isEqualTo("{\"result\":null,\"id\":1}");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"solusdt@forceOrder\"],\"id\":2}");
            assertThat(client.nextText(WAIT_MS)).contains("more than 2 streams").endsWith("\"id\":2}");
            assertThat(simulator.subscriberCount("solusdt@forceOrder")).isZero();
        }
    }

    @Test
    void shouldDisconnectClientSendingMoreMessagesPerWindowThanAllowed()
    {
        final SimulatorConfig limited = quiet().maxMessagesPerWindow(5).rateWindowMs(60_000);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(limited);
             TestWebSocket polite = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws");
             TestWebSocket greedy = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws"))
        {
            for (int id = 1; id <= 5; id++)
            {
                polite.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }
            for (int id = 1; id <= 6; id++)
            {
                greedy.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }

            Await.until("the greedy client is disconnected", () -> !greedy.isOpen());
            assertThat(greedy.awaitClose().status()).isEqualTo(1008);
            assertThat(polite.nextTextContaining("\"id\":5", WAIT_MS)).isNotNull();
            assertThat(polite.isOpen()).isTrue();
            assertThat(simulator.counters().rateLimitDisconnects()).isEqualTo(1);
        }
    }

    @Test
    void shouldPingAndDropClientThatStopsAnsweringPings()
    {
        final SimulatorConfig config = quiet().pingIntervalMs(50).pongTimeoutMs(250).maxMessagesPerWindow(1000);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config);
             TestWebSocket answering = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws");
             TestWebSocket silent = TestWebSocket.connectIgnoringPings(simulator.wsBaseUrl() + "/ws"))
        {
            Await.until("the silent client is dropped", () -> !silent.isOpen());

            assertThat(silent.pingsReceived()).isPositive();
            assertThat(answering.isOpen()).isTrue();
            assertThat(answering.pingsReceived()).isPositive();
            assertThat(simulator.counters().pongTimeoutDisconnects()).isEqualTo(1);
            assertThat(simulator.counters().pongsReceived()).isPositive();
        }
    }

    @Test
    void shouldCutConnectionsAtTheMaximumAge()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet().maxConnectionAgeMs(300));
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws"))
        {
            Await.until("the connection is cut", () -> !client.isOpen());

            assertThat(client.awaitClose().status()).isEqualTo(1000);
            assertThat(simulator.counters().ageCuts()).isEqualTo(1);
            assertThat(simulator.connectionCount()).isZero();
        }
    }

    @Test
    void shouldPushAtMostOneLiquidationPerSymbolPerIntervalAndTheLatest()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet().liquidationIntervalMs(300));
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws/!forceOrder@arr"))
        {
            Await.until("subscribed", () -> simulator.subscriberCount("!forceOrder@arr") == 1);
            final List<SimulatedLiquidation> btc = new ArrayList<>();
            for (int i = 0; i < 5; i++)
            {
                btc.add(simulator.injectLiquidation("BTCUSDT", i % 2 == 0 ? Side.SELL : Side.BUY));
            }
            final SimulatedLiquidation eth = simulator.injectLiquidation("ETHUSDT", Side.SELL);

            final Map<String, List<String>> framesBySymbol = new HashMap<>();
            for (int i = 0; i < 3; i++)
            {
                final String frame = client.nextText(WAIT_MS);
                framesBySymbol.computeIfAbsent(group(SYMBOL, frame), key -> new ArrayList<>()).add(frame);
            }

            final List<String> btcFrames = framesBySymbol.get("BTCUSDT");
            assertThat(btcFrames).hasSize(2);
            assertThat(btcFrames.get(0)).contains("\"T\":" + btc.get(0).tradeTimeMs());
            assertThat(btcFrames.get(1))
                .contains("\"T\":" + btc.get(4).tradeTimeMs(), "\"z\":\"" + btc.get(4).quantity() + "\"");
            assertThat(eventTimeOf(btcFrames.get(1), "second") - eventTimeOf(btcFrames.get(0), "first"))
                .isGreaterThanOrEqualTo(300);
            assertThat(framesBySymbol.get("ETHUSDT")).singleElement().asString().contains("\"T\":" + eth.tradeTimeMs());
            assertThat(client.nextText(500)).isNull();
            assertThat(simulator.liquidationsReplaced()).isEqualTo(3);
        }
    }

    @Test
    void shouldGenerateAFlowAcrossSymbolsThatKeepsTheSnapshotRule()
    {
        final SimulatorConfig config = new SimulatorConfig().tickMs(10).quietLiquidationsPerSecond(300)
            .liquidationIntervalMs(100).meanCascadeGapMs(0).seed(7);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config);
             TestWebSocket client = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws/!forceOrder@arr"))
        {
            final Map<String, List<Long>> eventTimesBySymbol = new HashMap<>();
            int frames = 0;
            while (frames < 60)
            {
                final String frame = client.nextText(WAIT_MS);
                assertThat(frame).isNotNull();
                eventTimesBySymbol.computeIfAbsent(group(SYMBOL, frame), key -> new ArrayList<>())
                    .add(eventTimeOf(frame, "event"));
                frames++;
            }

            assertThat(eventTimesBySymbol.size()).isGreaterThan(3);
            for (final List<Long> times : eventTimesBySymbol.values())
            {
                for (int i = 1; i < times.size(); i++)
                {
                    assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(100);
                }
            }
        }
    }

    @Test
    void shouldServeExchangeInfoLikeBinance() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet()))
        {
            final HttpResponse<String> response = get(simulator.restBaseUrl() + "/fapi/v1/exchangeInfo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(
                "\"symbol\":\"BTCUSDT\",\"pair\":\"BTCUSDT\",\"contractType\":\"PERPETUAL\"",
                "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\"",
                "\"pricePrecision\":2,\"quantityPrecision\":3",
                "\"tickSize\":\"0.10\"", "\"stepSize\":\"0.001\"",
                "\"symbol\":\"1000PEPEUSDT\"", "\"tickSize\":\"0.0000001\"");
            assertThat(response.body().split("\"contractType\"", -1)).hasSize(SymbolUniverse.defaults().size() + 1);
        }
    }

    @Test
    void shouldServeKlinesLikeBinanceAndRejectBadParameters() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet()))
        {
            final long nowMs = System.currentTimeMillis();
            final HttpResponse<String> candles = get(simulator.restBaseUrl()
                + "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=10");

            assertThat(candles.statusCode()).isEqualTo(200);
            final List<Long> openTimes = new ArrayList<>();
            final Matcher matcher = Pattern.compile("\\[(\\d+),\"").matcher(candles.body());
            while (matcher.find())
            {
                openTimes.add(Long.parseLong(matcher.group(1)));
            }
            assertThat(openTimes).hasSize(10);
            for (int i = 1; i < openTimes.size(); i++)
            {
                assertThat(openTimes.get(i) - openTimes.get(i - 1)).isEqualTo(60_000);
            }
            assertThat(openTimes.get(9)).isBetween(nowMs / 60_000 * 60_000, nowMs / 60_000 * 60_000 + 60_000);

            final long startMs = openTimes.get(9) - 5 * 3_600_000L;
            final HttpResponse<String> fromStart = get(simulator.restBaseUrl()
                + "/fapi/v1/klines?symbol=ETHUSDT&interval=1h&startTime=" + startMs + "&limit=2");
            final long firstHourFromStartMs = (startMs + 3_600_000L - 1) / 3_600_000L * 3_600_000L;
            assertThat(fromStart.body()).startsWith("[[" + firstHourFromStartMs + ",")
                .contains("],[" + (firstHourFromStartMs + 3_600_000L) + ",").doesNotContain("]],[");

            assertThat(get(simulator.restBaseUrl() + "/fapi/v1/klines?symbol=BTCUSDT&interval=7m").body())
                .isEqualTo("{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
            assertThat(get(simulator.restBaseUrl() + "/fapi/v1/klines?symbol=NOPEUSDT&interval=1m").statusCode())
                .isEqualTo(400);
            assertThat(get(simulator.restBaseUrl() + "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=1501").body())
                .contains("-1130");
        }
    }

    @Test
    void shouldPushKlineEventsThatMatchTheRestCandles() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(quiet().klinePushMs(50));
             TestWebSocket client = TestWebSocket.connect(
                 simulator.wsBaseUrl() + "/stream?streams=solusdt@kline_5m"))
        {
            final String frame = client.nextTextContaining("\"e\":\"kline\"", WAIT_MS);
            final HttpResponse<String> rest = get(simulator.restBaseUrl()
                + "/fapi/v1/klines?symbol=SOLUSDT&interval=5m&limit=1");

            final Matcher candle = Pattern
                .compile("^\\[\\[(\\d+),\"([0-9.]+)\",\"([0-9.]+)\",\"([0-9.]+)\",\"([0-9.]+)\"")
                .matcher(rest.body());
            assertThat(candle.find()).isTrue();
            assertThat(frame).startsWith("{\"stream\":\"solusdt@kline_5m\",\"data\":{\"e\":\"kline\"")
                .contains("\"k\":{\"t\":" + candle.group(1) + ",", "\"i\":\"5m\"", "\"o\":\"" + candle.group(2) + "\"",
                    "\"c\":\"" + candle.group(5) + "\"", "\"x\":false");
        }
    }

    @Test
    void shouldReplayRecordedFramesToTheirStreams(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("frames.jsonl");
        final String first = "{\"e\":\"forceOrder\",\"E\":1700000000000,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\","
            + "\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.014\",\"p\":\"9910\",\"ap\":\"9910\",\"X\":\"FILLED\","
            + "\"l\":\"0.014\",\"z\":\"0.014\",\"T\":1700000000000}}";
        final String second = "{\"e\":\"forceOrder\",\"E\":1700000000100,\"o\":{\"s\":\"ETHUSDT\",\"S\":\"BUY\","
            + "\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"1.5\",\"p\":\"2000\",\"ap\":\"1999.5\",\"X\":\"FILLED\","
            + "\"l\":\"1.5\",\"z\":\"1.5\",\"T\":1700000000099}}";
        Files.writeString(file, first + "\nnot a frame\n{\"stream\":\"!forceOrder@arr\",\"data\":" + second + "}\n");
        final SimulatorConfig config = quiet().replayFile(file).replayDelayMs(700);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config);
             TestWebSocket all = TestWebSocket.connect(simulator.wsBaseUrl() + "/ws/!forceOrder@arr");
             TestWebSocket eth = TestWebSocket.connect(
                 simulator.wsBaseUrl() + "/stream?streams=ethusdt@forceOrder"))
        {
            assertThat(all.nextText(WAIT_MS)).isEqualTo(first);
            assertThat(all.nextText(WAIT_MS)).isEqualTo(second);
            assertThat(eth.nextText(WAIT_MS)).isEqualTo("{\"stream\":\"ethusdt@forceOrder\",\"data\":" + second + "}");
            assertThat(simulator.counters().liquidationsPublished()).isEqualTo(2);
        }
    }

    private static HttpResponse<String> get(final String url) throws IOException, InterruptedException
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static long eventTimeOf(final String frame, final String which)
    {
        assertThat(frame).as(which + " frame").isNotNull();
        return Long.parseLong(group(EVENT_TIME, frame));
    }

    private static String group(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
