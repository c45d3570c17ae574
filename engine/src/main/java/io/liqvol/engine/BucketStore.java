package io.liqvol.engine;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

import static io.liqvol.engine.BucketDescriptor.BUY_COUNT_OFFSET;
import static io.liqvol.engine.BucketDescriptor.BUY_NOTIONAL_OFFSET;
import static io.liqvol.engine.BucketDescriptor.BUY_QUANTITY_OFFSET;
import static io.liqvol.engine.BucketDescriptor.CACHE_END_OFFSET;
import static io.liqvol.engine.BucketDescriptor.CACHE_LENGTH;
import static io.liqvol.engine.BucketDescriptor.CACHE_SLOT_OFFSET;
import static io.liqvol.engine.BucketDescriptor.CACHE_START_OFFSET;
import static io.liqvol.engine.BucketDescriptor.CACHE_TAG_OFFSET;
import static io.liqvol.engine.BucketDescriptor.LAST_POSITION_OFFSET;
import static io.liqvol.engine.BucketDescriptor.LOW_WORD;
import static io.liqvol.engine.BucketDescriptor.PAGE_BUCKETS;
import static io.liqvol.engine.BucketDescriptor.PAGE_HEADER_LENGTH;
import static io.liqvol.engine.BucketDescriptor.PAGE_NUMBER_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SELL_COUNT_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SELL_NOTIONAL_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SELL_QUANTITY_OFFSET;
import static io.liqvol.engine.BucketDescriptor.SLOT_LENGTH;
import static io.liqvol.engine.BucketDescriptor.TABLE_CACHE_OFFSET;
import static io.liqvol.engine.BucketDescriptor.TABLE_ENTRIES_OFFSET;
import static io.liqvol.engine.BucketDescriptor.TABLE_NEWEST_OFFSET;
import static io.liqvol.engine.BucketDescriptor.TABLE_SYMBOL_OFFSET;
import static io.liqvol.engine.BucketDescriptor.TAG_OFFSET;
import static io.liqvol.engine.BucketDescriptor.VERSION_OFFSET;

/**
 * At least the newest {@code windowBuckets[timeframe]} buckets of every {@link Series} (a symbol on a venue) and
 * timeframe, off-heap, in the layout of {@link BucketDescriptor}. A series gets its table at its first liquidation, so
 * a symbol that one venue lists takes one table, and a page of
 * {@link BucketDescriptor#PAGE_BUCKETS} buckets whenever it touches a new range of a window; pages that leave the
 * window go back to the shared pool, so memory follows what a series does. The aggregate stage is the single
 * writer; any thread reads a slot consistently through its sequence lock. Offsets are computed from the layout,
 * so memory is accessed without bounds checks.
 */
final class BucketStore
{
    /** {@link #add} results besides the bucket index: the bucket fell out of the in-memory window. */
    static final int TOO_OLD = -1;
    /** A 128-bit sum would overflow (beyond 1.7e22 USDT). */
    static final int OVERFLOW = -2;

    /** A read found the bucket. */
    static final int HELD = 0;
    /** The bucket is inside the window but nothing was ever added to it: its totals are zero. */
    static final int EMPTY = 1;
    /** The bucket is older than the window (or its slot was recycled while reading): the store cannot say. */
    static final int EVICTED = 2;

    private static final int TIMEFRAMES = Timeframe.count();
    private static final Timeframe[] TIMEFRAME_VALUES = Timeframe.values();

    private final int[] windowBuckets;
    private final int[] pagesPerWindow;
    private final int[] entriesOffset;
    private final int tableLength;
    private final BucketPages pages = new BucketPages();
    /** Per series, the address of its table, 0 until its first liquidation. */
    private final AtomicLongArray tables;
    private final ByteBuffer[] tableMemory;
    private volatile long tableBytes;

    /** {@code windowBuckets}: per timeframe ordinal, how many of the newest buckets memory holds at least. */
    BucketStore(final int maxSeries, final int[] windowBuckets)
    {
        this.windowBuckets = windowBuckets.clone();
        pagesPerWindow = new int[TIMEFRAMES];
        entriesOffset = new int[TIMEFRAMES];
        int offset = TABLE_ENTRIES_OFFSET;
        for (int t = 0; t < TIMEFRAMES; t++)
        {
            // A window of W buckets spans at most this many pages, however it is aligned.
            pagesPerWindow[t] = (windowBuckets[t] + PAGE_BUCKETS - 1) / PAGE_BUCKETS + 1;
            entriesOffset[t] = offset;
            offset += pagesPerWindow[t] * Long.BYTES;
        }
        tableLength = offset;
        tables = new AtomicLongArray(maxSeries);
        tableMemory = new ByteBuffer[maxSeries];
    }

