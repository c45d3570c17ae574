package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.RawHttp;
import io.liqvol.gateway.testing.RawWebSocket;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestJson;
import io.liqvol.gateway.testing.TestWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewFeedTest
{
    private ServerHarness harness;
    private long tradeTimeMs = System.currentTimeMillis() - 30_000;

    @AfterEach
    void stop()
    {
        if (harness != null)
        {
            harness.close();
        }
    }

    @Test
    void shouldSendTheRestAnswerOnConnectThenOnlyChangesAtMostOnceASecondComputedOnceForAllClients()
        throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        inject("BTCUSDT", Side.SELL, "1.5", "40000");
        inject("ETHUSDT", Side.BUY, "2", "3000");
        Await.until("recorded", () -> harness.engine.counters().published() == 2);
        final List<TestWebSocket> clients = new ArrayList<>();
        try
        {
            for (int i = 0; i < 20; i++)
            {
                clients.add(TestWebSocket.connect(harness.ws("/api/v1/ws/overview?window=4h")));
            }
            final Map<String, Object> rest = TestJson.object(RawHttp.body(
                RawHttp.exchange(harness.port(), "GET", "/api/v1/overview?window=4h", "")));
            final List<Map<String, Object>> first = new ArrayList<>();
            for (final TestWebSocket client : clients)
            {
                first.add(client.next("market_overview"));
            }
            for (final Map<String, Object> message : first)
            {
                assertThat(message).containsEntry("window", "4h")
                    .containsEntry("end_time", rest.get("end_time"))
                    .containsEntry("market", rest.get("market"))
                    .containsEntry("symbols", rest.get("symbols"));
                assertThat(((Map<?, ?>)message.get("distribution")).get("count")).isEqualTo(2L);
            }
            final long computedBefore = computed();
            assertThat(computedBefore).as("one computation for all twenty").isLessThanOrEqualTo(2);

            // nothing changed: nothing is sent (unless the window moved on by a minute meanwhile)
            final Map<String, Object> quiet = clients.get(0).poll(2_500);
            assertThat(quiet == null || !quiet.get("end_time").equals(rest.get("end_time"))).isTrue();

            // liquidations for three seconds, read as they come
            final int injected = 60;
            final Thread burst = new Thread(() ->
            {
                for (int i = 0; i < injected; i++)
                {
                    inject("SOLUSDT", Side.SELL, "10", "100");
                    Await.pause(50);
                }
            });
            final long burstStartMs = System.currentTimeMillis();
            burst.start();
            final long expectedCount = 2 + injected;
            int arrivals = 0;
            Map<String, Object> latest;
            do
            {
                latest = clients.get(0).next("market_overview");
                arrivals++;
            }
            while ((Long)((Map<?, ?>)latest.get("market")).get("count") < expectedCount);
            burst.join();
            assertThat(((List<?>)latest.get("symbols"))).hasSize(3);
            assertThat(arrivals).as("at most one a second, the first two aside (one may have waited in the "
                + "socket since a tick before the burst)").isBetween(2, atMostOneASecondSince(burstStartMs));
            for (final TestWebSocket client : clients.subList(1, clients.size()))
            {
                Map<String, Object> last;
                do
                {
                    last = client.next("market_overview");
                }
                while ((Long)((Map<?, ?>)last.get("market")).get("count") < expectedCount);
                assertThat(last.get("symbols")).isEqualTo(latest.get("symbols"));
            }
            assertThat(computed() - computedBefore).as("computed per change, not per client")
                .isLessThanOrEqualTo(arrivals + 1L);
        }
        finally
        {
            clients.forEach(TestWebSocket::close);
        }
    }

    @Test
    void shouldKeepOnlyTheNewestOverviewForAClientThatStopsReadingWithoutDelayingOthers() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig().socketSendBufferBytes(4096).writeBufferWaterMarks(2048, 4096));
        final int symbols = 150;
        final long timeMs = System.currentTimeMillis() - 60_000;
        for (int i = 0; i < symbols; i++)
        {
            harness.liquidate("S" + i + "USDT", Side.SELL, 100_000_000L, 100_000_000L * (i + 1), timeMs);
        }
        Await.until("recorded", () -> harness.engine.counters().published() == symbols);
        try (RawWebSocket slow = RawWebSocket.connect(harness.port(), "/api/v1/ws/overview?window=1h", 4096);
            TestWebSocket other = TestWebSocket.connect(harness.ws("/api/v1/ws/overview?window=1h")))
        {
            assertThat(((Map<?, ?>)other.next("market_overview").get("market")).get("count")).isEqualTo(150L);
            // six seconds of changes, each overview of 150 rows far beyond what the slow client's socket holds
            final int injected = 60;
            int arrivals = 0;
            final long changesStartMs = System.currentTimeMillis();
            long count = 0;
            for (int i = 0; i < injected; i++)
            {
                harness.liquidate("S" + (i % symbols) + "USDT", Side.BUY, 100_000_000L, 100_000_000L, timeMs + 1 + i);
                Await.pause(100);
                final Map<String, Object> message = other.poll(0);
                if (message != null)
                {
                    arrivals++;
                    count = (Long)((Map<?, ?>)message.get("market")).get("count");
                }
            }
            final long expected = symbols + injected;
            while (count < expected)
            {
                count = (Long)((Map<?, ?>)other.next("market_overview").get("market")).get("count");
                arrivals++;
            }
            // Counts since the changes began, not gaps between arrivals: load stretches and bunches those.
            assertThat(arrivals).as("the reading client kept hearing, at most once a second")
                .isBetween(3, atMostOneASecondSince(changesStartMs));
            assertThat(harness.metrics.coalescedUpdates()).as("the slow client's older overviews were replaced")
                .isPositive();
            assertThat(harness.metrics.slowClientsClosed()).isZero();

            // reading again, the slow client gets whole messages ending with the newest, fewer than were sent
            int received = 0;
            long slowCount = 0;
            while (slowCount < expected)
            {
                final RawWebSocket.Frame frame = slow.read();
                assertThat(frame.opcode()).isEqualTo(1);
                final Map<String, Object> message = TestJson.object(frame.text());
                if ("market_overview".equals(message.get("type")))
                {
                    received++;
                    slowCount = (Long)((Map<?, ?>)message.get("market")).get("count");
                }
            }
            assertThat(received).isLessThan(arrivals + 1);
            assertThat(harness.metrics.slowClientsClosed()).isZero();
        }
    }

    @Test
    void shouldRefuseAnUnknownWindowWith400BeforeTheUpgrade() throws Exception
    {
        harness = ServerHarness.start(new ServerConfig());
        final String answer = RawHttp.exchange(harness.port(), "GET", "/api/v1/ws/overview?window=2h",
            "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        assertThat(RawHttp.status(answer)).isEqualTo(400);
        assertThat(RawHttp.body(answer)).contains("invalid_window");
    }

    private long computed()
    {
        return harness.metrics.counterSet().get(GatewayMetrics.OVERVIEWS_COMPUTED);
    }

    private void inject(final String symbol, final Side side, final String quantity, final String price)
    {
        final long timeMs = tradeTimeMs++;
        harness.simulator.injectFrame("!forceOrder@arr",
            new SimulatedLiquidation(symbol, side, quantity, price, price, timeMs).toEventJson(timeMs));
    }

    /**
     * The most overviews a client may have received since {@code sinceMs} when they are sent at most once a second:
     * one a second, one already under way before, and one for the second begun.
     */
    private static int atMostOneASecondSince(final long sinceMs)
    {
        return 2 + (int)((System.currentTimeMillis() - sinceMs) / 1_000);
    }
}
