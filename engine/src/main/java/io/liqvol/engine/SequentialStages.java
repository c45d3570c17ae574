package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

/**
 * Several stages on one thread, each event passing through them in order: the pipeline for machines with fewer
 * free cores than stages. A stage that throws does not keep the later stages from the event (as with one thread
 * per stage); the first exception is rethrown afterwards for the engine's exception handler to count.
 */
final class SequentialStages implements EventHandler<FrameEvent>
{
    private final EventHandler<FrameEvent>[] stages;

    @SafeVarargs
    SequentialStages(final EventHandler<FrameEvent>... stages)
    {
        this.stages = stages;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        RuntimeException failure = null;
        for (final EventHandler<FrameEvent> stage : stages)
        {
            try
            {
                stage.onEvent(event, sequence, endOfBatch);
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
