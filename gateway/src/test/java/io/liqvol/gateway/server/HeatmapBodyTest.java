package io.liqvol.gateway.server;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.journal.JournalDescriptor;
import io.liqvol.gateway.EngineHistory;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The realized heatmap against a BigDecimal reference of the same liquidations, across segment rolls and a restart. */
class HeatmapBodyTest
{
    private static final long E8 = 100_000_000L;
    private static final long HOUR_MS = 3_600_000L;
    private static final BigDecimal[] LADDER = {BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(5)};
    private static final SymbolFormat BTC = new SymbolFormat("BTCUSDT", "BTC", "USDT", 3, 1, "TRADING");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** Injected liquidations: symbol, side, time, quantity, price. */
    private final List<Object[]> injected = new ArrayList<>();

    @Test
    void shouldEqualTheReferenceAcrossSegmentRollsAndARestart() throws Exception
    {
        final long endMs = (System.currentTimeMillis() / HOUR_MS + 1) * HOUR_MS;
        final long startMs = endMs - 30 * 24 * HOUR_MS;
        final Random random = new Random(17);
        try (LiqvolEngine engine = launch())
        {
            inject(engine, random, startMs, 2_500);
            final EngineHistory history = new EngineHistory(engine, new LiquidationTape(System::currentTimeMillis));
            assertMatchesReference(history, startMs, endMs, 50);
            assertMatchesReference(history, startMs + 7 * HOUR_MS + 1, endMs - 3 * 24 * HOUR_MS, 13);
        }
        try (LiqvolEngine engine = launch())
        {
            inject(engine, random, startMs, 1_500);
            final EngineHistory history = new EngineHistory(engine, new LiquidationTape(System::currentTimeMillis));
            assertThat(injected).hasSize(4_000);
            assertMatchesReference(history, startMs, endMs, 200);
            assertMatchesReference(history, startMs - 24 * HOUR_MS, endMs, 10);
        }
    }

