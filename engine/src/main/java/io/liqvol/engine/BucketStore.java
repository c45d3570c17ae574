package io.liqvol.engine;

import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static io.liqvol.engine.BucketDescriptor.BUCKET_INDEX_OFFSET;
import static io.liqvol.engine.BucketDescriptor.BUY_COUNT_OFFSET;
import static io.liqvol.engine.BucketDescriptor.BUY_NOTIONAL_OFFSET;
import static io.liqvol.engine.BucketDescriptor.BUY_QUANTITY_OFFSET;
import static io.liqvol.engine.BucketDescriptor.LAST_POSITION_OFFSET;
import static io.liqvol.engine.BucketDescriptor.LOW_WORD;
import static io.liqvol.engine.BucketDescriptor.SELL_COUNT_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SELL_NOTIONAL_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SELL_QUANTITY_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SLOT_LENGTH;
import static io.liqvol.engine.BucketDescriptor.VERSION_OFFSET;

/**
 * The newest {@code bucketsPerTimeframe} buckets of every symbol and timeframe, off-heap, in the layout of
 * {@link BucketDescriptor}. The aggregate stage is the single writer; any thread reads a slot consistently through
 * its sequence lock. A symbol's memory is allocated when its first liquidation arrives.
 */
final class BucketStore
{
    static final int ADDED = 0;
    /** The slot already holds a newer bucket: this one fell out of the in-memory window. */
    static final int TOO_OLD = 1;
    /** A 128-bit sum would overflow (beyond 1.7e22 USDT). */
    static final int OVERFLOW = 2;

    /** A read found the bucket. */
    static final int HELD = 0;
    /** The bucket is inside the window but nothing was ever added to it: its totals are zero. */
    static final int EMPTY = 1;
    /** The bucket is older than the window (or its slot was recycled while reading): the store cannot say. */
    static final int EVICTED = 2;

    private static final int TIMEFRAMES = Timeframe.count();
    /** Per symbol, before the slots: per timeframe the newest bucket index + 1 (0 = none yet). */
    private static final int HEADER_LENGTH = TIMEFRAMES * Long.BYTES;

    private final int bucketsPerTimeframe;
    private final long indexMask;
    private final int symbolLength;
    private final AtomicReferenceArray<UnsafeBuffer> buffers;

    BucketStore(final int maxSymbols, final int bucketsPerTimeframe)
    {
        this.bucketsPerTimeframe = bucketsPerTimeframe;
        this.indexMask = bucketsPerTimeframe - 1;
        this.symbolLength = HEADER_LENGTH + TIMEFRAMES * bucketsPerTimeframe * SLOT_LENGTH;
        this.buffers = new AtomicReferenceArray<>(maxSymbols);
    }

    int bucketsPerTimeframe()
    {
        return bucketsPerTimeframe;
    }

    /**
     * Adds one liquidation to a bucket: {@link #ADDED}, or {@link #TOO_OLD} / {@link #OVERFLOW} changing nothing.
     * Writer thread only.
     */
    int add(
        final int symbolId,
        final int timeframe,
        final long bucketIndex,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long position)
    {
        final UnsafeBuffer buffer = writableBuffer(symbolId);
        final int slot = slotOffset(timeframe, bucketIndex);
        final long version = buffer.getLong(slot + VERSION_OFFSET);
        final long heldIndex = version == 0 ? Long.MIN_VALUE : buffer.getLong(slot + BUCKET_INDEX_OFFSET);
        if (heldIndex > bucketIndex)
        {
            return TOO_OLD;
        }
        final boolean fresh = heldIndex != bucketIndex;

        final int notionalAt = slot + BucketDescriptor.notionalOffset(side);
        final int quantityAt = slot + BucketDescriptor.quantityOffset(side);
        final long oldNotionalHigh = fresh ? 0 : buffer.getLong(notionalAt);
        final long oldNotionalLow = fresh ? 0 : buffer.getLong(notionalAt + LOW_WORD);
        final long oldQuantityHigh = fresh ? 0 : buffer.getLong(quantityAt);
        final long oldQuantityLow = fresh ? 0 : buffer.getLong(quantityAt + LOW_WORD);
        final long addHigh = Math.multiplyHigh(quantityE8, priceE8);
        final long addLow = quantityE8 * priceE8;
        final long notionalHigh = Int128.addHigh(oldNotionalHigh, oldNotionalLow, addHigh, addLow);
        final long quantityHigh = Int128.addHigh(oldQuantityHigh, oldQuantityLow, 0, quantityE8);
        if (Int128.addOverflowed(oldNotionalHigh, addHigh, notionalHigh)
            || Int128.addOverflowed(oldQuantityHigh, 0, quantityHigh))
        {
            return OVERFLOW;
        }

        buffer.putLong(slot + VERSION_OFFSET, version + 1);
        VarHandle.storeStoreFence();
        if (fresh)
        {
            buffer.setMemory(slot + LAST_POSITION_OFFSET, SLOT_LENGTH - LAST_POSITION_OFFSET, (byte)0);
            buffer.putLong(slot + BUCKET_INDEX_OFFSET, bucketIndex);
        }
        buffer.putLong(notionalAt, notionalHigh);
        buffer.putLong(notionalAt + LOW_WORD, Int128.addLow(oldNotionalLow, addLow));
        buffer.putLong(quantityAt, quantityHigh);
        buffer.putLong(quantityAt + LOW_WORD, Int128.addLow(oldQuantityLow, quantityE8));
        final int countAt = slot + BucketDescriptor.countOffset(side);
        buffer.putLong(countAt, buffer.getLong(countAt) + 1);
        buffer.putLong(slot + LAST_POSITION_OFFSET, position);
        buffer.putLongRelease(slot + VERSION_OFFSET, version + 2);

        final int newestAt = timeframe * Long.BYTES;
        if (buffer.getLong(newestAt) < bucketIndex + 1)
        {
            buffer.putLongRelease(newestAt, bucketIndex + 1);
        }
        return ADDED;
    }

