package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.gateway.testing.ServerHarness;
import io.liqvol.gateway.testing.TestWebSocket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveTest
{
    private static final long E8 = 100_000_000L;
    private static final long DAY_MS = 86_400_000L;

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final List<Object> events = new ArrayList<>();
    private EmbeddedChannel channel;

    @AfterEach
    void releaseWritten()
    {
        if (channel != null)
        {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldPingEveryIntervalForDaysOfABusyStreamWhileTheClientOnlyAnswersPings()
    {
        open(new ServerConfig());
        final long ticks = 2 * DAY_MS / ServerConfig.DEFAULT_PING_INTERVAL_MS;

        for (long i = 0; i < ticks; i++)
        {
            channel.writeOutbound(new TextWebSocketFrame("{\"type\":\"liquidation_order\"}"));
            ReferenceCountUtil.release(channel.readOutbound());
            tick(ServerConfig.DEFAULT_PING_INTERVAL_MS);
            assertThat(channel.<Object>readOutbound()).isInstanceOf(PingWebSocketFrame.class);
            channel.writeInbound(new PongWebSocketFrame());
            ReferenceCountUtil.release(channel.readInbound());
        }

        assertThat(channel.isActive()).isTrue();
        assertThat(events).isEmpty();
        assertThat(metrics.pongTimeouts()).isZero();
    }

    @Test
    void shouldAskForAHeartbeatAfterEveryIntervalInWhichOnlyPingsWereWritten()
    {
        open(new ServerConfig());

        for (int i = 0; i < 10; i++)
        {
            tick(ServerConfig.DEFAULT_PING_INTERVAL_MS);
            assertThat(channel.<Object>readOutbound()).isInstanceOf(PingWebSocketFrame.class);
            channel.writeInbound(new PongWebSocketFrame());
            ReferenceCountUtil.release(channel.readInbound());
        }

        assertThat(events).hasSize(10).containsOnly(KeepAlive.QUIET);
    }

    @Test
    void shouldTakeAnyFrameFromTheClientAsASignOfLife()
    {
        open(new ServerConfig());

        for (int i = 0; i < 100; i++)
        {
            tick(ServerConfig.DEFAULT_PING_INTERVAL_MS);
            ReferenceCountUtil.release(channel.readOutbound());
            channel.writeInbound(new TextWebSocketFrame("{\"type\":\"ping\"}"));
            ReferenceCountUtil.release(channel.readInbound());
        }

        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void shouldCloseAClientThatStopsAnsweringOnceThePongTimeoutHasPassed()
    {
        open(new ServerConfig().pingIntervalMs(30_000).pongTimeoutMs(90_000));
        for (int i = 0; i < 100; i++)
        {
            tick(30_000);
            ReferenceCountUtil.release(channel.readOutbound());
            channel.writeInbound(new PongWebSocketFrame());
            ReferenceCountUtil.release(channel.readInbound());
        }

        for (int i = 0; i < 3; i++)
        {
            tick(30_000);
            assertThat(channel.<Object>readOutbound()).isInstanceOf(PingWebSocketFrame.class);
        }
        assertThat(channel.isActive()).isTrue();
        tick(30_000);

        final Object close = channel.readOutbound();
        assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame)close).statusCode()).isEqualTo(1000);
        assertThat(((CloseWebSocketFrame)close).reasonText()).isEqualTo("pong timeout");
        ReferenceCountUtil.release(close);
        assertThat(channel.isActive()).isFalse();
        assertThat(metrics.pongTimeouts()).isEqualTo(1);
    }

    @Test
    void shouldKeepListeningClientsOfBothStreamsForHundredsOfPingIntervalsOverRealSockets()
        throws InterruptedException
    {
        final int pingIntervalMs = 20;
        try (ServerHarness harness = ServerHarness.start(new ServerConfig().pingIntervalMs(pingIntervalMs)
            .pongTimeoutMs(1_000)))
        {
            final TestWebSocket liquidations =
                TestWebSocket.connect(harness.ws("/api/v1/ws/liquidations/BTCUSDT?timeframe=1m"));
            final TestWebSocket klines = TestWebSocket.connect(harness.ws("/api/v1/ws/klines/BTCUSDT?timeframe=1m"));
            final TestWebSocket silent =
                TestWebSocket.connectIgnoringPings(harness.ws("/api/v1/ws/klines/ETHUSDT?timeframe=1m").toString());
            final long endMs = System.currentTimeMillis() + 300L * pingIntervalMs;
            int liquidated = 0;
            while (System.currentTimeMillis() < endMs)
            {
                harness.liquidate("BTCUSDT", Side.SELL, E8, 30_000 * E8, System.currentTimeMillis());
                liquidated++;
                TimeUnit.MILLISECONDS.sleep(5);
            }

            assertThat(liquidations.isOpen()).isTrue();
            assertThat(klines.isOpen()).isTrue();
            assertThat(liquidations.pingsReceived()).isGreaterThan(200);
            assertThat(klines.pingsReceived()).isGreaterThan(200);
            assertThat(liquidations.nextTextContaining("\"initial\":false", 1_000)).isNotNull();
            assertThat(liquidated).isGreaterThan(300);
            assertThat(silent.awaitClose()).isEqualTo(new TestWebSocket.Close(1000, "pong timeout"));
            assertThat(harness.metrics.pongTimeouts()).isEqualTo(1);
            liquidations.close();
            klines.close();
        }
    }

    private void open(final ServerConfig config)
    {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new KeepAlive(config.conclude(), metrics), new ChannelInboundHandlerAdapter()
        {
            @Override
            public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
            {
                events.add(event);
            }

            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object message)
            {
                ctx.fireChannelRead(message);
            }
        });
    }

    private void tick(final long intervalMs)
    {
        channel.advanceTimeBy(intervalMs, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }
}
