package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The order history and CSV export over real sockets, against a BigDecimal reference of the injected orders. */
class OrderHistoryBodyTest
{
    private static final long E8 = 100_000_000L;
    private static final long START_MS = 1_680_000_000_000L;
    private static final int COUNT = 2_500;
    private static final List<String> SYMBOLS = List.of("DOGEUSDT", "LTCUSDT");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> INJECTED = new ArrayList<>();
    private static ServerHarness harness;

    @BeforeAll
    static void start() throws InterruptedException
    {
        harness = ServerHarness.start(new ServerConfig().requestsPerSecond(1000));
        final Random random = new Random(3);
        for (int i = 0; i < COUNT; i++)
        {
            final String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long quantityE8 = (1 + random.nextInt(5_000)) * 1_000_000L;
            final long priceE8 = 50 * E8 + random.nextInt(1_000_000_000);
            final long timeMs = START_MS + i * 1_000L;
            final Venue venue = Venue.fromOrdinal(i % Venue.count());
            harness.liquidate(venue, symbol, side, quantityE8, priceE8, timeMs);
            INJECTED.add(symbol + " " + side + " " + timeMs + " " + notional(quantityE8, priceE8) + " " + venue.code());
        }
        Await.until("every order journaled", () -> harness.engine.recentLiquidations("DOGEUSDT", 1).size()
            + harness.engine.recentLiquidations("LTCUSDT", 1).size() == 2
            && harness.engine.processedSequence() == harness.engine.inputSequence());
    }

    @AfterAll
    static void stop()
    {
        harness.close();
    }

    @Test
    void shouldPageThroughEveryOrderExactlyOnceNewestOrOldestFirst() throws Exception
    {
        final long fromMs = START_MS + 300_000L;
        final long toMs = START_MS + 2_000_000L;
        for (final String order : List.of("desc", "asc"))
        {
            for (final String symbol : List.of("DOGEUSDT", ""))
            {
                for (final String exchange : List.of("", "okx,binance"))
                {
                    final String path = (symbol.isEmpty() ? "/api/v1/liquidations" : "/api/v1/liquidations/" + symbol)
                        + "?limit=97&start=" + fromMs + "&end=" + toMs + "&min_usdt=100.5&order=" + order
                        + (exchange.isEmpty() ? "" : "&exchange=" + exchange);

                    final List<String> expected = new ArrayList<>();
                    for (final String row : INJECTED)
                    {
                        final String[] fields = row.split(" ");
                        final long timeMs = Long.parseLong(fields[2]);
                        if ((symbol.isEmpty() || fields[0].equals(symbol)) && timeMs >= fromMs && timeMs < toMs
                            && new BigDecimal(fields[3]).compareTo(new BigDecimal("100.5")) >= 0
                            && (exchange.isEmpty() || !fields[4].equals("bybit")))
                        {
                            expected.add(row);
                        }
                    }
                    if (order.equals("desc"))
                    {
                        Collections.reverse(expected);
                    }
                    assertThat(walk(path)).as(path).containsExactlyElementsOf(expected).hasSizeGreaterThan(97 * 2);
                }
            }
        }
        // The budget comes back once the last chunk is written, which may be just after the client has read it.
        Await.until("the query budget given back", () -> held() == 0);
    }

