package io.liqvol.engine.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertQueueTest
{
    @Test
    void shouldHandOverEntriesInOrderAndCountDropsWhenFull()
    {
        final AlertQueue queue = new AlertQueue(2);
        for (int i = 0; i < 3; i++)
        {
            final int offset = queue.claim();
            if (offset >= 0)
            {
                queue.slots()[offset] = 10 + i;
                queue.publish(offset, "S" + i);
            }
        }
        assertThat(queue.drops()).isEqualTo(1);
        assertThat(queue.size()).isEqualTo(2);
        int offset = queue.peek();
        assertThat(queue.slots()[offset]).isEqualTo(10);
        assertThat(queue.symbol(offset)).isEqualTo("S0");
        queue.advance();
        offset = queue.claim();
        queue.slots()[offset] = 13;
        queue.publish(offset, "S3");
        assertThat(queue.slots()[queue.peek()]).isEqualTo(11);
        queue.advance();
        assertThat(queue.symbol(queue.peek())).isEqualTo("S3");
        queue.advance();
        assertThat(queue.peek()).isEqualTo(-1);
    }

    @Test
    void shouldRefuseACapacityThatIsNotAPowerOfTwo()
    {
        assertThatThrownBy(() -> new AlertQueue(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
