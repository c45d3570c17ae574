package io.liqvol.gateway;

import io.liqvol.engine.LiqvolEngine;
import org.agrona.concurrent.EpochClock;

/**
 * Whether the engine's stage threads are alive, for {@code /health/live}: events waiting in the ring while the
 * sequence the stages are done with has not moved for the stall limit mean a stage thread is stuck. An empty ring is
 * alive however long it stays empty. Sampled whenever it is asked, so a stall shows from the second question on.
 */
final class EngineLiveness
{
    /** Far longer than any batch takes, even a roll that waits for its segment, on a loaded machine. */
    static final long DEFAULT_STALL_LIMIT_MS = 10_000;

    private final LiqvolEngine engine;
    private final EpochClock clock;
    private final long stallLimitMs;
    private long lastProcessed = Long.MIN_VALUE;
    private long progressAtMs;

    EngineLiveness(final LiqvolEngine engine, final EpochClock clock, final long stallLimitMs)
    {
        this.engine = engine;
        this.clock = clock;
        this.stallLimitMs = stallLimitMs;
    }

    /** How long events have waited without the stages moving; 0 while they move or nothing waits. Any thread. */
    synchronized long stalledMs()
    {
        final long nowMs = clock.time();
        final long processed = engine.processedSequence();
        if (processed >= engine.inputSequence() || processed != lastProcessed)
        {
            lastProcessed = processed;
            progressAtMs = nowMs;
            return 0;
        }
        return nowMs - progressAtMs;
    }

    boolean live()
    {
        return stalledMs() < stallLimitMs;
    }
}
