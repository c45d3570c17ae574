package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest
{
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final EmbeddedChannel first = new EmbeddedChannel();
    private final EmbeddedChannel second = new EmbeddedChannel();
    private final LoopFanOut firstLoop = new LoopFanOut(first.eventLoop(), metrics, 64);
    private final LoopFanOut secondLoop = new LoopFanOut(second.eventLoop(), metrics, 64);

    @AfterEach
    void releaseWritten()
    {
        first.finishAndReleaseAll();
        second.finishAndReleaseAll();
    }

    @Test
    void shouldHandAMessageOnceToEachLoopWithItsOwnClients()
    {
        final ClientOutbound a = client(first, firstLoop);
        final ClientOutbound b = client(first, firstLoop);
        final ClientOutbound c = client(second, secondLoop);
        final Recipients recipients = Recipients.NONE.with(a).with(c).with(b);
        final ByteBuf bytes = EmbeddedFrames.frame("msg");

        recipients.offer(OutboundMessage.ordered(bytes));
        assertThat(bytes.refCnt()).as("one reference per loop besides the publisher's").isEqualTo(3);
        bytes.release();
        first.runPendingTasks();
        second.runPendingTasks();

        assertThat(EmbeddedFrames.texts(first)).containsExactly("msg", "msg");
        assertThat(EmbeddedFrames.texts(second)).containsExactly("msg");
        assertThat(bytes.refCnt()).isZero();
    }

    @Test
    void shouldAddAndRemoveClientsWithoutChangingTheOriginal()
    {
        final ClientOutbound a = client(first, firstLoop);
        final ClientOutbound b = client(second, secondLoop);
        final ClientOutbound c = client(second, secondLoop);
        final Recipients all = Recipients.NONE.with(a).with(b).with(c);

        assertThat(all.count()).isEqualTo(3);
        assertThat(all.without(b).count()).isEqualTo(2);
        assertThat(all.without(a).without(b).without(c).isEmpty()).isTrue();
        assertThat(all.without(client(first, firstLoop))).isSameAs(all);
        assertThat(Recipients.NONE.with(a).without(a)).satisfies(none -> assertThat(none.isEmpty()).isTrue());
        assertThat(all.count()).isEqualTo(3);
        assertThat(Recipients.NONE.isEmpty()).isTrue();
    }

    private static ClientOutbound client(final EmbeddedChannel channel, final LoopFanOut fanOut)
    {
        final ClientOutbound client = new ClientOutbound(channel, new ServerConfig(), fanOut);
        client.release();
        return client;
    }
}
