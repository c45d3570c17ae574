package io.liqvol.gateway;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;
import io.liqvol.gateway.server.Coverage;
import io.liqvol.gateway.server.LiquidationHistory;
import io.liqvol.gateway.server.LiquidationTape;

import java.util.List;
import java.util.function.LongSupplier;

/** The server's view of the engine's recorded history. */
public final class EngineHistory implements LiquidationHistory
{
    private final LiqvolEngine engine;
    private final LiquidationTape tape;
    private volatile Coverage coverage = Coverage.NONE;
    /** When the upstream disconnection under way began, or {@link Coverage#NO_OPEN_GAP}. */
    private volatile LongSupplier openGapFromMs = () -> Coverage.NO_OPEN_GAP;

    /** {@code tape} is fed by the same engine (a listener and its replay listener). */
    public EngineHistory(final LiqvolEngine engine, final LiquidationTape tape)
    {
        this.engine = engine;
        this.tape = tape;
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

    /** Where the gap under way comes from (the upstream, which starts after this). */
    public void openGap(final LongSupplier source)
    {
        openGapFromMs = source;
    }

    @Override
    public boolean isKnownSymbol(final String symbol)
    {
        return engine.isKnownSymbol(symbol);
    }

    @Override
    public List<BucketSnapshot> volume(
        final String symbol, final Timeframe timeframe, final long startMs, final long endMs)
    {
        return engine.volume(symbol, timeframe, startMs, endMs);
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
        final long openFromMs = openGapFromMs.getAsLong();
        final Coverage known = coverage;
        final long recordingSinceMs = engine.recordingSinceMs();
        if (known.sourceGaps() == engine.gapCount() && known.recordingSinceMs() == recordingSinceMs)
        {
            return known.withOpenGap(openFromMs);
        }
        final Coverage built = Coverage.of(recordingSinceMs, engine.gaps());
        coverage = built;
        return built.withOpenGap(openFromMs);
    }
}
