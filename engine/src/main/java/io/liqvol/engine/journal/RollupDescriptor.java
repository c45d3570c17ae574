package io.liqvol.engine.journal;

import io.liqvol.engine.Timeframe;

/**
 * Layout of a roll-up file {@code journal-NNNNNNNNNNNN.lqr}: the bucket totals of one sealed journal segment per
 * symbol and venue in three base timeframes (1m, 1h, 1d; every other timeframe is a whole number of these, so history
 * of any timeframe sums base buckets). Written once, to a temporary name, then renamed: a roll-up exists whole or not
 * at all.
 * <pre>
 *  header (64):    | magic "LQVR" (4) | version (4) | segmentNumber (8) | records (8) | minTradeTimeMs (8) |
 *                  | maxTradeTimeMs (8) | directoryCount (4) | crc32c of everything after the header (4) | 0 (16) |
 *  directory (48): | symbol, ASCII, zero padded (32) | symbolLength (4) | base (2) | venue (2) | entriesOffset (4) |
 *                  | count (4) |
 *  entry (88):     | bucketIndex (8) | buyNotionalE16 hi, lo | sellNotionalE16 hi, lo | buyQuantityE8 hi, lo |
 *                  | sellQuantityE8 hi, lo | buyCount (8) | sellCount (8) |
 * </pre>
 * Entries of one directory item are ascending by bucket index, so a range is a binary search and a walk. Version 1
 * (before venues) had {@code base} as 4 bytes, little-endian, so its {@code venue} reads as 0: Binance, which every
 * liquidation of that time was.
 */
final class RollupDescriptor
{
    static final int MAGIC = 0x5256514C;
    static final int FORMAT_VERSION = 2;
    /** Files of this version still read, as Binance's. */
    static final int FIRST_FORMAT_VERSION = 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int SEGMENT_NUMBER_OFFSET = 8;
    static final int RECORDS_OFFSET = 16;
    static final int MIN_TIME_OFFSET = 24;
    static final int MAX_TIME_OFFSET = 32;
    static final int DIRECTORY_COUNT_OFFSET = 40;
    static final int CHECKSUM_OFFSET = 44;
    static final int HEADER_LENGTH = 64;

    static final int DIRECTORY_SYMBOL_OFFSET = 0;
    static final int DIRECTORY_SYMBOL_LENGTH_OFFSET = 32;
    static final int DIRECTORY_BASE_OFFSET = 36;
    static final int DIRECTORY_VENUE_OFFSET = 38;
    static final int DIRECTORY_ENTRIES_OFFSET = 40;
    static final int DIRECTORY_COUNT_OFFSET_IN_ITEM = 44;
    static final int DIRECTORY_LENGTH = 48;

    /** Per bucket: the index, then {@link #VALUES} longs in the order of {@link RollupValues}. */
    static final int VALUES = RollupValues.LENGTH;
    static final int ENTRY_LENGTH = Long.BYTES * (1 + VALUES);

    /** The base timeframes that roll-ups hold. */
    static final Timeframe[] BASES = {Timeframe.M1, Timeframe.H1, Timeframe.D1};

    static final String SUFFIX = ".lqr";

    private RollupDescriptor()
    {
    }

    /** The base (an index into {@link #BASES}) whose buckets tile the buckets of {@code timeframe}. */
    static int baseOf(final Timeframe timeframe)
    {
        if (timeframe.compareTo(Timeframe.H1) < 0)
        {
            return 0;
        }
        return timeframe.compareTo(Timeframe.D1) < 0 ? 1 : 2;
    }

    static String fileName(final long segmentNumber)
    {
        return JournalDescriptor.SEGMENT_PREFIX + String.format("%012d", segmentNumber) + SUFFIX;
    }
}
