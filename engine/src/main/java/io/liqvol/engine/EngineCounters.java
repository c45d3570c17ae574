package io.liqvol.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The engine's counters. Each counter has one writing thread (a pipeline stage), which increments it with a plain
 * read and an ordered write; any thread may read them.
 */
public final class EngineCounters
{
    private static final int RECEIVED = 0;
    private static final int ACCEPTED = 1;
    private static final int DUPLICATES = 2;
    private static final int IGNORED = 3;
    private static final int BEYOND_WINDOW = 4;
    private static final int AGGREGATE_OVERFLOWS = 5;
    private static final int PUBLISHED = 6;
    private static final int LISTENER_ERRORS = 7;
    private static final int STAGE_ERRORS = 8;
    private static final int FIRST_REJECT = 9;

    private final AtomicLongArray values = new AtomicLongArray(FIRST_REJECT + RejectReason.values().length);

    /** Frames and embedder liquidations that entered the decode stage. */
    public long received()
    {
        return values.get(RECEIVED);
    }

    /** Liquidations accepted: decoded, valid, not duplicates. */
    public long accepted()
    {
        return values.get(ACCEPTED);
    }

    /** Liquidations dropped because an identical one was accepted before. */
    public long duplicates()
    {
        return values.get(DUPLICATES);
    }

    /** Frames that were valid but carried no liquidation: subscription acks, other event types. */
    public long ignored()
    {
        return values.get(IGNORED);
    }

    public long rejected(final RejectReason reason)
    {
        return values.get(FIRST_REJECT + reason.ordinal());
    }

    public long rejectedTotal()
    {
        long total = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            total += rejected(reason);
        }
        return total;
    }

    /** Liquidation × timeframe pairs too old for the in-memory bucket window (they are in the journal). */
    public long beyondWindow()
    {
        return values.get(BEYOND_WINDOW);
    }

    /** Bucket sums that would have overflowed 128 bits and were not applied. */
    public long aggregateOverflows()
    {
        return values.get(AGGREGATE_OVERFLOWS);
    }

    /** Liquidations handed to listeners. */
    public long published()
    {
        return values.get(PUBLISHED);
    }

    /** Exceptions thrown by listeners; the engine carries on. */
    public long listenerErrors()
    {
        return values.get(LISTENER_ERRORS);
    }

    /** Exceptions thrown inside a pipeline stage; the engine skips the event and carries on. */
    public long stageErrors()
    {
        return values.get(STAGE_ERRORS);
    }

    void incrementReceived()
    {
        increment(RECEIVED);
    }

    void incrementAccepted()
    {
        increment(ACCEPTED);
    }

    void incrementDuplicates()
    {
        increment(DUPLICATES);
    }

    void incrementIgnored()
    {
        increment(IGNORED);
    }

    void incrementRejected(final RejectReason reason)
    {
        increment(FIRST_REJECT + reason.ordinal());
    }

    void incrementBeyondWindow()
    {
        increment(BEYOND_WINDOW);
    }

    void incrementAggregateOverflows()
    {
        increment(AGGREGATE_OVERFLOWS);
    }

    void incrementPublished()
    {
        increment(PUBLISHED);
    }

    void incrementListenerErrors()
    {
        increment(LISTENER_ERRORS);
    }

    /** Stage errors may come from any stage thread, so this one is a true atomic add. */
    void incrementStageErrors()
    {
        values.incrementAndGet(STAGE_ERRORS);
    }

    private void increment(final int index)
    {
        values.lazySet(index, values.get(index) + 1);
    }
}
