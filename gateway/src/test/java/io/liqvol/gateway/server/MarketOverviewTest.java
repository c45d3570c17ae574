package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MarketOverviewTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SYMBOLS = 600;
    private static final long[] BOUNDS_USDT = {1_000, 10_000, 100_000, 1_000_000};

    /** One generated liquidation, its notional computed apart from the gateway's code. */
    private record Order(String symbol, Side side, long quantityE8, long priceE8, long timeMs)
    {
        BigDecimal notional()
        {
            return BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8));
        }
    }

    @Test
    void shouldRankEverySymbolAndSizeItsLiquidationsExactlyLikeABigDecimalReference() throws Exception
    {
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", TempDirs.create("liqvol-overview-test").toString(),
            "--engine-memory-budget-bytes", "1000000000"}, Map.of()), new SimulatorConfig().generateFlow(false),
            new ServerConfig().port(0)))
        {
            final long nowMs = System.currentTimeMillis();
            final SplittableRandom random = new SplittableRandom(17);
            final List<Order> orders = new ArrayList<>();
            for (int i = 0; i < 20_000; i++)
            {
                // Zipf-like: a few symbols take most; sizes from cents to millions, some exactly on a class bound.
                final String symbol = "S" + (int)Math.floor(Math.pow(random.nextDouble(), 3) * SYMBOLS) + "USDT";
                final long priceE8 = random.nextInt(10) == 0 ? 100_000_000L : 1 + random.nextLong(10_000_000_000_000L);
                final long quantityE8 = random.nextInt(10) == 0 ? BOUNDS_USDT[random.nextInt(4)] * 100_000_000L
                    : 1 + random.nextLong(100_000_000_000L);
                final Order order = new Order(symbol, random.nextBoolean() ? Side.BUY : Side.SELL, quantityE8,
                    priceE8, nowMs - random.nextLong(6 * 3_600_000L));
                orders.add(order);
                gateway.engine().ingestLiquidation(order.symbol(), order.side(), quantityE8, priceE8, order.timeMs(),
                    order.timeMs());
            }
            Await.until("all published", () -> gateway.engine().counters().published() == orders.size());

            final Map<String, Object> overview = TestJson.object(get(gateway, "/api/v1/overview?window=4h"));
            final long startMs = (Long)overview.get("start_time");
            final long endMs = (Long)overview.get("end_time");
            assertThat(endMs - startMs).isEqualTo(4 * 3_600_000L);
            // the end of the minute the request was answered in
            assertThat(endMs % 60_000).isZero();
            assertThat(endMs).isBetween(nowMs + 1, System.currentTimeMillis() + 60_000);
            final List<Order> inWindow = orders.stream().filter(o -> o.timeMs() >= startMs && o.timeMs() < endMs)
                .toList();
            final List<?> rows = (List<?>)overview.get("symbols");
            assertThat(rows).hasSize((int)inWindow.stream().map(Order::symbol).distinct().count());
            assertThat(rows.size()).isGreaterThan(SYMBOLS / 2);
            final Map<String, List<Order>> bySymbol = new HashMap<>();
            inWindow.forEach(o -> bySymbol.computeIfAbsent(o.symbol(), s -> new ArrayList<>()).add(o));
            BigDecimal previous = null;
            for (final Object item : rows)
            {
                final Map<?, ?> row = (Map<?, ?>)item;
                final List<Order> mine = bySymbol.get((String)row.get("symbol"));
                assertThat(row.get("long_volume")).isEqualTo(volume(sum(mine, Side.SELL)));
                assertThat(row.get("short_volume")).isEqualTo(volume(sum(mine, Side.BUY)));
                assertThat(row.get("total_volume")).isEqualTo(volume(sum(mine, null)));
                assertThat(row.get("count")).isEqualTo((long)mine.size());
                assertThat(row.get("long_count")).isEqualTo(mine.stream().filter(o -> o.side() == Side.SELL).count());
                final Order largest = mine.stream().max(Comparator.comparing(Order::notional)).orElseThrow();
                assertThat(((Map<?, ?>)row.get("largest")).get("volume")).isEqualTo(volume(largest.notional()));
                final BigDecimal total = new BigDecimal((String)row.get("total_volume"));
                assertThat(previous == null || previous.compareTo(total) >= 0).as("ranked").isTrue();
                previous = total;
            }
            final Map<?, ?> market = (Map<?, ?>)overview.get("market");
            assertThat(market.get("total_volume")).isEqualTo(volume(sum(inWindow, null)));
            assertThat(market.get("count")).isEqualTo((long)inWindow.size());

            final String busiest = (String)((Map<?, ?>)rows.get(0)).get("symbol");
            assertDistribution(TestJson.object(get(gateway, "/api/v1/distribution?window=4h")), inWindow);
            assertDistribution(TestJson.object(get(gateway, "/api/v1/distribution?symbol=" + busiest
                + "&start=" + (startMs + 1) + "&end=" + endMs)), bySymbol.get(busiest));
            assertThat(status(gateway, "/api/v1/overview?window=2h")).isEqualTo(400);
            assertThat(status(gateway, "/api/v1/overview?window=1h&start=0")).isEqualTo(400);
            assertThat(status(gateway, "/api/v1/overview?start=0")).isEqualTo(400);
            assertThat(status(gateway, "/api/v1/distribution?symbol=NOSUCH1")).isEqualTo(404);
        }
    }

    private static void assertDistribution(final Map<String, Object> answer, final List<Order> orders)
    {
        final List<?> classes = (List<?>)answer.get("classes");
        assertThat(classes).hasSize(BOUNDS_USDT.length + 1);
        for (int c = 0; c <= BOUNDS_USDT.length; c++)
        {
            final BigDecimal low = c == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(BOUNDS_USDT[c - 1]);
            final BigDecimal high = c == BOUNDS_USDT.length ? null : BigDecimal.valueOf(BOUNDS_USDT[c]);
            final List<Order> inClass = orders.stream().filter(o -> o.notional().compareTo(low) >= 0
                && (high == null || o.notional().compareTo(high) < 0)).toList();
            final Map<?, ?> sizeClass = (Map<?, ?>)classes.get(c);
            assertThat(sizeClass.get("count")).as("class %d", c).isEqualTo((long)inClass.size());
            assertThat(sizeClass.get("volume")).as("class %d", c).isEqualTo(volume(sum(inClass, null)));
        }
        assertThat(answer.get("total_volume")).isEqualTo(volume(sum(orders, null)));
        assertThat(answer.get("count")).isEqualTo((long)orders.size());
    }

    private static BigDecimal sum(final List<Order> orders, final Side side)
    {
        return orders.stream().filter(o -> side == null || o.side() == side).map(Order::notional)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The contract's exact decimal: at least two fraction digits, no other trailing zeros. */
    private static String volume(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static String get(final Gateway gateway, final String path) throws Exception
    {
        final HttpResponse<String> response = send(gateway, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static int status(final Gateway gateway, final String path) throws Exception
    {
        return send(gateway, path).statusCode();
    }

    private static HttpResponse<String> send(final Gateway gateway, final String path) throws Exception
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
