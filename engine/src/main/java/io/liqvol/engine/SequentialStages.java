package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

import java.util.List;

/**
 * Several stages on one thread, each event passing through them in order: the pipeline for machines with fewer
 * free cores than stages. A stage that throws does not keep the later stages from the event (as with one thread
 * per stage); the first exception is rethrown afterwards for the engine's exception handler to count.
 */
final class SequentialStages implements EventHandler<FrameEvent>
{
    private final List<EventHandler<FrameEvent>> stages;

    SequentialStages(final List<EventHandler<FrameEvent>> stages)
    {
        this.stages = List.copyOf(stages);
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        RuntimeException failure = null;
        // By index: an iterator would be an allocation per event.
        for (int i = 0; i < stages.size(); i++)
        {
            try
            {
                stages.get(i).onEvent(event, sequence, endOfBatch);
            }
            catch (final RuntimeException ex)
            {
                if (failure == null)
                {
                    failure = ex;
                }
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }
}
