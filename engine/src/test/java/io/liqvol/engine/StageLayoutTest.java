package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageLayoutTest
{
    private static final int EVENTS = 10_000;

    @ParameterizedTest
    @EnumSource(StageLayout.class)
    void shouldStartExactlyTheNamedThreadsAndRunEachStageAfterThoseItWaitsFor(final StageLayout layout)
    {
        final List<String> started = new CopyOnWriteArrayList<>();
        final StageThreadFactory names = new StageThreadFactory(layout);
        final Disruptor<FrameEvent> disruptor = new Disruptor<>(
            () -> new FrameEvent(64),
            1024,
            runnable ->
            {
                final Thread thread = names.newThread(runnable);
                started.add(thread.getName());
                return thread;
            },
            ProducerType.SINGLE,
            new BlockingWaitStrategy());
        final AtomicLong decoded = new AtomicLong();
        final AtomicLong journaled = new AtomicLong();
        final AtomicLong aggregated = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final EventHandler<FrameEvent> last = layout.wire(
            disruptor,
            (event, sequence, endOfBatch) -> decoded.incrementAndGet(),
            (event, sequence, endOfBatch) -> countAfter(sequence, journaled, outOfOrder, decoded),
            (event, sequence, endOfBatch) -> countAfter(sequence, aggregated, outOfOrder, decoded),
            (event, sequence, endOfBatch) -> countAfter(sequence, published, outOfOrder, journaled, aggregated));
        final RingBuffer<FrameEvent> ring = disruptor.start();
        try
        {
            for (int i = 0; i < EVENTS; i++)
            {
                ring.publishEvent(
                    (event, sequence) -> event.setGap(sequence, sequence, GapKind.UPSTREAM, Venue.BINANCE));
            }
            while (disruptor.getSequenceValueFor(last) < ring.getCursor())
            {
                LockSupport.parkNanos(100_000);
            }
        }
        finally
        {
            disruptor.halt();
        }

        assertThat(started).isEqualTo(layout.threadNames());
        assertThat(published.get()).isEqualTo(EVENTS);
        assertThat(outOfOrder.get()).isZero();
    }

    @ParameterizedTest
    @EnumSource(StageLayout.class)
    void shouldBeTheLayoutOfItsThreadCount(final StageLayout layout)
    {
        assertThat(StageLayout.of(layout.threadNames().size())).isEqualTo(layout);
    }

    @ParameterizedTest
    @EnumSource(StageLayout.class)
    void shouldNameThreadsBeyondTheLayoutByNumber(final StageLayout layout)
    {
        final StageThreadFactory factory = new StageThreadFactory(layout);
        for (final String name : layout.threadNames())
        {
            assertThat(factory.newThread(() -> { }).getName()).isEqualTo(name);
        }
        final Thread extra = factory.newThread(() -> { });
        assertThat(extra.getName()).isEqualTo("liqvol-stage-" + layout.threadNames().size());
        assertThat(extra.isDaemon()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 8})
    void shouldRefuseAThreadCountWithoutALayout(final int stageThreads)
    {
        assertThatThrownBy(() -> StageLayout.of(stageThreads)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Counts an event, noting it if a stage it waits for has not counted it yet. */
    private static void countAfter(
        final long sequence, final AtomicLong count, final AtomicLong outOfOrder, final AtomicLong... before)
    {
        for (final AtomicLong stage : before)
        {
            if (stage.get() <= sequence)
            {
                outOfOrder.incrementAndGet();
            }
        }
        count.incrementAndGet();
    }
}
