package io.liqvol.engine;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the stage threads after their {@link StageLayout} so a thread dump shows the pipeline. */
final class StageThreadFactory implements ThreadFactory
{
    private final List<String> names;
    private final AtomicInteger created = new AtomicInteger();

    StageThreadFactory(final StageLayout layout)
    {
        this.names = layout.threadNames();
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final int n = created.getAndIncrement();
        final Thread thread = new Thread(runnable, n < names.size() ? names.get(n) : "liqvol-stage-" + n);
        thread.setDaemon(true);
        return thread;
    }
}
