package io.liqvol.gateway.server;

import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Venue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What was recorded live (docs/API.md §2.1): time from {@code recordingSinceMs} on, less every recorded gap. An
 * immutable snapshot: the gaps sorted oldest first, and merged into disjoint intervals with the gap time before each,
 * so the recorded time of any span takes two binary searches.
 */
public final class Coverage
{
    /** {@link #openGapFromMs()} when no gap is under way. */
    public static final long NO_OPEN_GAP = -1;

    /** Nothing recorded: every span reads as not recorded. */
    public static final Coverage NONE = new Coverage(Long.MAX_VALUE, List.of(), 0, NO_OPEN_GAP, Venue.BINANCE);

    /** Coverage is a fraction with this many decimals. */
    public static final int SCALE = 10_000;

    /** Where a gap under way ends for the arithmetic: past any span, with room to add gap times below it. */
    private static final long OPEN_END_MS = Long.MAX_VALUE / 4;

    private static final Comparator<Gap> OLDEST_FIRST =
        Comparator.comparingLong(Gap::fromMs).thenComparingLong(Gap::toMs);

    private final long recordingSinceMs;
    private final List<Gap> gaps;
    private final int sourceGaps;
    private final long openGapFromMs;
    private final Venue openGapVenue;
    /** Disjoint, ascending {@code [fromMs, toMs)} intervals of gap time. */
    private final long[] fromMs;
    private final long[] toMs;
    /** {@code gapMsBefore[i]}: the gap time of intervals {@code [0, i)}. */
    private final long[] gapMsBefore;

    private Coverage(final long recordingSinceMs, final List<Gap> sorted, final int sourceGaps,
        final long openGapFromMs, final Venue openGapVenue)
    {
        this.recordingSinceMs = recordingSinceMs;
        this.gaps = sorted;
        this.sourceGaps = sourceGaps;
        this.openGapFromMs = openGapFromMs;
        this.openGapVenue = openGapVenue;
        final long[] from = new long[sorted.size() + 1];
        final long[] to = new long[sorted.size() + 1];
        int merged = 0;
        for (final Gap gap : sorted)
        {
            if (gap.toMs() <= gap.fromMs())
            {
                continue;
            }
            if (merged > 0 && gap.fromMs() <= to[merged - 1])
            {
                to[merged - 1] = Math.max(to[merged - 1], gap.toMs());
            }
            else
            {
                from[merged] = gap.fromMs();
                to[merged] = gap.toMs();
                merged++;
            }
        }
        if (openGapFromMs != NO_OPEN_GAP)
        {
            // Under way: not recorded from its start on, whatever span is asked (a span never runs past now); it
            // swallows every interval that begins after it.
            while (merged > 0 && from[merged - 1] >= openGapFromMs)
            {
                merged--;
            }
            if (merged > 0 && openGapFromMs <= to[merged - 1])
            {
                to[merged - 1] = OPEN_END_MS;
            }
            else
            {
                from[merged] = openGapFromMs;
                to[merged] = OPEN_END_MS;
                merged++;
            }
        }
        fromMs = Arrays.copyOf(from, merged);
        toMs = Arrays.copyOf(to, merged);
        gapMsBefore = new long[merged + 1];
        for (int i = 0; i < merged; i++)
        {
            gapMsBefore[i + 1] = gapMsBefore[i] + toMs[i] - fromMs[i];
        }
    }

    /** A snapshot of {@code gaps} (in any order) and the time recording began. */
    public static Coverage of(final long recordingSinceMs, final List<Gap> gaps)
    {
        return of(recordingSinceMs, gaps, VenueSelection.ALL);
    }

    /**
     * As {@link #of(long, List)} for the selected venues (docs/API.md §9): their upstream gaps and every gap of the
     * engine's own (downtime, journal), which no venue was recorded in.
     */
    public static Coverage of(final long recordingSinceMs, final List<Gap> gaps, final VenueSelection venues)
    {
        final List<Gap> sorted = new ArrayList<>(gaps.size());
        for (final Gap gap : gaps)
        {
            if (gap.kind() != GapKind.UPSTREAM || venues.includes(gap.venue()))
            {
                sorted.add(gap);
            }
        }
        sorted.sort(OLDEST_FIRST);
        return new Coverage(recordingSinceMs, List.copyOf(sorted), gaps.size(), NO_OPEN_GAP, Venue.BINANCE);
    }

    /**
     * This coverage with a gap under way since {@code fromMs} (an upstream disconnection not yet over), or without
     * one for {@link #NO_OPEN_GAP}: the time from then on reads as not recorded until the gap is closed and recorded.
     */
    public Coverage withOpenGap(final long fromMs)
    {
        return withOpenGap(fromMs, Venue.BINANCE);
    }