    /** The same window for every timeframe. */
    static int[] uniformWindows(final int buckets)
    {
        final int[] windows = new int[TIMEFRAMES];
        Arrays.fill(windows, buckets);
        return windows;
    }

    /** Whether the series has had a liquidation (recovered or live); any thread. */
    boolean holds(final int seriesId)
    {
        return tables.get(seriesId) != 0;
    }

    int windowBuckets(final int timeframe)
    {
        return windowBuckets[timeframe];
    }

    /**
     * The most off-heap bytes one series can hold: its table and a page for every entry of every window. The pool
     * reuses freed pages first, so it never holds more than the admitted series' maxima and one chunk.
     */
    long maxBytesPerSeries()
    {
        long pagesAtMost = 0;
        for (int t = 0; t < TIMEFRAMES; t++)
        {
            pagesAtMost += pagesPerWindow[t];
        }
        return tableLength + pagesAtMost * BucketDescriptor.PAGE_LENGTH;
    }

    /** Off-heap bytes taken for buckets so far (pages reserved and series tables); any thread. */
    long allocatedBytes()
    {
        return pages.reservedBytes() + tableBytes;
    }

    /** Bytes of the pages series hold now and of their tables; writer thread. */
    long bytesInUse()
    {
        return pages.pagesInUse() * BucketDescriptor.PAGE_LENGTH + tableBytes;
    }

    /** The address of a series' table, created at its first liquidation: resolve once, then {@link #add}. */
    long table(final int seriesId)
    {
        final long table = tables.getPlain(seriesId);
        return table != 0 ? table : createTable(seriesId);
    }

    /** Adds one liquidation, as {@link #add(long, int, long, int, long, long, long, long)}; writer thread only. */
    int add(
        final int seriesId,
        final int timeframe,
        final long timeMs,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long position)
    {
        return add(table(seriesId), timeframe, timeMs, side, quantityE8, Math.multiplyHigh(quantityE8, priceE8),
            quantityE8 * priceE8, position);
    }

    /**
     * Adds one liquidation (notional as the E16 product's words) to its bucket of a timeframe: returns the bucket
     * index, or {@link #TOO_OLD} / {@link #OVERFLOW} changing nothing. The newest bucket of each timeframe is cached
     * with its time range, so the common case skips the calendar math and the page look-up. Writer thread only.
     */
    int add(
        final long table,
        final int timeframe,
        final long timeMs,
        final int side,
        final long quantityE8,
        final long notionalHigh,
        final long notionalLow,
        final long position)
    {
        final long cache = table + TABLE_CACHE_OFFSET + (long)timeframe * CACHE_LENGTH;
        final long slot;
        final long tag;
        if (timeMs >= UnsafeApi.getLong(cache + CACHE_START_OFFSET)
            && timeMs < UnsafeApi.getLong(cache + CACHE_END_OFFSET))
        {
            slot = UnsafeApi.getLong(cache + CACHE_SLOT_OFFSET);
            tag = UnsafeApi.getLong(cache + CACHE_TAG_OFFSET);
        }
        else
        {
            final long index = TIMEFRAME_VALUES[timeframe].bucketIndex(timeMs);
            // Accepted times are 2017 on, so indexes fit an int; anything else cannot be held.
            if (index < 0 || index > Integer.MAX_VALUE)
            {
                return TOO_OLD;
            }
            tag = BucketDescriptor.tag((int)UnsafeApi.getLong(table + TABLE_SYMBOL_OFFSET), timeframe, (int)index);
            slot = locate(table, timeframe, (int)index, tag, cache);
            if (slot == 0)
            {
                return TOO_OLD;
            }
        }
        return accumulate(slot, tag, side, quantityE8, notionalHigh, notionalLow, position);
    }

    /**
     * Copies the totals of a bucket into {@code into} (values cleared unless {@link #HELD}); any thread.
     * Returns {@link #HELD}, {@link #EMPTY} or {@link #EVICTED}.
     */
    int read(final int seriesId, final int timeframe, final long bucketIndex, final BucketValues into)
    {
        into.clear();
        final long table = tables.get(seriesId);
        if (table == 0)
        {
            return EMPTY;
        }
        if (isEvicted(table, timeframe, bucketIndex))
        {
            return EVICTED;
        }
        if (bucketIndex < 0 || bucketIndex > Integer.MAX_VALUE)
        {
            return EMPTY;
        }
        final int index = (int)bucketIndex;
        final long page = UnsafeApi.getLongAcquire(null, entryAddress(table, timeframe, index));
        if (page != 0 && readSlot(slotAddress(page, index), BucketDescriptor.tag(seriesId, timeframe, index), into))
        {
            return HELD;
        }
        into.clear();
        // The page may have left the window since: then the newest index has moved too.
        return isEvicted(table, timeframe, bucketIndex) ? EVICTED : EMPTY;
    }

