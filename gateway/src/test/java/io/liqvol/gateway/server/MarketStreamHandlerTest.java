package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MarketStreamHandlerTest
{
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "NEWCOIN1USDT"};
    private static final BigDecimal THRESHOLD = new BigDecimal("1000.5");

    private ServerHarness harness;

    @AfterEach
    void stop()
    {
        if (harness != null)
        {
            harness.close();
        }
    }

    /** One row as the stream writes it, its decimals compared by value. */
    private record Row(String symbol, String side, BigDecimal quantity, BigDecimal price, long timeMs)
    {
        static Row of(final SimulatedLiquidation liquidation)
        {
            return new Row(liquidation.symbol(), liquidation.side().name(), new BigDecimal(liquidation.quantity()),
                new BigDecimal(liquidation.averagePrice()), liquidation.tradeTimeMs());
        }

        static Row of(final Map<?, ?> row)
        {
            return new Row((String)row.get("symbol"), (String)row.get("side"),
                new BigDecimal((String)row.get("quantity")).stripTrailingZeros(),
                new BigDecimal((String)row.get("avgPrice")).stripTrailingZeros(), (Long)row.get("timestamp"));
        }

        Row normalized()
        {
            return new Row(symbol, side, quantity.stripTrailingZeros(), price.stripTrailingZeros(), timeMs);
        }

        BigDecimal notional()
        {
            return quantity.multiply(price);
        }
    }

    @Test
    void shouldStreamEveryLiquidationOfTheMarketAndToAFilteredClientExactlyThoseOfAtLeastItsThreshold()
        throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        try (TestWebSocket all = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations"));
             TestWebSocket large = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations?min_usdt=1000.5")))
        {
            Await.until("both subscribed", () -> harness.metrics.counterSet().get(GatewayMetrics.MARKET_CLIENTS) == 2);
            final List<Row> sent = new ArrayList<>();
            final SplittableRandom random = new SplittableRandom(5);
            final long baseMs = System.currentTimeMillis() - 60_000;
            for (int i = 0; i < 400; i++)
            {
                final String quantity = i == 0 ? "2.001" : BigDecimal.valueOf(1 + random.nextLong(20_000), 3)
                    .toPlainString();
                final String price = i == 0 ? "500.00" : BigDecimal.valueOf(1 + random.nextLong(20_000), 2)
                    .toPlainString();
                final SimulatedLiquidation liquidation = new SimulatedLiquidation(
                    SYMBOLS[random.nextInt(SYMBOLS.length)], random.nextBoolean() ? Side.BUY : Side.SELL, quantity,
                    price, price, baseMs + i);
                sent.add(Row.of(liquidation).normalized());
                harness.simulator.injectFrame("!forceOrder@arr", liquidation.toEventJson(baseMs + i));
            }
            final List<Row> everything = rows(all, sent.size());
            final List<Row> expected = everything.stream()
                .filter(row -> row.notional().compareTo(THRESHOLD) >= 0).toList();
            assertThat(expected).hasSizeBetween(10, sent.size() - 10).contains(sent.get(0));

            assertThat(everything).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(rows(large, expected.size())).containsExactlyElementsOf(expected);
            assertThat(large.poll(300)).isNull();
        }
    }

    @Test
    void shouldStreamToAClientOfSomeVenuesExactlyTheirLiquidationsOfAtLeastItsThreshold() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        try (TestWebSocket all = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations?exchange=all"));
             TestWebSocket some = TestWebSocket.connect(
                 harness.ws("/api/v1/ws/liquidations?exchange=okx,bybit&min_usdt=1000.5")))
        {
            Await.until("both subscribed", () -> harness.metrics.counterSet().get(GatewayMetrics.MARKET_CLIENTS) == 2);
            final List<String> sent = new ArrayList<>();
            final List<String> expected = new ArrayList<>();
            final SplittableRandom random = new SplittableRandom(7);
            final long baseMs = System.currentTimeMillis() - 60_000;
            for (int i = 0; i < 300; i++)
            {
                final Venue venue = Venue.fromOrdinal(random.nextInt(Venue.count()));
                final String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
                final long quantityE8 = (1 + random.nextLong(20_000)) * 100_000L;
                final long priceE8 = (1 + random.nextLong(20_000)) * 1_000_000L;
                harness.liquidate(venue, symbol, Side.SELL, quantityE8, priceE8, baseMs + i);
                final String row = venue.code() + " " + symbol + " " + (baseMs + i);
                sent.add(row);
                if (venue != Venue.BINANCE && BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8))
                    .compareTo(THRESHOLD) >= 0)
                {
                    expected.add(row);
                }
            }
            assertThat(expected).hasSizeBetween(10, sent.size() - 10);

            assertThat(venueRows(all, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(venueRows(some, expected.size())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(some.poll(300)).isNull();
        }
    }

    @Test
    void shouldRefuseABadExchangeWith400BeforeTheUpgrade() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        for (final String path : List.of("/api/v1/ws/liquidations?exchange=kraken",
            "/api/v1/ws/liquidations/BTCUSDT?exchange=okx,okx", "/api/v1/ws/liquidations/BTCUSDT?exchange="))
        {
            final String answer = RawHttp.exchange(harness.port(), "GET", path,
                "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            assertThat(RawHttp.status(answer)).as(path).isEqualTo(400);
            assertThat(RawHttp.body(answer)).as(path).contains("invalid_exchange");
        }
    }

    @Test
    void shouldRefuseABadThresholdWith400BeforeTheUpgrade() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        for (final String bad : List.of("-1", "1e3", "abc", "", "12345678901", "1.123456789", "1,5", " 1"))
        {
            final String answer = RawHttp.exchange(harness.port(), "GET",
                "/api/v1/ws/liquidations?min_usdt=" + bad.replace(" ", "%20"),
                "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
            assertThat(RawHttp.status(answer)).as(bad).isEqualTo(400);
            assertThat(RawHttp.body(answer)).as(bad).contains("invalid_min_usdt");
        }
        try (TestWebSocket zero = TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations?min_usdt=0")))
        {
            assertThat(zero.ping()).containsEntry("type", "pong");
        }
    }

    /** {@code exchange symbol timestamp} of the rows in the order they arrived, until there are {@code count}. */
    private static List<String> venueRows(final TestWebSocket socket, final int count)
    {
        final List<String> rows = new ArrayList<>();
        while (rows.size() < count)
        {
            final List<?> data = (List<?>)socket.next("liquidation_order").get("data");
            for (int i = data.size() - 1; i >= 0; i--)
            {
                final Map<?, ?> row = (Map<?, ?>)data.get(i);
                rows.add(row.get("exchange") + " " + row.get("symbol") + " " + row.get("timestamp"));
            }
        }
        assertThat(rows).hasSize(count);
        return rows;
    }

    /** The rows of the stream's order messages, in the order they arrived, until there are {@code count}. */
    private static List<Row> rows(final TestWebSocket socket, final int count)
    {
        final List<Row> rows = new ArrayList<>();
        while (rows.size() < count)
        {
            final Map<String, Object> message = socket.next("liquidation_order");
            assertThat(message).containsEntry("initial", false);
            final List<?> data = (List<?>)message.get("data");
            // each message holds its rows newest first
            for (int i = data.size() - 1; i >= 0; i--)
            {
                final Map<?, ?> row = (Map<?, ?>)data.get(i);
                assertThat(row.get("symbol")).isEqualTo(message.get("symbol"));
                assertThat(new BigDecimal((String)row.get("priceUsdt")))
                    .isEqualByComparingTo(Row.of(row).notional());
                rows.add(Row.of(row));
            }
        }
        assertThat(rows).hasSize(count);
        return rows;
    }
}
