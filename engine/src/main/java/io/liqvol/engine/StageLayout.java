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
    ONE_THREAD("liqvol-stages"),
    /** Decode on its own thread; journal, aggregate and publish in order on a second. */
    TWO_THREADS("liqvol-decode", "liqvol-journal-aggregate-publish"),
    /** A thread per stage, journal and aggregate in parallel. */
    THREAD_PER_STAGE("liqvol-decode", "liqvol-journal", "liqvol-aggregate", "liqvol-publish");

    private final List<String> threadNames;

    StageLayout(final String... threadNames)
    {
        this.threadNames = List.of(threadNames);
    }

    /** The layout of {@code stageThreads} (1, 2 or 4, as {@link EngineContext#conclude()} checks). */
    static StageLayout of(final int stageThreads)
    {
        for (final StageLayout layout : values())
        {
            if (layout.threadNames.size() == stageThreads)
            {
                return layout;
            }
        }
        throw new IllegalArgumentException("no stage layout for " + stageThreads + " threads");
    }

    /** The names of the threads the wiring starts, in the order the ring starts them. */
    List<String> threadNames()
    {
        return threadNames;
    }

    /** Hands the stages to the ring in this layout and returns the stage that sees each event last. */
    EventHandler<FrameEvent> wire(
        final Disruptor<FrameEvent> disruptor,
        final EventHandler<FrameEvent> decode,
        final EventHandler<FrameEvent> journal,
        final EventHandler<FrameEvent> aggregate,
        final EventHandler<FrameEvent> publish)
    {
        switch (this)
        {
            case ONE_THREAD:
            {
                final EventHandler<FrameEvent> stages =
                    new SequentialStages(List.of(decode, journal, aggregate, publish));
                disruptor.handleEventsWith(stages);
                return stages;
            }
            case TWO_THREADS:
            {
                final EventHandler<FrameEvent> stages = new SequentialStages(List.of(journal, aggregate, publish));
                disruptor.handleEventsWith(decode).then(stages);
                return stages;
            }
            default:
                disruptor.handleEventsWith(decode).then(journal, aggregate).then(publish);
                return publish;
        }
    }
}
