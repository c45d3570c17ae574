package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCounted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopFanOutTest
{
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<int[]> flushes = new ArrayList<>();
    private final List<ByteBuf> created = new ArrayList<>();

    @AfterEach
    void releaseWritten()
    {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    @Test
    void shouldWalkEveryClientOfAMessageAndFlushEachOnceForAllThatArrivedTogether()
    {
        final EmbeddedChannel first = channel();
        final EmbeddedChannel second = channel();
        final LoopFanOut fanOut = new LoopFanOut(first.eventLoop(), metrics, 64);
        final ClientOutbound[] clients = {client(first, fanOut), client(second, fanOut)};
        for (int i = 0; i < 8; i++)
        {
            offer(fanOut, clients, OutboundMessage.orders(frame("m" + i), System.nanoTime(), i, null));
        }
        assertThat(first.outboundMessages()).isEmpty();

        first.runPendingTasks();

        for (int c = 0; c < 2; c++)
        {
            assertThat(EmbeddedFrames.texts(channels.get(c)))
                .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
            assertThat(flushes.get(c)[0]).isEqualTo(1);
        }
        assertThat(metrics.counterSet().get(GatewayMetrics.MESSAGES_SENT)).isEqualTo(16);
        assertThat(metrics.counterSet().get(GatewayMetrics.BYTES_SENT)).isEqualTo(16 * 4);
        assertThat(metrics.endToEndLatency().count()).isEqualTo(16);
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    @Test
    void shouldCloseTheRecipientsOfAMessageThatFindsTheQueueFullWith1013()
    {
        final EmbeddedChannel channel = channel();
        final LoopFanOut fanOut = new LoopFanOut(channel.eventLoop(), metrics, 2);
        final ClientOutbound[] clients = {client(channel, fanOut)};
        for (int i = 0; i < 3; i++)
        {
            offer(fanOut, clients, OutboundMessage.ordered(frame("m" + i)));
        }

        channel.runPendingTasks();

        final List<Object> written = new ArrayList<>(channel.outboundMessages());
        channel.outboundMessages().clear();
        assertThat(written).last().isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame)written.get(written.size() - 1)).statusCode()).isEqualTo(1013);
        written.forEach(message -> ((ReferenceCounted)message).release());
        assertThat(metrics.slowClientsClosed()).isEqualTo(1);
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    private EmbeddedChannel channel()
    {
        final int[] count = new int[1];
        final EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void flush(final ChannelHandlerContext ctx)
            {
                count[0]++;
                ctx.flush();
            }
        });
        channels.add(channel);
        flushes.add(count);
        return channel;
    }

    private static ClientOutbound client(final EmbeddedChannel channel, final LoopFanOut fanOut)
    {
        final ClientOutbound client = new ClientOutbound(channel, new ServerConfig(), fanOut);
        client.release();
        return client;
    }

    private static void offer(final LoopFanOut fanOut, final ClientOutbound[] clients, final OutboundMessage message)
    {
        fanOut.offer(message, clients);
        message.bytes.release();
    }

    private ByteBuf frame(final String text)
    {
        final ByteBuf buffer = EmbeddedFrames.frame(text);
        created.add(buffer);
        return buffer;
    }
}
