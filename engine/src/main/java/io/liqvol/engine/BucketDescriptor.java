package io.liqvol.engine;

/**
 * Layout of the off-heap memory of a {@link BucketStore}: bucket pages and per-series tables (a
 * {@link Series} is a symbol on a venue).
 * <p>
 * A page holds {@link #PAGE_BUCKETS} consecutive buckets of one series and timeframe:
 * <pre>
 *  +---------------+---------------+-----------------------------------------------+
 *  |  pageNumber   |  nextFree     |  PAGE_BUCKETS slots                     ...   |
 *  +---------------+---------------+-----------------------------------------------+
 * </pre>
 * {@code pageNumber} (bucket index / PAGE_BUCKETS) and {@code nextFree} are the writer's alone. A slot:
 * <pre>
 *  +---------------+---------------+---------------+-------------------------------+
 *  |  version      |  tag          |  lastPosition |  buyNotionalE16 (hi, lo)      |
 *  +---------------+---------------+---------------+-------------------------------+
 *  |  sellNotionalE16 (hi, lo)     |  buyQuantityE8 (hi, lo)       |  sellQuantityE8 (hi, lo)  ...
 *  +---------------+---------------+---------------+---------------+---------------+
 *  |  buyCount     |  sellCount    |
 *  +---------------+---------------+
 * </pre>
 * {@code version} is a sequence lock, odd while the single writer updates the slot; it keeps counting when a page
 * is recycled. {@code tag} names the bucket the slot holds ({@link #tag}), so a reader holding a recycled page
 * sees a stranger's tag instead of wrong totals. {@code lastPosition} is where the last liquidation added sits in
 * the ring ({@link #position}), which lets the publisher take a bucket back to the state of the batch it publishes.
 * <p>
 * A series' table: its id, then per timeframe the newest bucket index + 1 (0 = none yet; readers), the writer's
 * cache of that newest bucket ({@code startMs, endMs, slot address, tag}), then per timeframe the page entries
 * (page addresses, 0 = none), a ring indexed by page number.
 */
final class BucketDescriptor
{
    static final int PAGE_BUCKETS = 8;
    static final int PAGE_NUMBER_OFFSET = 0;
    static final int PAGE_NEXT_FREE_OFFSET = 8;
    static final int PAGE_HEADER_LENGTH = 16;

    static final int VERSION_OFFSET = 0;
    static final int TAG_OFFSET = 8;
    static final int LAST_POSITION_OFFSET = 16;
    static final int BUY_NOTIONAL_OFFSET = 24;
    static final int SELL_NOTIONAL_OFFSET = 40;
    static final int BUY_QUANTITY_OFFSET = 56;
    static final int SELL_QUANTITY_OFFSET = 72;
    static final int BUY_COUNT_OFFSET = 88;
    static final int SELL_COUNT_OFFSET = 96;
    static final int SLOT_LENGTH = 104;
    static final int PAGE_LENGTH = PAGE_HEADER_LENGTH + PAGE_BUCKETS * SLOT_LENGTH;

    static final int TABLE_SYMBOL_OFFSET = 0;
    static final int TABLE_NEWEST_OFFSET = 8;
    static final int TABLE_CACHE_OFFSET = TABLE_NEWEST_OFFSET + Timeframe.count() * Long.BYTES;
    static final int CACHE_START_OFFSET = 0;
    static final int CACHE_END_OFFSET = 8;
    static final int CACHE_SLOT_OFFSET = 16;
    static final int CACHE_TAG_OFFSET = 24;
    static final int CACHE_LENGTH = 32;
    static final int TABLE_ENTRIES_OFFSET = TABLE_CACHE_OFFSET + Timeframe.count() * CACHE_LENGTH;

    /** The 128-bit fields store the high word first, then the low word. */
    static final int LOW_WORD = 8;

    /** Scale of notional sums: quantity E8 × price E8. */
    static final int NOTIONAL_SCALE = 16;
    static final int QUANTITY_SCALE = FixedPoint.SCALE;

    private static final int TIMEFRAMES = Timeframe.count();

    private BucketDescriptor()
    {
    }

    /** The ring position of liquidation {@code index} of the frame at {@code sequence}. */
    static long position(final long sequence, final int index)
    {
        return sequence * FrameEvent.MAX_LIQUIDATIONS + index;
    }

    /** Names a bucket of one series and timeframe; never 0, so a slot of a fresh page names none. */
    static long tag(final int seriesId, final int timeframe, final int bucketIndex)
    {
        return ((long)seriesId * TIMEFRAMES + timeframe + 1) << Integer.SIZE | bucketIndex;
    }

    static int bucketIndexOfTag(final long tag)
    {
        return (int)tag;
    }

    static int notionalOffset(final int side)
    {
        return side == 0 ? BUY_NOTIONAL_OFFSET : SELL_NOTIONAL_OFFSET;
    }

    static int quantityOffset(final int side)
    {
        return side == 0 ? BUY_QUANTITY_OFFSET : SELL_QUANTITY_OFFSET;
    }

    static int countOffset(final int side)
    {
        return side == 0 ? BUY_COUNT_OFFSET : SELL_COUNT_OFFSET;
    }
}