    /** As {@link #withOpenGap(long)}, the gap under way being {@code venue}'s. */
    public Coverage withOpenGap(final long fromMs, final Venue venue)
    {
        return fromMs == openGapFromMs && venue == openGapVenue
            ? this : new Coverage(recordingSinceMs, gaps, sourceGaps, fromMs, venue);
    }

    /** The venue of the gap under way (when there is one). */
    public Venue openGapVenue()
    {
        return openGapVenue;
    }

    /** When the gap under way began, or {@link #NO_OPEN_GAP}. */
    public long openGapFromMs()
    {
        return openGapFromMs;
    }

    public long recordingSinceMs()
    {
        return recordingSinceMs;
    }

    /** How many gaps this was built from (the engine only ever adds gaps: another count is another list). */
    public int sourceGaps()
    {
        return sourceGaps;
    }

    /**
     * The recorded (closed) gaps overlapping {@code [startMs, endMs)} (a gap is {@code [from, to]}), oldest first, at
     * most max; the one under way is {@link #openGapFromMs()}.
     */
    public List<Gap> gaps(final long startMs, final long endMs, final int max)
    {
        final List<Gap> overlapping = new ArrayList<>();
        for (final Gap gap : gaps)
        {
            if (gap.fromMs() >= endMs || overlapping.size() == max)
            {
                break;
            }
            if (gap.toMs() >= startMs)
            {
                overlapping.add(gap);
            }
        }
        return overlapping;
    }

    /** How many gaps overlap {@code [startMs, endMs)}. */
    public int countGaps(final long startMs, final long endMs)
    {
        int count = 0;
        for (final Gap gap : gaps)
        {
            if (gap.fromMs() >= endMs)
            {
                break;
            }
            if (gap.toMs() >= startMs)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * Milliseconds of the timeframe's bucket starting at {@code bucketStartMs} that were recorded live, up to
     * {@code nowMs} (the open bucket's span ends now).
     */
    public long recordedMs(final Interval timeframe, final long bucketStartMs, final long nowMs)
    {
        return recordedMs(bucketStartMs, Math.min(bucketEndMs(timeframe, bucketStartMs), nowMs));
    }

    /** The bucket's span up to {@code nowMs}: what {@link #recordedMs(Interval, long, long)} is a part of. */
    public static long spanMs(final Interval timeframe, final long bucketStartMs, final long nowMs)
    {
        return Math.max(0, Math.min(bucketEndMs(timeframe, bucketStartMs), nowMs) - bucketStartMs);
    }

    /** Milliseconds of {@code [startMs, endMs)} recorded live: from recording's start on and outside every gap. */
    public long recordedMs(final long startMs, final long endMs)
    {
        final long from = Math.max(startMs, recordingSinceMs);
        if (endMs <= from)
        {
            return 0;
        }
        return endMs - from - gapMs(from, endMs);
    }

    /** {@code recordedMs / spanMs} in units of 1/{@link #SCALE}, rounded half to even; 0 for an empty span. */
    public static int fraction(final long recordedMs, final long spanMs)
    {
        if (spanMs <= 0)
        {
            return 0;
        }
        final long scaled = recordedMs * SCALE;
        final long quotient = scaled / spanMs;
        final long twiceRemainder = 2 * (scaled % spanMs);
        final boolean up = twiceRemainder > spanMs || (twiceRemainder == spanMs && (quotient & 1) == 1);
        return (int)(up ? quotient + 1 : quotient);
    }

    private static long bucketEndMs(final Interval timeframe, final long bucketStartMs)
    {
        return timeframe.bucketStartMs(timeframe.bucketIndex(bucketStartMs) + 1);
    }

    /** Gap time inside {@code [startMs, endMs)}. */
    private long gapMs(final long startMs, final long endMs)
    {
        // The intervals that end after the start, up to the last that begins before the end.
        final int first = firstAbove(toMs, startMs);
        final int last = firstAbove(fromMs, endMs - 1) - 1;
        if (first > last)
        {
            return 0;
        }
        long total = gapMsBefore[last + 1] - gapMsBefore[first];
        total -= Math.max(0, startMs - fromMs[first]);
        total -= Math.max(0, toMs[last] - endMs);
        return total;
    }

    /** The first index of the ascending {@code values} whose value is above {@code timeMs}. */
    private static int firstAbove(final long[] values, final long timeMs)
    {
        int low = 0;
        int high = values.length;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (values[mid] > timeMs)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }
        return low;
    }
}
