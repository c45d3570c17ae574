package io.liqvol.engine;

import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.CounterDescriptors;
import io.liqvol.engine.counters.CounterSet;

/**
 * The engine's counters. Each counter but stage errors has one writing thread (a pipeline stage), which increments
 * it with a plain read and an ordered write; any thread may read them. The decode stage's counters (received,
 * accepted, duplicates, ignored, rejected by reason) are also kept per venue, labelled {@code exchange}.
 */
public final class EngineCounters
{
    private static final CounterDescriptors DESCRIPTORS = new CounterDescriptors();
    private static final int RECEIVED = DESCRIPTORS.counter("liqvol_events_received_total",
        "Frames and liquidations that entered the engine");
    private static final int ACCEPTED = DESCRIPTORS.counter("liqvol_events_accepted_total", "Liquidations accepted");
    private static final int DUPLICATES = DESCRIPTORS.counter("liqvol_events_duplicate_total",
        "Liquidations dropped as duplicates");
    private static final int IGNORED = DESCRIPTORS.counter("liqvol_events_ignored_total",
        "Valid frames without a liquidation");
    private static final int FIRST_REJECT = rejectedByReason();
    /** The counters before this id are the decode stage's, kept per venue too. */
    private static final int PER_VENUE = DESCRIPTORS.size();
    private static final int STAGE_ERRORS = DESCRIPTORS.counter("liqvol_engine_stage_errors_total",
        "Exceptions inside an engine stage");
    private static final int LISTENER_ERRORS = DESCRIPTORS.counter("liqvol_engine_listener_errors_total",
        "Exceptions thrown by engine listeners");
    private static final int PUBLISHED = DESCRIPTORS.counter("liqvol_events_published_total",
        "Liquidations handed to engine listeners");
    private static final int BEYOND_WINDOW = DESCRIPTORS.counter("liqvol_engine_beyond_window_total",
        "Liquidation-timeframe pairs older than the bucket window");
    private static final int SYMBOLS_REFUSED = DESCRIPTORS.counter("liqvol_engine_symbols_refused_total",
        "Symbols refused because the engine's memory budget holds no more");
    private static final int AGGREGATE_OVERFLOWS = DESCRIPTORS.counter("liqvol_engine_aggregate_overflows_total",
        "Bucket sums refused because they would overflow");

    private static final int VENUES = Venue.count();
    private static final CounterDescriptors VENUE_DESCRIPTORS = perVenue();

    private final CounterSet values = new CounterSet(DESCRIPTORS.list());
    private final CounterSet byVenue = new CounterSet(VENUE_DESCRIPTORS.list());

    /** One counter per reason, in the order of {@link RejectReason}; returns the first one's id. */
    private static int rejectedByReason()
    {
        final int first = DESCRIPTORS.size();
        for (final RejectReason reason : RejectReason.values())
        {
            DESCRIPTORS.counter("liqvol_events_rejected_total", "Frames or liquidations rejected, by reason",
                "reason=\"" + reason.label() + "\"");
        }
        return first;
    }

    /**
     * The decode stage's counters per venue, metric by metric: the sample of venue {@code v} of the counter {@code id}
     * is {@code id × venues + v}, labelled {@code exchange="…"} before any label of its own.
     */
    private static CounterDescriptors perVenue()
    {
        final CounterDescriptors perVenue = new CounterDescriptors();
        for (final CounterDescriptor total : DESCRIPTORS.list().subList(0, PER_VENUE))
        {
            for (int venue = 0; venue < VENUES; venue++)
            {
                final String exchange = "exchange=\"" + Venue.fromOrdinal(venue).code() + "\"";
                perVenue.counter(total.name(), total.help(),
                    total.labels() == null ? exchange : exchange + "," + total.labels());
            }
        }
        return perVenue;
    }

    /** Every engine counter with its description, for {@code /metrics}. */
    public CounterSet counterSet()
    {
        return values;
    }

    /** The counters of {@link #counterSet()} that {@link #venueCounterSet()} has per venue as well. */
    public static boolean countedPerVenue(final CounterDescriptor descriptor)
    {
        return descriptor.id() < PER_VENUE;
    }

    /** The decode stage's counters per venue, each labelled {@code exchange}, for {@code /metrics}. */
    public CounterSet venueCounterSet()
    {
        return byVenue;
    }

    /** The venue a counter of {@link #venueCounterSet()} counts. */
    public static Venue venueOf(final CounterDescriptor venueDescriptor)
    {
        return Venue.fromOrdinal(venueDescriptor.id() % VENUES);
    }

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

    /** Frames and embedder liquidations of the venue that entered the decode stage. */
    public long received(final Venue venue)
    {
        return byVenue.get(RECEIVED * VENUES + venue.ordinal());
    }

    public long accepted(final Venue venue)
    {
        return byVenue.get(ACCEPTED * VENUES + venue.ordinal());
    }

    public long duplicates(final Venue venue)
    {
        return byVenue.get(DUPLICATES * VENUES + venue.ordinal());
    }

    public long ignored(final Venue venue)
    {
        return byVenue.get(IGNORED * VENUES + venue.ordinal());
    }

    public long rejected(final Venue venue, final RejectReason reason)
    {
        return byVenue.get((FIRST_REJECT + reason.ordinal()) * VENUES + venue.ordinal());
    }

    public long rejectedTotal(final Venue venue)
    {
        long total = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            total += rejected(venue, reason);
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

    /** Distinct symbols refused because the memory budget holds no more (their liquidations are rejected). */
    public long symbolsRefused()
    {
        return values.get(SYMBOLS_REFUSED);
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

    /** {@code venue}: the ordinal of the venue the frame or liquidation came from, as in every decode counter. */
    void incrementReceived(final int venue)
    {
        incrementDecoded(RECEIVED, venue);
    }

    void incrementAccepted(final int venue)
    {
        incrementDecoded(ACCEPTED, venue);
    }

    void incrementDuplicates(final int venue)
    {
        incrementDecoded(DUPLICATES, venue);
    }

    void incrementIgnored(final int venue)
    {
        incrementDecoded(IGNORED, venue);
    }

    void incrementRejected(final int venue, final RejectReason reason)
    {
        incrementDecoded(FIRST_REJECT + reason.ordinal(), venue);
    }

    /** The total and the venue's sample; the decode thread writes both. */
    private void incrementDecoded(final int id, final int venue)
    {
        values.incrementOrdered(id);
        byVenue.incrementOrdered(id * VENUES + venue);
    }

    void incrementBeyondWindow()
    {
        values.incrementOrdered(BEYOND_WINDOW);
    }

    void incrementAggregateOverflows()
    {
        values.incrementOrdered(AGGREGATE_OVERFLOWS);
    }

    void incrementSymbolsRefused()
    {
        values.incrementOrdered(SYMBOLS_REFUSED);
    }

    void incrementPublished()
    {
        values.incrementOrdered(PUBLISHED);
    }

    void incrementListenerErrors()
    {
        values.incrementOrdered(LISTENER_ERRORS);
    }

    /** Stage errors may come from any stage thread, so this one is a true atomic add. */
    void incrementStageErrors()
    {
        values.increment(STAGE_ERRORS);
    }
}
