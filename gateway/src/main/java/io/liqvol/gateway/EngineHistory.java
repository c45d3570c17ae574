package io.liqvol.gateway;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;
import io.liqvol.gateway.server.Coverage;
import io.liqvol.gateway.server.LiquidationHistory;
import io.liqvol.gateway.server.LiquidationTape;
import io.liqvol.gateway.server.VenueSelection;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/** The server's view of the engine's recorded history. */
public final class EngineHistory implements LiquidationHistory
{
    private final LiqvolEngine engine;
    private final LiquidationTape tape;
    /** The coverage last built per venue mask ({@link VenueSelection#mask()}). */
    private final AtomicReferenceArray<Coverage> coverages =
        new AtomicReferenceArray<>(VenueSelection.ALL.mask() + 1);
    /** Per venue ordinal, when its upstream disconnection under way began, or {@link Coverage#NO_OPEN_GAP}. */
    private final AtomicReferenceArray<LongSupplier> openGapsFromMs = new AtomicReferenceArray<>(Venue.count());

    /** {@code tape} is fed by the same engine (a listener and its replay listener). */
    public EngineHistory(final LiqvolEngine engine, final LiquidationTape tape)
    {
        this.engine = engine;
        this.tape = tape;
        for (int mask = 0; mask < coverages.length(); mask++)
        {
            coverages.set(mask, Coverage.NONE);
        }
        for (int venue = 0; venue < Venue.count(); venue++)
        {
            openGapsFromMs.set(venue, () -> Coverage.NO_OPEN_GAP);
        }
    }

    @Override
    public List<String> symbols()
    {
        return engine.symbols();
    }

    @Override
    public LiquidationTape tape()
    {
        return tape;
    }

    /** Where Binance's gap under way comes from (the upstream, which starts after this). */
    public void openGap(final LongSupplier source)
    {
        openGap(Venue.BINANCE, source);
    }

    /** Where {@code venue}'s gap under way comes from (its upstream, which starts after this). */
    public void openGap(final Venue venue, final LongSupplier source)
    {
        openGapsFromMs.set(venue.ordinal(), source);
    }

    @Override
    public boolean isKnownSymbol(final String symbol)
    {
        return engine.isKnownSymbol(symbol);
    }

    @Override
    public List<BucketSnapshot> volume(
        final String symbol, final VenueSelection venues, final Timeframe timeframe, final long startMs,
        final long endMs)
    {
        return engine.volume(symbol, venues.isAll() ? Venues.ALL : venues.mask(), timeframe, startMs, endMs);
    }

    @Override
    public List<LiquidationSnapshot> recentLiquidations(final String symbol, final int limit)
    {
        return engine.recentLiquidations(symbol, limit);
    }

    @Override
    public OrderScanResult orders(final OrderFilter filter, final boolean newestFirst, final JournalPosition from,
        final int maxOrders, final long maxRecords, final OrderVisitor visitor)
    {
        return engine.orders(filter, newestFirst, from, maxOrders, maxRecords, visitor);
    }

    @Override
    public boolean isJournaled()
    {
        return engine.journalStatus() != null;
    }

    /**
     * Built again only when the engine recorded a gap or recording's start moved (retention); with the gap under way,
     * if any.
     */
    @Override
    public Coverage coverage()
    {
        return coverage(VenueSelection.ALL);
    }

    /** As {@link #coverage()} for the selected venues; the gap under way is the earliest of theirs. */
    @Override
    public Coverage coverage(final VenueSelection venues)
    {
        long openFromMs = Coverage.NO_OPEN_GAP;
        Venue openVenue = Venue.BINANCE;
        for (final Venue venue : Venue.values())
        {
            final long fromMs = venues.includes(venue)
                ? openGapsFromMs.get(venue.ordinal()).getAsLong() : Coverage.NO_OPEN_GAP;
            if (fromMs != Coverage.NO_OPEN_GAP && (openFromMs == Coverage.NO_OPEN_GAP || fromMs < openFromMs))
            {
                openFromMs = fromMs;
                openVenue = venue;
            }
        }
        final Coverage known = coverages.get(venues.mask());
        final long recordingSinceMs = engine.recordingSinceMs();
        if (known.sourceGaps() == engine.gapCount() && known.recordingSinceMs() == recordingSinceMs)
        {
            return known.withOpenGap(openFromMs, openVenue);
        }
        final Coverage built = Coverage.of(recordingSinceMs, engine.gaps(), venues);
        coverages.set(venues.mask(), built);
        return built.withOpenGap(openFromMs, openVenue);
    }
}
