package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;

import java.util.List;

/** What the server asks the engine; thread-safe, may read the journal (so never on an event loop). */
public interface LiquidationHistory
{
    boolean isKnownSymbol(String symbol);

    /** Zero-filled buckets in ascending time from {@code timeframe.alignDownMs(startMs)} while start < endMs. */
    List<BucketSnapshot> volume(String symbol, Timeframe timeframe, long startMs, long endMs);

    /** Newest first. */
    List<LiquidationSnapshot> recentLiquidations(String symbol, int limit);

    /**
     * Journaled liquidations matching the filter in record order from {@code from} (null: the newest or oldest), at
     * most {@code maxOrders} to the visitor, reading at most {@code maxRecords} records; none without a journal.
     * Throws {@link IllegalArgumentException} for a position the journal never had. A history without a journal
     * (this default) has none.
     */
    default OrderScanResult orders(final OrderFilter filter, final boolean newestFirst, final JournalPosition from,
        final int maxOrders, final long maxRecords, final OrderVisitor visitor)
    {
        return new OrderScanResult(null, false);
    }

    /** Whether the history has a journal; without one only the newest liquidations in memory are known. */
    default boolean isJournaled()
    {
        return false;
    }

    /** What was recorded live: when recording began and every recorded gap. Cheap: any thread, also the publisher. */
    Coverage coverage();
}
