package io.liqvol.engine;

import com.lmax.disruptor.ExceptionHandler;

/** A stage that throws must not stop the engine: count it and go on with the next event. */
final class CountingExceptionHandler implements ExceptionHandler<FrameEvent>
{
    private final EngineCounters counters;

    CountingExceptionHandler(final EngineCounters counters)
    {
        this.counters = counters;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
    {
        counters.incrementStageErrors();
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        counters.incrementStageErrors();
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        counters.incrementStageErrors();
    }
}
