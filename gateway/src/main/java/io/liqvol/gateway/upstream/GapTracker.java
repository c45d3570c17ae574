package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.engine.Venue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the intervals in which the upstream had no live connection: from the loss of the last live one (or
 * start-up) until the next one's subscriptions are acknowledged. Every closed gap goes to the sink (which
 * persists it); the most recent ones are kept for the status. Transitions come from the upstream's event loop.
 */
final class GapTracker
{
    private final Venue venue;
    private final Consumer<Gap> sink;
    private final int maxKept;
    private final ArrayDeque<Gap> recent = new ArrayDeque<>();
    /** Written on the upstream's event loop, read by queries (the gap under way, docs/API.md §2.1). */
    private volatile long openSinceMs = -1;

    GapTracker(final Venue venue, final Consumer<Gap> sink, final int maxKept)
    {
        this.venue = venue;
        this.sink = sink;
        this.maxKept = maxKept;
    }

    /** The upstream stopped being live at {@code nowMs}; no effect while a gap is open. */
    void down(final long nowMs)
    {
        if (openSinceMs < 0)
        {
            openSinceMs = nowMs;
        }
    }

    /** The upstream is live again at {@code nowMs}: closes and reports the open gap, if any. */
    void up(final long nowMs)
    {
        if (openSinceMs < 0)
        {
            return;
        }
        final Gap gap = new Gap(venue, openSinceMs, Math.max(openSinceMs, nowMs));
        synchronized (recent)
        {
            recent.addLast(gap);
            if (recent.size() > maxKept)
            {
                recent.removeFirst();
            }
        }
        // Handed on before it stops being the open one, so that a reader sees it open or on its way to the record.
        sink.accept(gap);
        openSinceMs = -1;
    }

    boolean isOpen()
    {
        return openSinceMs >= 0;
    }

    /** When the gap under way began, or -1; safe from any thread. */
    long openSinceMs()
    {
        return openSinceMs;
    }

    /** Closed gaps, oldest first; safe from any thread. */
    List<Gap> recent()
    {
        synchronized (recent)
        {
            return new ArrayList<>(recent);
        }
    }
}
