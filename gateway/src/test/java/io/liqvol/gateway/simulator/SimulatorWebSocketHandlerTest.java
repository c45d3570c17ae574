package io.liqvol.gateway.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorWebSocketHandlerTest
{
    private final SimulatorConfig config = new SimulatorConfig().generateFlow(false).maxMessagesPerWindow(3)
        .rateWindowMs(60_000).conclude();
    private final EventExecutor market = new DefaultEventExecutor();
    private final SimulatorCounters counters = new SimulatorCounters();
    private final MarketGenerator generator = new MarketGenerator(config);
    private final SimulatorHandlerParts context = new SimulatorHandlerParts(config, market,
        new StreamHub(config, generator, counters, System::currentTimeMillis),
        new VenueHub(config, System::currentTimeMillis), new SimulatorRestApi(generator, 0), counters);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void stop()
    {
        channel.finishAndReleaseAll();
        market.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void shouldAnswerPingsWithTheirPayload()
    {
        channel.pipeline().addLast(new SimulatorWebSocketHandler(context, new SimulatorSession(channel, true)));

        channel.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {4, 2})));

        final PongWebSocketFrame pong = channel.readOutbound();
        assertThat(pong.content().readableBytes()).isEqualTo(2);
        assertThat(pong.content().getByte(0)).isEqualTo((byte)4);
        pong.release();
    }

    @Test
    void shouldDisconnectWithPolicyViolationOnTheMessageAboveTheLimit()
    {
        channel.pipeline().addLast(new SimulatorWebSocketHandler(context, new SimulatorSession(channel, true)));

        for (int i = 0; i < 3; i++)
        {
            channel.writeInbound(new PongWebSocketFrame());
        }
        assertThat(channel.isOpen()).isTrue();
        assertThat(counters.pongsReceived()).isEqualTo(3);

        channel.writeInbound(new PongWebSocketFrame());

        final CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1008);
        close.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(counters.rateLimitDisconnects()).isEqualTo(1);
        assertThat(counters.pongsReceived()).isEqualTo(3);
    }
}
