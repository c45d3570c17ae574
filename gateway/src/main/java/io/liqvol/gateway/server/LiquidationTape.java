package io.liqvol.gateway.server;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.journal.JournalVisitor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Every liquidation of the last {@link #HORIZON_MS} (side, quantity, price, time), for what buckets do not hold: the
 * largest one and the size distribution of a window (docs/API.md §4.10). Fed by the journal's replay at start and then
 * by the engine's publisher thread, its only writer; read from any thread without locks. Entries live in chunks that
 * are full before the next one is published; a chunk whose newest entry left the horizon is dropped.
 */
public final class LiquidationTape implements EngineListener, JournalVisitor
{
    /** A day and an hour: every standard window and the minute it is aligned to. */
    public static final long HORIZON_MS = 25 * 3_600_000L;

    private static final int CHUNK_ENTRIES = 4096;
    /** Symbol, venue and side, quantityE8, priceE8, trade time. */
    private static final int LONGS_PER_ENTRY = 4;
    private static final int VENUE_BITS = 2;
    private static final int VENUE_MASK = (1 << VENUE_BITS) - 1;

    private final LongSupplier clockMs;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    private volatile String[] symbols = new String[0];
    private volatile Chunk[] chunks = new Chunk[0];
    /** Entries ever appended; the appending thread only writes it. */
    private volatile long appended;

    public LiquidationTape(final LongSupplier clockMs)
    {
        this.clockMs = clockMs;
    }

    /** Receives one entry of the tape. */
    @FunctionalInterface
    public interface Visitor
    {
        void onLiquidation(int symbol, int side, long quantityE8, long priceE8, long tradeTimeMs);
    }

    /** Every entry traded in {@code [startMs, endMs)}, in no particular order; any thread. */
    public void forEach(final long startMs, final long endMs, final Visitor visitor)
    {
        forEach(startMs, endMs, VenueSelection.ALL, visitor);
    }

    /** As above, of the selected venues only. */
    public void forEach(final long startMs, final long endMs, final VenueSelection venues, final Visitor visitor)
    {
        for (final Chunk chunk : chunks)
        {
            final long[] entries = chunk.entries;
            final int longs = chunk.size * LONGS_PER_ENTRY;
            for (int at = 0; at < longs; at += LONGS_PER_ENTRY)
            {
                final long timeMs = entries[at + 3];
                final long symbolVenueSide = entries[at];
                if (timeMs >= startMs && timeMs < endMs
                    && venues.includesOrdinal((int)(symbolVenueSide >>> 1) & VENUE_MASK))
                {
                    visitor.onLiquidation((int)(symbolVenueSide >>> (VENUE_BITS + 1)), (int)(symbolVenueSide & 1),
                        entries[at + 1], entries[at + 2], timeMs);
                }
            }
        }
    }

    /** How many entries were ever appended: a change of it is a change of the tape (eviction aside); any thread. */
    public long appended()
    {
        return appended;
    }

    /** The name of a symbol number given to a {@link Visitor}. */
    public String symbol(final int symbol)
    {
        return symbols[symbol];
    }

    /** How many symbol numbers there are (each below this). */
    public int symbolCount()
    {
        return symbols.length;
    }

    @Override
    public void onLiquidation(final LiquidationView liquidation)
    {
        append(liquidation.symbol(), liquidation.venue().ordinal(), liquidation.side().ordinal(),
            liquidation.quantityE8(), liquidation.priceE8(), liquidation.tradeTimeMs());
    }

    @Override
    public void onLiquidation(
        final int venue,
        final byte[] symbol,
        final int symbolLength,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        if (tradeTimeMs >= clockMs.getAsLong() - HORIZON_MS)
        {
            append(new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII), venue, side, quantityE8, priceE8,
                tradeTimeMs);
        }
    }

    @Override
    public void onGap(final long fromMs, final long toMs, final GapKind kind)
    {
    }

    @Override
    public void onBucketChanged(final BucketView bucket)
    {
    }

    private void append(final String symbol, final int venue, final int side, final long quantityE8,
        final long priceE8, final long tradeTimeMs)
    {
        Chunk[] current = chunks;
        Chunk last = current.length == 0 ? null : current[current.length - 1];
        if (last == null || last.size == CHUNK_ENTRIES)
        {
            last = new Chunk();
            current = withNewChunk(current, last);
            chunks = current;
        }
        final int at = last.size * LONGS_PER_ENTRY;
        last.entries[at] = ((long)index(symbol) << (VENUE_BITS + 1)) | ((long)venue << 1) | side;
        last.entries[at + 1] = quantityE8;
        last.entries[at + 2] = priceE8;
        last.entries[at + 3] = tradeTimeMs;
        last.newestMs = Math.max(last.newestMs, tradeTimeMs);
        // the volatile write publishes the entry to readers
        last.size++;
        appended = appended + 1;
    }

    /** The chunks still inside the horizon, then {@code added}. */
    private Chunk[] withNewChunk(final Chunk[] current, final Chunk added)
    {
        final long oldestKeptMs = clockMs.getAsLong() - HORIZON_MS;
        int first = 0;
        while (first < current.length && current[first].newestMs < oldestKeptMs)
        {
            first++;
        }
        final Chunk[] next = Arrays.copyOfRange(current, first, current.length + 1);
        next[next.length - 1] = added;
        return next;
    }

    private int index(final String symbol)
    {
        final Integer known = symbolIndex.get(symbol);
        if (known != null)
        {
            return known;
        }
        final int added = symbols.length;
        final String[] grown = Arrays.copyOf(symbols, added + 1);
        grown[added] = symbol;
        symbols = grown;
        symbolIndex.put(symbol, added);
        return added;
    }

    private static final class Chunk
    {
        private final long[] entries = new long[CHUNK_ENTRIES * LONGS_PER_ENTRY];
        private volatile int size;
        private long newestMs = Long.MIN_VALUE;
    }
}
