package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The ring and how the four stages sit on its threads ({@link EngineContext#stageThreads()}): one place, so that the
 * engine and a benchmark's bare ring run the same topology.
 */
final class StageLayout
{
    private StageLayout()
    {
    }

    /** A ring of preallocated frames with named stage threads; nothing is wired or started yet. */
    static Disruptor<FrameEvent> disruptor(final EngineContext context)
    {
        return new Disruptor<>(
            () -> new FrameEvent(context.maxFrameBytes()),
            context.ringSize(),
            new StageThreadFactory(context.stageThreads()),
            ProducerType.MULTI,
            context.waitStrategy());
    }

    /**
     * Wires decode → (journal ∥ aggregate) → publish on 1, 2 or 4 threads, the stages in the same order on each.
     * Returns the last handler, whose sequence says how far the whole pipeline has got.
     */
    static EventHandler<FrameEvent> wire(
        final Disruptor<FrameEvent> disruptor,
        final int stageThreads,
        final EventHandler<FrameEvent> decode,
        final EventHandler<FrameEvent> journal,
        final EventHandler<FrameEvent> aggregate,
        final EventHandler<FrameEvent> publish)
    {
        switch (stageThreads)
        {
            case 1:
                final EventHandler<FrameEvent> all = new SequentialStages(decode, journal, aggregate, publish);
                disruptor.handleEventsWith(all);
                return all;
            case 2:
                final EventHandler<FrameEvent> rest = new SequentialStages(journal, aggregate, publish);
                disruptor.handleEventsWith(decode).then(rest);
                return rest;
            default:
                disruptor.handleEventsWith(decode).then(journal, aggregate).then(publish);
                return publish;
        }
    }

    /**
     * Waits until the last stage has passed every event handed in so far. Disruptor.shutdown() skips stages whose
     * threads have not started yet, so this waits for the last stage itself.
     */
    static void awaitPassed(final Disruptor<FrameEvent> disruptor, final EventHandler<FrameEvent> lastStage)
    {
        final long cursor = disruptor.getRingBuffer().getCursor();
        while (disruptor.getSequenceValueFor(lastStage) < cursor)
        {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Names the stage threads so a thread dump shows the pipeline. */
    private static final class StageThreadFactory implements ThreadFactory
    {
        private final String[] names;
        private final AtomicInteger created = new AtomicInteger();

        StageThreadFactory(final int stageThreads)
        {
            switch (stageThreads)
            {
                case 1:
                    names = new String[] {"liqvol-stages"};
                    break;
                case 2:
                    names = new String[] {"liqvol-decode", "liqvol-journal-aggregate-publish"};
                    break;
                default:
                    names = new String[] {"liqvol-decode", "liqvol-journal", "liqvol-aggregate", "liqvol-publish"};
                    break;
            }
        }

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final int n = created.getAndIncrement();
            final Thread thread = new Thread(runnable, n < names.length ? names[n] : "liqvol-stage-" + n);
            thread.setDaemon(true);
            return thread;
        }
    }
}