    @Test
    void shouldAnswerFromTheNewestInMemoryWithoutAJournal() throws Exception
    {
        final long endMs = (System.currentTimeMillis() / HOUR_MS + 1) * HOUR_MS;
        final long startMs = endMs - 24 * HOUR_MS;
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext()))
        {
            inject(engine, new Random(5), startMs, 300);
            final EngineHistory history = new EngineHistory(engine, new LiquidationTape(System::currentTimeMillis));
            assertThat(history.isJournaled()).isFalse();
            assertMatchesReference(history, startMs, endMs, 30);
        }
    }

    @Test
    void shouldServeItOverHttpAndRefuseWhatItCannotAnswer() throws Exception
    {
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000)))
        {
            final long hourMs = (System.currentTimeMillis() / HOUR_MS) * HOUR_MS;
            harness.liquidate("BTCUSDT", Side.SELL, 2 * E8, 60_000 * E8, hourMs - 2 * HOUR_MS);
            harness.liquidate("BTCUSDT", Side.BUY, E8 / 2, 61_000 * E8, hourMs - HOUR_MS);
            harness.liquidate(Venue.OKX, "BTCUSDT", Side.BUY, E8, 61_000 * E8, hourMs - HOUR_MS);
            Await.until("journaled",
                () -> harness.engine.processedSequence() == harness.engine.inputSequence());
            final String month = "start=" + (hourMs - 30 * 24 * HOUR_MS) + "&end=" + (hourMs + HOUR_MS);

            final HttpResponse<String> answer =
                get(harness, "/api/v1/heatmap/btcusdt/1h?bins=200&exchange=binance,bybit&" + month);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            final Map<String, Object> heatmap = TestJson.object(answer.body());
            final Map<String, Object> okx =
                TestJson.object(get(harness, "/api/v1/heatmap/btcusdt/1h?bins=200&exchange=okx&" + month).body());
            assertThat(cells(okx)).extracting(cell -> cell.get("buy_volume")).containsExactly("61000.00");
            assertThat(TestJson.object(get(harness, "/api/v1/heatmap/btcusdt/1h?bins=200&" + month).body()))
                .containsEntry("count", 3L);
            assertError(get(harness, "/api/v1/heatmap/BTCUSDT/1h?exchange=ftx"), "invalid_exchange");
            assertThat(heatmap).containsEntry("kind", "realized").containsEntry("count", 2L)
                .containsEntry("symbol", "BTCUSDT");
            assertThat(cells(heatmap)).extracting(cell -> cell.get("sell_volume"), cell -> cell.get("buy_volume"))
                .containsExactly(tuple("120000.00", "0.00"),
                    tuple("0.00", "30500.00"));
            assertError(get(harness, "/api/v1/heatmap/BTCUSDT/1h?bins=9"), "invalid_parameter");
            assertError(get(harness, "/api/v1/heatmap/BTCUSDT/1h?bins=201"), "invalid_parameter");
            assertError(get(harness, "/api/v1/heatmap/BTCUSDT/1h?limit=3"), "unknown_parameter");
            assertError(get(harness, "/api/v1/heatmap/BTCUSDT/15m?bins=200&" + month), "range_too_large");
            assertThat(get(harness, "/api/v1/heatmap/BTCUSDT").statusCode()).isEqualTo(404);
            // the price is given back once the answer's last byte is written, which the client may see first
            Await.until("every query's price given back",
                () -> harness.metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD) == 0);
        }
    }

    private LiqvolEngine launch()
    {
        return LiqvolEngine.launch(new EngineContext().dataDir(dir).segmentBytes(JournalDescriptor.recordOffset(1024)));
    }

    /** Liquidations of BTCUSDT and ETHUSDT over the 30 days from {@code startMs}, in random order of time. */
    private void inject(final LiqvolEngine engine, final Random random, final long startMs, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final String symbol = random.nextInt(4) == 0 ? "ETHUSDT" : "BTCUSDT";
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long timeMs = startMs - HOUR_MS + (long)(random.nextDouble() * 31 * 24 * HOUR_MS);
            final long quantityE8 = (1 + random.nextInt(90_000_000)) * 1_000L;
            final long priceE8 = (55_000 * E8 + random.nextLong(8_000 * E8)) / (E8 / 10) * (E8 / 10);
            assertThat(engine.ingestLiquidation(symbol, side, quantityE8, priceE8, timeMs, timeMs)).isTrue();
            injected.add(new Object[] {symbol, side, timeMs, quantityE8, priceE8});
        }
        Await.until("every liquidation journaled", () -> engine.processedSequence() == engine.inputSequence());
    }

    private void assertMatchesReference(final EngineHistory history, final long startMs, final long endMs,
        final int bins) throws Exception
    {
        final List<Object[]> chosen = injected.stream().filter(row -> row[0].equals("BTCUSDT")
            && (Long)row[2] >= startMs && (Long)row[2] < endMs).toList();
        final BigDecimal min = chosen.stream().map(row -> price(row)).min(BigDecimal::compareTo).orElseThrow();
        final BigDecimal max = chosen.stream().map(row -> price(row)).max(BigDecimal::compareTo).orElseThrow();
        final BigDecimal size = binSize(new BigDecimal("0.1"), min, max, bins);
        final Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (final Object[] row : chosen)
        {
            final long bucketMs = Math.floorDiv((Long)row[2], HOUR_MS) * HOUR_MS;
            final BigDecimal low = price(row).divide(size, 0, RoundingMode.FLOOR).multiply(size);
            final BigDecimal[] cell = expected.computeIfAbsent(bucketMs + " " + low.stripTrailingZeros()
                .toPlainString(), key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
            final int at = row[1] == Side.BUY ? 0 : 1;
            cell[at] = cell[at].add(BigDecimal.valueOf((Long)row[3], 8).multiply(price(row)));
            cell[at + 2] = cell[at + 2].add(BigDecimal.ONE);
        }

        final Map<String, Object> heatmap = run(history, startMs, endMs, bins);

        assertThat(heatmap).containsEntry("count", (long)chosen.size()).containsEntry("kind", "realized")
            .containsEntry("bin_size", size.stripTrailingZeros().scale() < 1
                ? size.setScale(1, RoundingMode.UNNECESSARY).toPlainString() : size.toPlainString());
        final Map<String, BigDecimal[]> actual = new TreeMap<>();
        for (final Map<String, Object> cell : cells(heatmap))
        {
            actual.put(cell.get("timestamp_ms") + " " + new BigDecimal((String)cell.get("price_low"))
                .stripTrailingZeros().toPlainString(), new BigDecimal[] {
                    new BigDecimal((String)cell.get("buy_volume")), new BigDecimal((String)cell.get("sell_volume")),
                    BigDecimal.valueOf((Long)cell.get("buy_count")), BigDecimal.valueOf((Long)cell.get("sell_count"))});
            assertThat(new BigDecimal((String)cell.get("price_high")).subtract(
                new BigDecimal((String)cell.get("price_low")))).isEqualByComparingTo(size);
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (final String key : expected.keySet())
        {
            for (int i = 0; i < 4; i++)
            {
                assertThat(actual.get(key)[i]).as(key).isEqualByComparingTo(expected.get(key)[i]);
            }
        }
        assertThat(((Number)heatmap.get("bin_count")).intValue()).isLessThanOrEqualTo(bins);
    }

    /** The contract's rule, computed apart: the smallest tick × {1, 2, 5} × 10^k whose aligned bins fit. */
    private static BigDecimal binSize(final BigDecimal tick, final BigDecimal min, final BigDecimal max, final int bins)
    {
        for (BigDecimal decade = tick; ; decade = decade.scaleByPowerOfTen(1))
        {
            for (final BigDecimal step : LADDER)
            {
                final BigDecimal size = decade.multiply(step);
                final BigDecimal spanned = max.divide(size, 0, RoundingMode.FLOOR)
                    .subtract(min.divide(size, 0, RoundingMode.FLOOR)).add(BigDecimal.ONE);
                if (spanned.compareTo(BigDecimal.valueOf(bins)) <= 0)
                {
                    return size;
                }
            }
        }
    }

    private static BigDecimal price(final Object[] row)
    {
        return BigDecimal.valueOf((Long)row[4], 8);
    }

    private static Map<String, Object> run(final EngineHistory history, final long startMs, final long endMs,
        final int bins) throws Exception
    {
        final HeatmapBody body = new HeatmapBody(history, BTC, Timeframe.H1,
            new VolumeRange(startMs, endMs), bins, VenueSelection.ALL);
        final ByteBuf out = Unpooled.buffer();
        try
        {
            int pieces = 0;
            while (body.appendTo(out))
            {
                pieces++;
            }
            assertThat(pieces).as("read and written in pieces").isGreaterThan(1);
            return TestJson.object(out.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            out.release();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(final Map<String, Object> heatmap)
    {
        return (List<Map<String, Object>>)heatmap.get("cells");
    }

    private static void assertError(final HttpResponse<String> response, final String code)
    {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private static HttpResponse<String> get(final ServerHarness harness, final String pathAndQuery) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(harness.http(pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
