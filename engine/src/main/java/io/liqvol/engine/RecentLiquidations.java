package io.liqvol.engine;

import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static io.liqvol.engine.RecentLiquidationsDescriptor.APPENDED_COUNT_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.ENTRY_LENGTH;
import static io.liqvol.engine.RecentLiquidationsDescriptor.EVENT_TIME_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.HEADER_LENGTH;
import static io.liqvol.engine.RecentLiquidationsDescriptor.ORDINAL_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.PRICE_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.QUANTITY_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.SIDE_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.TRADE_TIME_OFFSET;
import static io.liqvol.engine.RecentLiquidationsDescriptor.VERSION_OFFSET;

/**
 * The most recent liquidations of each symbol, off-heap, in the layout of {@link RecentLiquidationsDescriptor}.
 * The publish stage is the single writer, so a snapshot never shows a liquidation that listeners were not handed;
 * any thread reads.
 */
final class RecentLiquidations
{
    private final int capacity;
    private final AtomicReferenceArray<UnsafeBuffer> buffers;

    RecentLiquidations(final int maxSymbols, final int capacity)
    {
        this.capacity = capacity;
        this.buffers = new AtomicReferenceArray<>(maxSymbols);
    }

    /** The off-heap bytes of one symbol's ring, taken at its first liquidation. */
    static long bytesPerSymbol(final int capacity)
    {
        return HEADER_LENGTH + (long)capacity * ENTRY_LENGTH;
    }

    /** Writer thread only. */
    void append(
        final int symbolId,
        final int venue,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        UnsafeBuffer buffer = buffers.get(symbolId);
        if (buffer == null)
        {
            buffer = new UnsafeBuffer(ByteBuffer.allocateDirect((int)bytesPerSymbol(capacity)));
            buffers.set(symbolId, buffer);
        }
        final long ordinal = buffer.getLong(APPENDED_COUNT_OFFSET);
        final int entry = entryOffset(ordinal);
        final long version = buffer.getLong(entry + VERSION_OFFSET);
        buffer.putLong(entry + VERSION_OFFSET, version + 1);
        VarHandle.storeStoreFence();
        buffer.putLong(entry + ORDINAL_OFFSET, ordinal);
        buffer.putLong(entry + SIDE_OFFSET, ((long)venue << 1) | side);
        buffer.putLong(entry + QUANTITY_OFFSET, quantityE8);
        buffer.putLong(entry + PRICE_OFFSET, priceE8);
        buffer.putLong(entry + TRADE_TIME_OFFSET, tradeTimeMs);
        buffer.putLong(entry + EVENT_TIME_OFFSET, eventTimeMs);
        buffer.putLongRelease(entry + VERSION_OFFSET, version + 2);
        buffer.putLongRelease(APPENDED_COUNT_OFFSET, ordinal + 1);
    }

    /**
     * Up to {@code limit} liquidations of the symbol on the venues of {@code venueMask} ({@link Venues}), newest first,
     * out of the newest the symbol holds on all venues; any thread; allocates.
     */
    List<LiquidationSnapshot> newest(final int symbolId, final String symbol, final int venueMask, final int limit)
    {
        final UnsafeBuffer buffer = buffers.get(symbolId);
        if (buffer == null || limit <= 0)
        {
            return List.of();
        }
        final long appended = buffer.getLongAcquire(APPENDED_COUNT_OFFSET);
        final long oldest = Math.max(0, appended - capacity);
        final List<LiquidationSnapshot> result = new ArrayList<>((int)Math.min(limit, appended - oldest));
        for (long ordinal = appended - 1; ordinal >= oldest && result.size() < limit; ordinal--)
        {
            final LiquidationSnapshot snapshot = read(buffer, symbol, ordinal);
            if (snapshot == null)
            {
                break;
            }
            if (Venues.selects(venueMask, snapshot.venue().ordinal()))
            {
                result.add(snapshot);
            }
        }
        return result;
    }

    /** The entry, or null if the writer has already overwritten it with a newer one. */
    private LiquidationSnapshot read(final UnsafeBuffer buffer, final String symbol, final long ordinal)
    {
        final int entry = entryOffset(ordinal);
        while (true)
        {
            final long before = buffer.getLongVolatile(entry + VERSION_OFFSET);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            final long heldOrdinal = buffer.getLong(entry + ORDINAL_OFFSET);
            final int venueAndSide = (int)buffer.getLong(entry + SIDE_OFFSET);
            final long quantityE8 = buffer.getLong(entry + QUANTITY_OFFSET);
            final long priceE8 = buffer.getLong(entry + PRICE_OFFSET);
            final long tradeTimeMs = buffer.getLong(entry + TRADE_TIME_OFFSET);
            final long eventTimeMs = buffer.getLong(entry + EVENT_TIME_OFFSET);
            VarHandle.loadLoadFence();
            if (buffer.getLongVolatile(entry + VERSION_OFFSET) != before)
            {
                continue;
            }
            if (heldOrdinal != ordinal)
            {
                return null;
            }
            return Liquidations.snapshot(Venue.fromOrdinal(venueAndSide >>> 1), symbol, venueAndSide & 1, quantityE8,
                priceE8, tradeTimeMs, eventTimeMs);
        }
    }

    private int entryOffset(final long ordinal)
    {
        return HEADER_LENGTH + (int)(ordinal % capacity) * ENTRY_LENGTH;
    }
}
