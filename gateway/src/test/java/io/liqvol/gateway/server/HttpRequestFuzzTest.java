package io.liqvol.gateway.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.gateway.EngineHistory;
import io.liqvol.gateway.testing.Await;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: any bytes on a connection go through the server's HTTP handlers (codec, aggregation, router,
 * request validation, the REST API over a real engine) in an {@link EmbeddedChannel} without an exception, and every
 * response has a status of the contract (docs/API.md §6). The exchange's candles are out of scope: the market data
 * answers an empty list. Seeds in {@code HttpRequestFuzzTestInputs}.
 */
class HttpRequestFuzzTest
{
    private static final Set<Integer> CONTRACT_STATUSES =
        Set.of(101, 200, 304, 400, 401, 403, 404, 405, 408, 413, 421, 426, 429, 500, 502, 503);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    private static LiqvolEngine engine;
    private static GatewayServerInitializer initializer;
    private static QueryScheduler queries;
    private static OverviewFeed overview;
    private static GatewayMetrics metrics;

    @BeforeAll
    static void start()
    {
        engine = LiqvolEngine.launch(new EngineContext());
        final long nowMs = System.currentTimeMillis();
        engine.ingestLiquidation("BTCUSDT", Side.SELL, 1_400_000L, 991_000_000_000L, nowMs, nowMs);
        // The seeds name host "a": allowed, so that fuzzing gets past the Host check to the routes.
        final ServerConfig config = new ServerConfig().allowedHosts(List.of("a")).conclude();
        metrics = new GatewayMetrics();
        final SymbolDirectory symbols = new SymbolDirectory();
        final EngineHistory history = new EngineHistory(engine, new LiquidationTape(System::currentTimeMillis));
        // the exchange's candles are not what is fuzzed here
        final MarketData marketData = new NoMarketData();
        queries = new QueryScheduler(1, config.queryBudget(), config.queryBudgetPerAddress(), metrics);
        final ServerHandlerParts parts = new ServerHandlerParts(config, metrics, new Subscriptions(), symbols, history,
            new RequestValidator(symbols, history, config.maxRangeBuckets(), config.defaultRangeBuckets()),
            queries,
            new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), marketData,
            new KlineRelay(marketData, UnpooledByteBufAllocator.DEFAULT),
            new FanOutLoops(metrics, config.outboundQueueMessages()), new AccessTokens("", null), null,
            overview = new OverviewFeed(history, metrics, UnpooledByteBufAllocator.DEFAULT));
        initializer = new GatewayServerInitializer(parts, new ConnectionLimiter(config, metrics),
            OriginPolicy.of(config), new StaticFiles("static", HttpRequestFuzzTest.class.getClassLoader()),
            new HealthEndpoints(new QuietHealth(), metrics), null);
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        queries.close(1_000);
        overview.close();
        engine.close();
    }

    @FuzzTest(maxDuration = "20s")
    /** Without line breaks: libFuzzer's dictionary format takes one entry a line; the seeds carry CRLF. */
    @DictionaryEntries({"GET ", "POST ", " HTTP/1.1", "Host: a", "Connection: close", "Content-Length: ",
        "Transfer-Encoding: chunked", "Accept-Encoding: gzip", "Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13", "Origin: http://evil",
        "If-None-Match: ", "/api/v1/liquidation-volume/BTCUSDT/1m?start=", "&end=",
        "/api/v1/liquidations/BTCUSDT?limit=", "/api/v1/klines/BTCUSDT/1h", "/api/v1/symbols", "/health/ready",
        "/health/live", "/health", "/metrics", "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m", "/index.html",
        "%2e%2e/"})
    void shouldAnswerAnyBytesWithStatusesOfTheContract(final byte[] request)
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        initializer.addHttpHandlers(channel.pipeline());
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        // A history query runs on a query thread and hands its answer to the channel's loop, whose task gives the
        // price back once the answer is written. An embedded loop is not thread-safe, so its tasks run here only
        // while no query step runs, until the price is back (a streamed answer takes several steps).
        final long deadlineMs = System.currentTimeMillis() + 5_000;
        do
        {
            Await.until("the query threads idle", Duration.ofSeconds(5), queries::idle);
            channel.runPendingTasks();
            assertThat(System.currentTimeMillis()).as("the query's price given back").isLessThan(deadlineMs);
        }
        while (metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD) != 0);
        channel.checkException();
        final StringBuilder written = new StringBuilder();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound())
        {
            if (out instanceof ByteBuf bytes)
            {
                written.append(bytes.toString(StandardCharsets.ISO_8859_1));
                bytes.release();
            }
        }
        channel.finishAndReleaseAll();
        final Matcher status = STATUS_LINE.matcher(written);
        while (status.find())
        {
            assertThat(Integer.parseInt(status.group(1))).isIn(CONTRACT_STATUSES);
        }
    }

    /** Health has its own tests; here it is one more route. */
    private static final class QuietHealth implements HealthReport
    {
        @Override
        public List<String> degradedReasons()
        {
            return List.of();
        }

        @Override
        public List<String> notReadyReasons()
        {
            return List.of();
        }

        @Override
        public List<String> notLiveReasons()
        {
            return List.of();
        }

        @Override
        public void writeFields(final JsonGenerator json)
        {
        }
    }
}
