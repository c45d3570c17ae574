package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientOutboundTest
{
    private static final int LAGGING = 1;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final LoopFanOut fanOut = new LoopFanOut(channel.eventLoop(), metrics, 1024);
    private final ClientOutbound outbound =
        new ClientOutbound(channel, new ServerConfig().maxPendingBytes(2048), fanOut);
    private final List<ByteBuf> created = new ArrayList<>();

    @AfterEach
    void releaseWritten()
    {
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldHoldLiveMessagesUntilTheSnapshotIsWritten()
    {
        offerOrdered("a");
        channel.runPendingTasks();
        assertThat(written()).isEmpty();

        outbound.release();

        assertThat(written()).containsExactly("a");
    }

    @Test
    void shouldWriteEveryMessageInOrderWhileWritable()
    {
        outbound.release();
        for (int i = 0; i < 100; i++)
        {
            offerOrdered("m" + i);
        }
        channel.runPendingTasks();

        final List<String> written = written();
        assertThat(written).hasSize(100);
        for (int i = 0; i < 100; i++)
        {
            assertThat(written.get(i)).isEqualTo("m" + i);
        }
        assertThat(metrics.counterSet().get(GatewayMetrics.MESSAGES_SENT)).isEqualTo(100);
    }

    @Test
    void shouldCoalesceVolumeUpdatesPerBucketWhileLagging()
    {
        outbound.release();
        lagging(true);
        offerBucket("b1-v1", 1_000);
        offerBucket("b2-v1", 2_000);
        offerOrdered("order");
        offerBucket("b1-v2", 1_000);
        offerBucket("b1-v3", 1_000);
        channel.runPendingTasks();
        assertThat(written()).isEmpty();

        lagging(false);
        outbound.writabilityChanged();

        assertThat(written()).containsExactly("order", "b1-v3", "b2-v1");
        assertThat(metrics.coalescedUpdates()).isEqualTo(2);
        assertThat(metrics.slowClientsClosed()).isZero();
    }

    @Test
    void shouldCloseWith1013WhenOrdersExceedTheBound()
    {
        outbound.release();
        lagging(true);
        final String order = "x".repeat(600);
        for (int i = 0; i < 4; i++)
        {
            offerOrdered(order);
        }
        channel.runPendingTasks();

        assertThat(metrics.slowClientsClosed()).isEqualTo(1);
        final Object close = channel.readOutbound();
        assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame)close).statusCode()).isEqualTo(1013);
        assertThat(((CloseWebSocketFrame)close).reasonText()).contains("too slow");
        ((CloseWebSocketFrame)close).release();
        assertThat(channel.isOpen()).isFalse();
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    @Test
    void shouldLetTheHeldFilterEditWhatWasHeldBeforeTheSnapshot()
    {
        offerOrdered("held-drop");
        offerOrdered("held-keep");
        channel.runPendingTasks();

        outbound.release(held ->
        {
            final OutboundMessage dropped = held.pollFirst();
            dropped.bytes.release();
        });
        offerOrdered("live");
        channel.runPendingTasks();

        assertThat(written()).containsExactly("held-keep", "live");
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    @Test
    void shouldReplayTheLastWrittenUpdateOfBucketsInARange()
    {
        outbound.release();
        offerBucket("b1-v1", 1_000);
        offerBucket("b2-v1", 2_000);
        channel.runPendingTasks();
        offerBucket("b1-v2", 1_000);
        channel.runPendingTasks();
        assertThat(written()).containsExactly("b1-v1", "b2-v1", "b1-v2");

        outbound.replayLastWritten(0, 0, 1_500);
        assertThat(written()).containsExactly("b1-v2");
        outbound.replayLastWritten(0, 0, 3_000);
        assertThat(written()).containsExactlyInAnyOrder("b1-v2", "b2-v1");
        outbound.replayLastWritten(1, 0, 3_000);
        assertThat(written()).isEmpty();

        outbound.dispose();
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    @Test
    void shouldReleaseWhatArrivesAfterDisposal()
    {
        outbound.release();
        outbound.dispose();
        offerOrdered("late");
        channel.runPendingTasks();

        assertThat(written()).isEmpty();
        assertThat(created).allMatch(buffer -> buffer.refCnt() == 0);
    }

    private void lagging(final boolean lagging)
    {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(LAGGING, !lagging);
    }

    private void offerOrdered(final String text)
    {
        offerShared(OutboundMessage.ordered(buffer(text)));
    }

    private void offerBucket(final String text, final long startMs)
    {
        offerShared(OutboundMessage.coalesced(buffer(text), 0, startMs));
    }

    /** As the publisher does: the loop takes its own reference, the publisher releases the original. */
    private void offerShared(final OutboundMessage message)
    {
        fanOut.offer(message, new ClientOutbound[] {outbound});
        message.bytes.release();
    }

    /** A whole text frame, as the publisher encodes it. */
    private ByteBuf buffer(final String text)
    {
        final ByteBuf buffer = EmbeddedFrames.frame(text);
        created.add(buffer);
        return buffer;
    }

    private List<String> written()
    {
        return EmbeddedFrames.texts(channel);
    }
}
