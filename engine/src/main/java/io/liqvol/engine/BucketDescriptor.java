package io.liqvol.engine;

/**
 * Layout of one bucket slot in a {@link BucketStore}. A symbol owns {@code timeframes × bucketsPerTimeframe}
 * consecutive slots; a slot holds the bucket whose index maps to it (index mod bucketsPerTimeframe).
 * <pre>
 *   0                   1                   2                   3                   4
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 ...
 *  +---------------+---------------+---------------+-------------------------------+
 *  |  version      |  bucketIndex  |  lastPosition |  buyNotionalE16 (hi, lo)      |
 *  +---------------+---------------+---------------+-------------------------------+
 *  |  sellNotionalE16 (hi, lo)     |  buyQuantityE8 (hi, lo)       |  sellQuantityE8 (hi, lo)  ...
 *  +---------------+---------------+---------------+---------------+---------------+
 *  |  buyCount     |  sellCount    |
 *  +---------------+---------------+
 * </pre>
 * {@code version} is a sequence lock: odd while the single writer updates the slot, 0 while the slot was never
 * used. {@code lastPosition} is where the last liquidation added sits in the ring
 * ({@link #position}), which lets the publisher take a bucket back to the state of the batch it publishes.
 */
final class BucketDescriptor
{
    static final int VERSION_OFFSET = 0;
    static final int BUCKET_INDEX_OFFSET = 8;
    static final int LAST_POSITION_OFFSET = 16;
    static final int BUY_NOTIONAL_OFFSET = 24;
    static final int SELL_NOTIONAL_OFFSET = 40;
    static final int BUY_QUANTITY_OFFSET = 56;
    static final int SELL_QUANTITY_OFFSET = 72;
    static final int BUY_COUNT_OFFSET = 88;
    static final int SELL_COUNT_OFFSET = 96;
    static final int SLOT_LENGTH = 104;

    /** The 128-bit fields store the high word first, then the low word. */
    static final int LOW_WORD = 8;

    /** Scale of notional sums: quantity E8 × price E8. */
    static final int NOTIONAL_SCALE = 16;
    static final int QUANTITY_SCALE = FixedPoint.SCALE;

    private BucketDescriptor()
    {
    }

    /** The ring position of liquidation {@code index} of the frame at {@code sequence}. */
    static long position(final long sequence, final int index)
    {
        return sequence * FrameEvent.MAX_LIQUIDATIONS + index;
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