    private boolean isEvicted(final long table, final int timeframe, final long bucketIndex)
    {
        final long newestAt = table + TABLE_NEWEST_OFFSET + (long)timeframe * Long.BYTES;
        final long newest = UnsafeApi.getLongAcquire(null, newestAt) - 1;
        return newest >= 0 && bucketIndex <= newest - windowBuckets[timeframe];
    }

    /** Reads a slot under its sequence lock; false when it holds another bucket than {@code tag}'s. */
    private static boolean readSlot(final long slot, final long tag, final BucketValues into)
    {
        while (true)
        {
            final long before = UnsafeApi.getLongVolatile(null, slot + VERSION_OFFSET);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            final long heldTag = UnsafeApi.getLong(slot + TAG_OFFSET);
            into.lastPosition = UnsafeApi.getLong(slot + LAST_POSITION_OFFSET);
            into.buyNotionalHigh = UnsafeApi.getLong(slot + BUY_NOTIONAL_OFFSET);
            into.buyNotionalLow = UnsafeApi.getLong(slot + BUY_NOTIONAL_OFFSET + LOW_WORD);
            into.sellNotionalHigh = UnsafeApi.getLong(slot + SELL_NOTIONAL_OFFSET);
            into.sellNotionalLow = UnsafeApi.getLong(slot + SELL_NOTIONAL_OFFSET + LOW_WORD);
            into.buyQuantityHigh = UnsafeApi.getLong(slot + BUY_QUANTITY_OFFSET);
            into.buyQuantityLow = UnsafeApi.getLong(slot + BUY_QUANTITY_OFFSET + LOW_WORD);
            into.sellQuantityHigh = UnsafeApi.getLong(slot + SELL_QUANTITY_OFFSET);
            into.sellQuantityLow = UnsafeApi.getLong(slot + SELL_QUANTITY_OFFSET + LOW_WORD);
            into.buyCount = UnsafeApi.getLong(slot + BUY_COUNT_OFFSET);
            into.sellCount = UnsafeApi.getLong(slot + SELL_COUNT_OFFSET);
            UnsafeApi.loadLoadFence();
            if (UnsafeApi.getLongVolatile(null, slot + VERSION_OFFSET) == before)
            {
                return heldTag == tag;
            }
        }
    }

    /**
     * The slot of bucket {@code index}, taking a page for its range if needed, or 0 when the bucket is older than
     * the window. A newer bucket moves the window: pages that leave it return to the pool.
     */
    private long locate(final long table, final int timeframe, final int index, final long tag, final long cache)
    {
        final long newestAt = table + TABLE_NEWEST_OFFSET + (long)timeframe * Long.BYTES;
        final long newest = UnsafeApi.getLong(newestAt) - 1;
        if (newest >= 0 && index <= newest - windowBuckets[timeframe])
        {
            return 0;
        }
        if (index > newest)
        {
            // Readers that find a page gone re-read the newest index, so it moves first.
            UnsafeApi.putLongRelease(null, newestAt, index + 1L);
            if (newest >= 0)
            {
                releasePagesBefore(table, timeframe, newest, index);
            }
        }
        final long entryAt = entryAddress(table, timeframe, index);
        long page = UnsafeApi.getLong(entryAt);
        if (page == 0)
        {
            page = pages.allocate();
            UnsafeApi.putLong(page + PAGE_NUMBER_OFFSET, index / PAGE_BUCKETS);
            UnsafeApi.putLongRelease(null, entryAt, page);
        }
        final long slot = slotAddress(page, index);
        if (index >= newest)
        {
            final Timeframe tf = TIMEFRAME_VALUES[timeframe];
            UnsafeApi.putLong(cache + CACHE_START_OFFSET, tf.bucketStartMs(index));
            UnsafeApi.putLong(cache + CACHE_END_OFFSET, tf.bucketStartMs(index + 1L));
            UnsafeApi.putLong(cache + CACHE_SLOT_OFFSET, slot);
            UnsafeApi.putLong(cache + CACHE_TAG_OFFSET, tag);
        }
        return slot;
    }

