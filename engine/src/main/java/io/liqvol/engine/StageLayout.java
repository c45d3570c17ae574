package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.dsl.Disruptor;

import java.util.List;

/**
 * How the stages share threads ({@link EngineContext#stageThreads(int)}): the wiring of the ring and the names of
 * the threads that wiring starts, side by side, so that a thread dump always names what runs on each thread.
 */
enum StageLayout
{
    /** Every stage on one thread, in order. */
    ONE_THREAD(List.of("liqvol-stages"))
    {
        @Override
        EventHandler<FrameEvent> wire(
            final Disruptor<FrameEvent> disruptor,
            final EventHandler<FrameEvent> decode,
            final EventHandler<FrameEvent> journal,
            final EventHandler<FrameEvent> aggregate,
            final EventHandler<FrameEvent> publish)
        {
            final EventHandler<FrameEvent> stages = new SequentialStages(decode, journal, aggregate, publish);
            disruptor.handleEventsWith(stages);
            return stages;
        }
    },

    /** Decode on its own thread; journal, aggregate and publish in order on a second. */
    TWO_THREADS(List.of("liqvol-decode", "liqvol-journal-aggregate-publish"))
    {
        @Override
        EventHandler<FrameEvent> wire(
            final Disruptor<FrameEvent> disruptor,
            final EventHandler<FrameEvent> decode,
            final EventHandler<FrameEvent> journal,
            final EventHandler<FrameEvent> aggregate,
            final EventHandler<FrameEvent> publish)
        {
            final EventHandler<FrameEvent> stages = new SequentialStages(journal, aggregate, publish);
            disruptor.handleEventsWith(decode).then(stages);
            return stages;
        }
    },

    /** A thread per stage, journal and aggregate in parallel. */
    THREAD_PER_STAGE(List.of("liqvol-decode", "liqvol-journal", "liqvol-aggregate", "liqvol-publish"))
    {
        @Override
        EventHandler<FrameEvent> wire(
            final Disruptor<FrameEvent> disruptor,
            final EventHandler<FrameEvent> decode,
            final EventHandler<FrameEvent> journal,
            final EventHandler<FrameEvent> aggregate,
            final EventHandler<FrameEvent> publish)
        {
            disruptor.handleEventsWith(decode).then(journal, aggregate).then(publish);
            return publish;
        }
    };

    private final List<String> threadNames;

    StageLayout(final List<String> threadNames)
    {
        this.threadNames = threadNames;
    }

    /** The layout of {@code stageThreads} (1, 2 or 4, as {@link EngineContext#conclude()} checks). */
    static StageLayout of(final int stageThreads)
    {
        switch (stageThreads)
        {
            case 1:
                return ONE_THREAD;
            case 2:
                return TWO_THREADS;
            case 4:
                return THREAD_PER_STAGE;
            default:
                throw new IllegalArgumentException("no stage layout for " + stageThreads + " threads");
        }
    }

    /** The names of the threads the wiring starts, in the order the ring starts them. */
    List<String> threadNames()
    {
        return threadNames;
    }

    /** Hands the stages to the ring in this layout and returns the stage that sees each event last. */
    abstract EventHandler<FrameEvent> wire(
        Disruptor<FrameEvent> disruptor,
        EventHandler<FrameEvent> decode,
        EventHandler<FrameEvent> journal,
        EventHandler<FrameEvent> aggregate,
        EventHandler<FrameEvent> publish);
}
