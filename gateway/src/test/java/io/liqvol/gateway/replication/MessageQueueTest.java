package io.liqvol.gateway.replication;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageQueueTest
{
    private final ReplicationEncoder encoder = new ReplicationEncoder();
    private final ReplicationDecoder decoder = new ReplicationDecoder();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[ReplicationDescriptor.MAX_LENGTH + 16]);

    @Test
    void shouldHandBackCopiesOldestFirstAcrossTheEndOfItsSlots()
    {
        final MessageQueue queue = new MessageQueue(4);
        long next = 0;
        for (int round = 0; round < 3; round++)
        {
            while (queue.free() > 0)
            {
                final int length = encoder.wrap(message, 16).gap(1, next, 0, 0, next * 10, next * 10 + 5);
                queue.add(message, 16, length, next * 10 + 5, 1_000 + next, 7_000 + next);
                message.setMemory(16, length, (byte)0);
                next++;
            }
            assertThat(queue.size()).isEqualTo(4);
            for (int i = 0; i < 3; i++)
            {
                final long expected = next - 4 + i;
                assertThat(queue.headKeyMs()).isEqualTo(expected * 10 + 5);
                assertThat(queue.headPosition()).isEqualTo(1_000 + expected);
                assertThat(queue.headArrivalNs()).isEqualTo(7_000 + expected);
                assertThat(decoder.wrap(queue.buffer(), queue.headOffset(), queue.headLength()))
                    .isEqualTo(ReplicationDescriptor.TYPE_GAP);
                assertThat(decoder.journalPosition()).isEqualTo(expected);
                assertThat(decoder.fromMs()).isEqualTo(expected * 10);
                queue.remove();
            }
            queue.remove();
            assertThat(queue.isEmpty()).isTrue();
        }
    }

    @Test
    void shouldRefuseACapacityThatIsNoPowerOfTwo()
    {
        assertThatThrownBy(() -> new MessageQueue(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