    /** The window moved from ending at {@code oldNewest} to {@code newest}: frees the pages wholly before it. */
    private void releasePagesBefore(final long table, final int timeframe, final long oldNewest, final long newest)
    {
        final int window = windowBuckets[timeframe];
        final long firstHeld = Math.max(0, Math.floorDiv(oldNewest - window + 1, PAGE_BUCKETS));
        final long firstKept = Math.floorDiv(newest - window + 1, PAGE_BUCKETS);
        final long lastReleased = Math.min(oldNewest / PAGE_BUCKETS, firstKept - 1);
        for (long pageNumber = firstHeld; pageNumber <= lastReleased; pageNumber++)
        {
            final long entryAt = entryAddress(table, timeframe, pageNumber * PAGE_BUCKETS);
            final long page = UnsafeApi.getLong(entryAt);
            if (page != 0 && UnsafeApi.getLong(page + PAGE_NUMBER_OFFSET) == pageNumber)
            {
                UnsafeApi.putLongRelease(null, entryAt, 0);
                pages.free(page);
            }
        }
    }

    private static int accumulate(
        final long slot,
        final long tag,
        final int side,
        final long quantityE8,
        final long notionalHigh,
        final long notionalLow,
        final long position)
    {
        final long version = UnsafeApi.getLong(slot + VERSION_OFFSET);
        final boolean fresh = UnsafeApi.getLong(slot + TAG_OFFSET) != tag;
        final long notionalAt = slot + BucketDescriptor.notionalOffset(side);
        final long quantityAt = slot + BucketDescriptor.quantityOffset(side);
        final long countAt = slot + BucketDescriptor.countOffset(side);
        final long oldNotionalHigh = fresh ? 0 : UnsafeApi.getLong(notionalAt);
        final long oldNotionalLow = fresh ? 0 : UnsafeApi.getLong(notionalAt + LOW_WORD);
        final long oldQuantityHigh = fresh ? 0 : UnsafeApi.getLong(quantityAt);
        final long oldQuantityLow = fresh ? 0 : UnsafeApi.getLong(quantityAt + LOW_WORD);
        final long oldCount = fresh ? 0 : UnsafeApi.getLong(countAt);
        final long sumNotionalHigh = Int128.addHigh(oldNotionalHigh, oldNotionalLow, notionalHigh, notionalLow);
        final long sumQuantityHigh = Int128.addHigh(oldQuantityHigh, oldQuantityLow, 0, quantityE8);
        if (Int128.addOverflowed(oldNotionalHigh, notionalHigh, sumNotionalHigh)
            || Int128.addOverflowed(oldQuantityHigh, 0, sumQuantityHigh))
        {
            return OVERFLOW;
        }

        UnsafeApi.putLong(slot + VERSION_OFFSET, version + 1);
        UnsafeApi.storeStoreFence();
        if (fresh)
        {
            UnsafeApi.setMemory(slot + LAST_POSITION_OFFSET, SLOT_LENGTH - LAST_POSITION_OFFSET, (byte)0);
            UnsafeApi.putLong(slot + TAG_OFFSET, tag);
        }
        UnsafeApi.putLong(notionalAt, sumNotionalHigh);
        UnsafeApi.putLong(notionalAt + LOW_WORD, Int128.addLow(oldNotionalLow, notionalLow));
        UnsafeApi.putLong(quantityAt, sumQuantityHigh);
        UnsafeApi.putLong(quantityAt + LOW_WORD, Int128.addLow(oldQuantityLow, quantityE8));
        UnsafeApi.putLong(countAt, oldCount + 1);
        UnsafeApi.putLong(slot + LAST_POSITION_OFFSET, position);
        UnsafeApi.putLongRelease(null, slot + VERSION_OFFSET, version + 2);
        return BucketDescriptor.bucketIndexOfTag(tag);
    }

    private long createTable(final int seriesId)
    {
        final ByteBuffer memory = ByteBuffer.allocateDirect(tableLength);
        final long table = BufferUtil.address(memory);
        UnsafeApi.putLong(table + TABLE_SYMBOL_OFFSET, seriesId);
        tableMemory[seriesId] = memory;
        tableBytes += tableLength;
        tables.set(seriesId, table);
        return table;
    }

    private long entryAddress(final long table, final int timeframe, final long index)
    {
        return table + entriesOffset[timeframe] + index / PAGE_BUCKETS % pagesPerWindow[timeframe] * Long.BYTES;
    }

    private static long slotAddress(final long page, final int index)
    {
        return page + PAGE_HEADER_LENGTH + (long)(index & (PAGE_BUCKETS - 1)) * SLOT_LENGTH;
    }
}
