package io.liqvol.gateway.replication;

import io.liqvol.engine.GapKind;
import io.liqvol.engine.Venue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gaps an edge records when it follows several recorders: an interval of a venue is a gap only where every
 * recorder had one of that venue (whatever one recorder missed, another recorded). Each recorder's recent gaps are
 * kept per venue; a gap arriving from one is intersected with the other recorders' gaps of its venue, and what is left
 * is recorded, so each common interval is recorded once, when its last part arrives. With one recorder its gaps pass
 * as they are. The gaps kept before a restart are restored ({@link ReplicationGapLog}). One thread.
 */
final class GapIntersection
{
    /** Receives the intervals to record. */
    @FunctionalInterface
    interface GapSink
    {
        void record(Venue venue, long fromMs, long toMs, GapKind kind);
    }

    /** Gaps kept per recorder and venue. */
    static final int KEPT_PER_RECORDER = 256;

    private final int recorders;
    /** Per recorder and venue ({@code recorder * Venue.count() + venue}): its recent gaps, oldest first. */
    private final List<ArrayDeque<long[]>> gaps = new ArrayList<>();
    /** Per recorder: the journal position of the newest gap kept. */
    private final long[] newestJournalPosition;
    private final GapSink sink;

    GapIntersection(final int recorders, final GapSink sink)
    {
        this.recorders = recorders;
        this.newestJournalPosition = new long[recorders];
        Arrays.fill(newestJournalPosition, -1);
        for (int i = 0; i < recorders * Venue.count(); i++)
        {
            gaps.add(new ArrayDeque<>());
        }
        this.sink = sink;
    }

    /** Keeps a gap recorder {@code recorder} had before this run (at {@code journalPosition} in its journal). */
    void restore(final int recorder, final Venue venue, final long journalPosition, final long fromMs, final long toMs)
    {
        if (journalPosition > newestJournalPosition[recorder])
        {
            keep(recorder, venue, journalPosition, fromMs, toMs);
        }
    }

    /**
     * Recorder {@code recorder} (its index among those followed) had a gap [fromMs, toMs] of {@code venue}, at
     * {@code journalPosition} in its journal; returns whether it is new, not one kept already (handed again after a
     * restart, when what it completed is recorded again: the sink drops what the engine already holds).
     */
    boolean onGap(
        final int recorder, final Venue venue, final GapKind kind, final long journalPosition, final long fromMs,
        final long toMs)
    {
        final boolean fresh = journalPosition > newestJournalPosition[recorder];
        if (fresh)
        {
            keep(recorder, venue, journalPosition, fromMs, toMs);
        }
        List<long[]> common = List.of(new long[] {fromMs, toMs});
        for (int other = 0; other < recorders && !common.isEmpty(); other++)
        {
            if (other != recorder)
            {
                common = intersect(common, gaps.get(other * Venue.count() + venue.ordinal()));
            }
        }
        for (final long[] interval : common)
        {
            sink.record(venue, interval[0], interval[1], kind);
        }
        return fresh;
    }

    private void keep(
        final int recorder, final Venue venue, final long journalPosition, final long fromMs, final long toMs)
    {
        final ArrayDeque<long[]> own = gaps.get(recorder * Venue.count() + venue.ordinal());
        if (own.size() == KEPT_PER_RECORDER)
        {
            own.removeFirst();
        }
        own.addLast(new long[] {fromMs, toMs});
        newestJournalPosition[recorder] = journalPosition;
    }

    private static List<long[]> intersect(final List<long[]> intervals, final ArrayDeque<long[]> others)
    {
        final List<long[]> common = new ArrayList<>();
        for (final long[] interval : intervals)
        {
            for (final long[] other : others)
            {
                final long fromMs = Math.max(interval[0], other[0]);
                final long toMs = Math.min(interval[1], other[1]);
                if (fromMs <= toMs)
                {
                    common.add(new long[] {fromMs, toMs});
                }
            }
        }
        return common;
    }
}
