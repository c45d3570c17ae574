package io.liqvol.engine;

import java.util.Arrays;

/**
 * The outcome of the frame being decoded, held back until the frame proves complete: the liquidations validated
 * but not yet interned or deduplicated, the rejects by reason and the ignored events. Committing interns, drops
 * duplicates, fills the event and counts. Decode thread only.
 */
final class PendingBatch
{
    private final SymbolTable symbols;
    private final DuplicateFilter duplicates;
    private final EngineCounters counters;

    private int count;
    private final byte[][] symbolBytes = new byte[FrameEvent.MAX_LIQUIDATIONS][SymbolTable.MAX_SYMBOL_LENGTH];
    private final int[] symbolLengths = new int[FrameEvent.MAX_LIQUIDATIONS];
    private final int[] sides = new int[FrameEvent.MAX_LIQUIDATIONS];
    /** Per pending liquidation: quantityE8, priceE8, tradeTimeMs, eventTimeMs. */
    private final long[] values = new long[FrameEvent.MAX_LIQUIDATIONS * 4];
    private final int[] rejects = new int[RejectReason.values().length];
    private boolean rejected;
    private int ignored;
    private boolean tooMany;

    PendingBatch(final SymbolTable symbols, final DuplicateFilter duplicates, final EngineCounters counters)
    {
        this.symbols = symbols;
        this.duplicates = duplicates;
        this.counters = counters;
    }

    void begin()
    {
        count = 0;
        ignored = 0;
        tooMany = false;
        if (rejected)
        {
            Arrays.fill(rejects, 0);
            rejected = false;
        }
    }

    /**
     * An object read whole: a forceOrder event adds its order (or its reject reason); otherwise the object counts as
     * ignored if it is another event or an object that wraps nothing (an ack).
     */
    void endObject(final boolean forceOrder, final OrderValidator order, final long eventTimeMs, final boolean ignored)
    {
        if (forceOrder)
        {
            add(order, eventTimeMs);
        }
        else if (ignored)
        {
            ignore();
        }
    }

    /** An event, array element or ack that carries no liquidation. */
    void ignore()
    {
        ignored++;
    }

    /** The forceOrder event just read: its order, or its reject reason, joins the batch. */
    void add(final OrderValidator order, final long eventTimeMs)
    {
        final RejectReason reason = order.validate(eventTimeMs);
        if (reason != null)
        {
            rejects[reason.ordinal()]++;
            rejected = true;
            return;
        }
        if (count == FrameEvent.MAX_LIQUIDATIONS)
        {
            tooMany = true;
            return;
        }
        final int i = count++;
        symbolLengths[i] = order.symbolLength();
        System.arraycopy(order.symbolBytes(), 0, symbolBytes[i], 0, symbolLengths[i]);
        sides[i] = order.side();
        values[i * 4] = order.quantityE8();
        values[i * 4 + 1] = order.priceE8();
        values[i * 4 + 2] = order.tradeTimeMs(eventTimeMs);
        values[i * 4 + 3] = order.eventTimeMs(eventTimeMs);
    }

    /** A liquidation of the frame rejected before it could be validated. */
    void reject(final RejectReason reason)
    {
        rejects[reason.ordinal()]++;
        rejected = true;
    }

    /** The frame holds more liquidations than an event does. */
    void overflow()
    {
        tooMany = true;
    }

    /** More liquidations than an event holds: the frame is rejected whole. */
    boolean tooMany()
    {
        return tooMany;
    }

    /** Counts the rejects and ignored events, then interns, deduplicates and accepts the pending liquidations. */
    void commit(final FrameEvent event)
    {
        final int venue = event.inputVenue;
        for (int r = 0; rejected && r < rejects.length; r++)
        {
            for (int n = rejects[r]; n > 0; n--)
            {
                counters.incrementRejected(venue, RejectReason.fromOrdinal(r));
            }
        }
        for (int n = ignored; n > 0; n--)
        {
            counters.incrementIgnored(venue);
        }
        for (int i = 0; i < count; i++)
        {
            final int symbolId = symbols.intern(event.inputVenue, symbolBytes[i], 0, symbolLengths[i]);
            if (symbolId < 0)
            {
                rejectSymbol(venue, symbolId);
                continue;
            }
            final int at = event.count;
            event.venue[at] = (byte)event.inputVenue;
            event.symbolId[at] = symbolId;
            event.side[at] = sides[i];
            event.quantityE8[at] = values[i * 4];
            event.priceE8[at] = values[i * 4 + 1];
            event.tradeTimeMs[at] = values[i * 4 + 2];
            event.eventTimeMs[at] = values[i * 4 + 3];
            acceptIfNew(event, at);
        }
    }

    /** Counts a symbol the table refused: {@link SymbolTable#FULL}, {@link SymbolTable#OVER_BUDGET} or invalid. */
    void rejectSymbol(final int venue, final int symbolId)
    {
        counters.incrementRejected(venue, symbolId == SymbolTable.FULL ? RejectReason.SYMBOL_TABLE_FULL
            : symbolId == SymbolTable.OVER_BUDGET ? RejectReason.SYMBOL_MEMORY_BUDGET : RejectReason.INVALID_SYMBOL);
    }

    /** Accepts the liquidation written at index {@code at} (== event.count) unless it was seen before. */
    void acceptIfNew(final FrameEvent event, final int at)
    {
        if (duplicates.firstSighting(event.symbolId[at], event.venue[at], event.side[at], event.tradeTimeMs[at],
            event.quantityE8[at], event.priceE8[at]))
        {
            event.count = at + 1;
            counters.incrementAccepted(event.inputVenue);
        }
        else
        {
            counters.incrementDuplicates(event.inputVenue);
        }
    }
}