    @Test
    void shouldExportTheSameOrdersAndBucketsAsCsv() throws Exception
    {
        final String range = "start=" + START_MS + "&end=" + (START_MS + 900_000L);
        final List<Map<String, Object>> json = orders(get("/api/v1/liquidations/LTCUSDT?limit=1000&" + range));
        final HttpResponse<String> csv = get("/api/v1/liquidations/LTCUSDT?format=csv&" + range);

        assertThat(csv.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("content-disposition")).hasValueSatisfying(
            value -> assertThat(value).startsWith("attachment; filename=\"LTCUSDT-liquidations-"));
        final List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("symbol,side,quantity,avgPrice,priceUsdt,timestamp,exchange");
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(json.stream()
            .map(row -> row.get("symbol") + "," + row.get("side") + "," + row.get("quantity") + ","
                + row.get("avgPrice") + "," + row.get("priceUsdt") + "," + row.get("timestamp") + ","
                + row.get("exchange")).toList());

        final String volume = "/api/v1/liquidation-volume/DOGEUSDT/1m?start=" + START_MS + "&end="
            + (START_MS + 3_000 * 60_000L);
        final List<Map<String, Object>> buckets =
            LiquidationStreamHandlerTest.rows(TestJson.object(get(volume).body()));
        final HttpResponse<String> bucketCsv = HTTP.send(HttpRequest.newBuilder(harness.http(volume))
            .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        final List<String> bucketLines = List.of(bucketCsv.body().split("\r\n"));
        final List<String> columns = List.of(bucketLines.get(0).split(","));
        assertThat(columns).contains("recorded_ms", "coverage", "total_volume");
        assertThat(bucketLines).hasSize(buckets.size() + 1);
        for (int i = 0; i < buckets.size(); i++)
        {
            final String[] values = bucketLines.get(i + 1).split(",");
            for (int c = 0; c < columns.size(); c++)
            {
                assertThat(values[c]).as(columns.get(c)).isEqualTo(String.valueOf(buckets.get(i).get(columns.get(c))));
            }
        }
    }

    @Test
    void shouldAnswerTheRecentOrdersOfTheSelectedVenues() throws Exception
    {
        final List<String> expected = new ArrayList<>();
        for (final String row : INJECTED)
        {
            if (row.startsWith("DOGEUSDT ") && !row.endsWith(" binance"))
            {
                expected.add(0, row);
            }
        }

        final Map<String, Object> answer =
            TestJson.object(get("/api/v1/liquidations/DOGEUSDT?limit=20&exchange=bybit,okx").body());

        assertThat(((List<?>)answer.get("data")).stream().map(row -> reference(asRow(row))).toList())
            .containsExactlyElementsOf(expected.subList(0, 20));
        final String csv = get("/api/v1/liquidations/DOGEUSDT?limit=3&exchange=okx&format=csv").body();
        assertThat(List.of(csv.split("\r\n")).subList(1, 4)).allSatisfy(line -> assertThat(line).endsWith(",okx"));
    }

    @Test
    void shouldRefuseATamperedCursorOrOneOfAnotherQuery() throws Exception
    {
        final Map<String, Object> first =
            TestJson.object(get("/api/v1/liquidations/DOGEUSDT?limit=5&side=SELL").body());
        final String cursor = (String)first.get("next_cursor");
        final char last = cursor.charAt(cursor.length() - 2);
        final String tampered = cursor.substring(0, cursor.length() - 2) + (last == 'A' ? 'B' : 'A')
            + cursor.charAt(cursor.length() - 1);

        assertError(get("/api/v1/liquidations/DOGEUSDT?cursor=" + tampered), "invalid_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?cursor=!!"), "invalid_cursor");
        assertError(get("/api/v1/liquidations/LTCUSDT?cursor=" + cursor), "invalid_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?side=BUY&cursor=" + cursor), "invalid_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?side=up"), "invalid_parameter");
        assertError(get("/api/v1/liquidations/DOGEUSDT?min_usdt=-1"), "invalid_parameter");
        assertError(get("/api/v1/liquidations/DOGEUSDT?order=new"), "invalid_parameter");
        assertError(get("/api/v1/liquidation-volume/DOGEUSDT/1m?format=xml"), "invalid_parameter");
        assertThat(orders(get("/api/v1/liquidations/DOGEUSDT?side=SELL&limit=5&cursor=" + cursor))).hasSize(5)
            .allSatisfy(row -> assertThat(row).containsEntry("side", "SELL"));

        final String ofBybit = (String)TestJson.object(
            get("/api/v1/liquidations/DOGEUSDT?limit=5&side=SELL&exchange=bybit").body()).get("next_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?exchange=okx&cursor=" + ofBybit), "invalid_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?exchange=all&cursor=" + ofBybit), "invalid_cursor");
        assertError(get("/api/v1/liquidations/DOGEUSDT?exchange=okx&cursor=" + cursor), "invalid_cursor");
        assertThat(orders(get("/api/v1/liquidations/DOGEUSDT?limit=5&exchange=bybit&cursor=" + ofBybit))).hasSize(5)
            .allSatisfy(row -> assertThat(row).containsEntry("side", "SELL").containsEntry("exchange", "bybit"));
        for (final String bad : List.of("kraken", "okx,okx", "", "OKX", "all,okx"))
        {
            assertError(get("/api/v1/liquidations/DOGEUSDT?exchange=" + bad), "invalid_exchange");
            assertError(get("/api/v1/liquidations?exchange=" + bad), "invalid_exchange");
        }
        // The budget comes back once the last chunk is written, which may be just after the client has read it.
        Await.until("the query budget given back", () -> held() == 0);
    }

    /** Every order of every page, following the cursors, as reference rows. */
    private static List<String> walk(final String path) throws Exception
    {
        final List<String> rows = new ArrayList<>();
        String cursor = null;
        do
        {
            final Map<String, Object> page =
                TestJson.object(get(path + (cursor == null ? "" : "&cursor=" + cursor)).body());
            for (final Map<String, Object> order : orders(page))
            {
                rows.add(reference(order));
            }
            cursor = (String)page.get("next_cursor");
        }
        while (cursor != null);
        return rows;
    }

    /** An order row as the reference writes it. */
    private static String reference(final Map<String, Object> order)
    {
        return order.get("symbol") + " " + order.get("side") + " " + order.get("timestamp") + " "
            + order.get("priceUsdt") + " " + order.get("exchange");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRow(final Object row)
    {
        return (Map<String, Object>)row;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orders(final Map<String, Object> page)
    {
        return (List<Map<String, Object>>)page.get("orders");
    }

    private static List<Map<String, Object>> orders(final HttpResponse<String> response)
    {
        return orders(TestJson.object(response.body()));
    }

    /** The contract's exact notional: at least two fraction digits, no other trailing zeros. */
    private static String notional(final long quantityE8, final long priceE8)
    {
        final BigDecimal value = BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8))
            .stripTrailingZeros();
        return value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : value.toPlainString();
    }

    private static long held()
    {
        return harness.metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD);
    }

    private static void assertError(final HttpResponse<String> response, final String code)
    {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private static HttpResponse<String> get(final String pathAndQuery) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(harness.http(pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