    /**
     * Copies the totals of a bucket into {@code into} (values cleared unless {@link #HELD}); any thread.
     * Returns {@link #HELD}, {@link #EMPTY} or {@link #EVICTED}.
     */
    int read(final int symbolId, final int timeframe, final long bucketIndex, final BucketValues into)
    {
        into.clear();
        final UnsafeBuffer buffer = buffers.get(symbolId);
        if (buffer == null)
        {
            return EMPTY;
        }
        final long newest = buffer.getLongAcquire(timeframe * Long.BYTES) - 1;
        if (newest >= 0 && bucketIndex <= newest - bucketsPerTimeframe)
        {
            return EVICTED;
        }
        final int slot = slotOffset(timeframe, bucketIndex);
        while (true)
        {
            final long before = buffer.getLongVolatile(slot + VERSION_OFFSET);
            if (before == 0)
            {
                return EMPTY;
            }
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            final long heldIndex = buffer.getLong(slot + BUCKET_INDEX_OFFSET);
            into.lastPosition = buffer.getLong(slot + LAST_POSITION_OFFSET);
            into.buyNotionalHigh = buffer.getLong(slot + BUY_NOTIONAL_OFFSET);
            into.buyNotionalLow = buffer.getLong(slot + BUY_NOTIONAL_OFFSET + LOW_WORD);
            into.sellNotionalHigh = buffer.getLong(slot + SELL_NOTIONAL_OFFSET);
            into.sellNotionalLow = buffer.getLong(slot + SELL_NOTIONAL_OFFSET + LOW_WORD);
            into.buyQuantityHigh = buffer.getLong(slot + BUY_QUANTITY_OFFSET);
            into.buyQuantityLow = buffer.getLong(slot + BUY_QUANTITY_OFFSET + LOW_WORD);
            into.sellQuantityHigh = buffer.getLong(slot + SELL_QUANTITY_OFFSET);
            into.sellQuantityLow = buffer.getLong(slot + SELL_QUANTITY_OFFSET + LOW_WORD);
            into.buyCount = buffer.getLong(slot + BUY_COUNT_OFFSET);
            into.sellCount = buffer.getLong(slot + SELL_COUNT_OFFSET);
            VarHandle.loadLoadFence();
            if (buffer.getLongVolatile(slot + VERSION_OFFSET) != before)
            {
                continue;
            }
            if (heldIndex == bucketIndex)
            {
                return HELD;
            }
            into.clear();
            return heldIndex > bucketIndex ? EVICTED : EMPTY;
        }
    }

    private UnsafeBuffer writableBuffer(final int symbolId)
    {
        UnsafeBuffer buffer = buffers.get(symbolId);
        if (buffer == null)
        {
            buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(symbolLength));
            buffers.set(symbolId, buffer);
        }
        return buffer;
    }

    private int slotOffset(final int timeframe, final long bucketIndex)
    {
        return HEADER_LENGTH + (timeframe * bucketsPerTimeframe + (int)(bucketIndex & indexMask)) * SLOT_LENGTH;
    }
}
