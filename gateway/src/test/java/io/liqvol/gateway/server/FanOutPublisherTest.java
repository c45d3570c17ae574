package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.testing.RawWebSocket;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutPublisherTest
{
    private static final long E8 = 100_000_000L;
    private static final long PRICE_E8 = 50_123 * E8 + 45_000_000L;

    @Test
    void shouldDeliverEveryLiquidationOfABurstInOrderWithExactTotalsToAThousandClients() throws Exception
    {
        final int clients = 1000;
        final int burst = 300;
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().maxConnectionsPerAddress(clients + 10)
            .queryBudget(1 << 30).queryBudgetPerAddress(1 << 30)))
        {
            final List<TestWebSocket> sockets =
                connect(harness, "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m", clients);
            for (final TestWebSocket socket : sockets)
            {
                socket.next("liquidation_order");
                socket.next("liquidation_volume");
            }
            final long timeMs = System.currentTimeMillis();
            final Expected expected = new Expected(Timeframe.M1.alignDownMs(timeMs));
            for (int i = 1; i <= burst; i++)
            {
                final Side side = i % 3 == 0 ? Side.BUY : Side.SELL;
                expected.add(side, i * 100_000L, timeMs);
                harness.simulator.injectFrame("!forceOrder@arr",
                    forceOrder("BTCUSDT", side, BigDecimal.valueOf(i, 3).toPlainString(), timeMs));
            }

            for (final TestWebSocket socket : sockets)
            {
                expected.assertReceivedBy(socket);
            }
            assertThat(harness.metrics.slowClientsClosed()).isZero();
            assertThat(harness.metrics.endToEndLatency().count()).isGreaterThanOrEqualTo(clients);
            sockets.forEach(TestWebSocket::abort);
        }
    }

    @Test
    void shouldCoalesceThenCloseASlowClientWith1013WhileOthersAreUnaffected() throws Exception
    {
        final ServerConfig config = new ServerConfig().maxPendingBytes(256 << 10);
        try (ServerHarness harness = ServerHarness.start(config))
        {
            final String path = "/api/v1/ws/liquidations/ETHUSDT?timeframe=1m";
            final List<TestWebSocket> others = connect(harness, path, 5);
            for (final TestWebSocket socket : others)
            {
                socket.next("liquidation_order");
                socket.next("liquidation_volume");
            }
            try (RawWebSocket slow = RawWebSocket.connect(harness.port(), path, 4096))
            {
                final long timeMs = System.currentTimeMillis();
                final Expected expected = new Expected(Timeframe.M1.alignDownMs(timeMs));
                final int burst = 20_000;
                for (int i = 1; i <= burst; i++)
                {
                    if (i % 50 == 0)
                    {
                        Thread.sleep(2);
                    }
                    final Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                    final long quantityE8 = i * 100_000L;
                    expected.add(side, quantityE8, timeMs);
                    harness.liquidate("ETHUSDT", side, quantityE8, PRICE_E8, timeMs);
                }
                awaitTrue(() -> harness.metrics.slowClientsClosed() == 1, harness.metrics::render);
                assertThat(harness.metrics.coalescedUpdates()).isPositive();

                RawWebSocket.Frame frame;
                do
                {
                    frame = slow.read();
                }
                while (frame.opcode() != RawWebSocket.OPCODE_CLOSE);
                assertThat(frame.closeStatus()).isEqualTo(1013);
                assertThat(frame.closeReason()).contains("too slow");

                for (final TestWebSocket socket : others)
                {
                    expected.assertReceivedBy(socket);
                }
                assertThat(harness.metrics.slowClientsClosed()).isEqualTo(1);
            }
            others.forEach(TestWebSocket::abort);
        }
    }

    private static List<TestWebSocket> connect(final ServerHarness harness, final String path, final int count)
    {
        final List<CompletableFuture<TestWebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            pending.add(CompletableFuture.supplyAsync(() -> TestWebSocket.connect(harness.ws(path))));
        }
        final List<TestWebSocket> sockets = new ArrayList<>();
        for (final CompletableFuture<TestWebSocket> socket : pending)
        {
            sockets.add(socket.join());
        }
        return sockets;
    }

    private static String forceOrder(final String symbol, final Side side, final String quantity, final long timeMs)
    {
        final String price = new BigDecimal(PRICE_E8).movePointLeft(8).toPlainString();
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\",\"ap\":\"" + price
            + "\",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
    }

    private static void awaitTrue(final BooleanSupplier condition, final Supplier<String> state)
        throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("condition not met within 30 s; state: " + state.get());
            }
            Thread.sleep(5);
        }
    }

    /** What every client must see: each liquidation once, in order, and the bucket's exact final totals. */
    private static final class Expected
    {
        private final long bucketMs;
        private final List<String> quantities = new ArrayList<>();
        private BigDecimal buy = BigDecimal.ZERO;
        private BigDecimal sell = BigDecimal.ZERO;
        private long count;

        Expected(final long bucketMs)
        {
            this.bucketMs = bucketMs;
        }

        void add(final Side side, final long quantityE8, final long timeMs)
        {
            final BigDecimal quantity = BigDecimal.valueOf(quantityE8, 8);
            final BigDecimal notional = quantity.multiply(BigDecimal.valueOf(PRICE_E8, 8));
            if (side == Side.BUY)
            {
                buy = buy.add(notional);
            }
            else
            {
                sell = sell.add(notional);
            }
            quantities.add(side + " " + DecimalText.plain(quantity, 3));
            count++;
        }

        void assertReceivedBy(final TestWebSocket socket)
        {
            final List<String> received = new ArrayList<>();
            Map<String, Object> bucket = null;
            while (received.size() < quantities.size() || bucket == null || (Long)bucket.get("count") < count)
            {
                final Map<String, Object> message = socket.next();
                if ("liquidation_order".equals(message.get("type")))
                {
                    final List<Map<String, Object>> rows = LiquidationStreamHandlerTest.rows(message);
                    for (int i = rows.size() - 1; i >= 0; i--)
                    {
                        received.add(rows.get(i).get("side") + " " + rows.get(i).get("quantity"));
                    }
                }
                else if ("liquidation_volume".equals(message.get("type")))
                {
                    assertThat(message).containsEntry("is_update", true);
                    final Map<String, Object> update = LiquidationStreamHandlerTest.rows(message).get(0);
                    assertThat(update).containsEntry("timestamp_ms", bucketMs);
                    bucket = update;
                }
            }
            assertThat(received).isEqualTo(quantities);
            assertThat(bucket).containsEntry("buy_volume", DecimalText.volume(buy))
                .containsEntry("sell_volume", DecimalText.volume(sell))
                .containsEntry("total_volume", DecimalText.volume(buy.add(sell))).containsEntry("count", count);
        }
    }
}
