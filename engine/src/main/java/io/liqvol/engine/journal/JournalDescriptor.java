package io.liqvol.engine.journal;

/**
 * Layout of a journal segment file {@code journal-NNNNNNNNNNNN.lqj}: one header slot, then fixed-length records,
 * record {@code n} at {@code RECORD_LENGTH × (n + 1)}. The file is allocated at its full size (zeros), so an unused
 * slot reads as a zero length. All fields little-endian. Format 2, 64-byte records (one cache line):
 * <pre>
 *  header: | magic "LQVJ" (4) | version (4) | segmentNumber (8) | recordLength (4) | createdTimeMs (8) | 0 (4) |
 *          | aliveTimeMs (8) | zeros ...
 *
 *   0       4       8   9   10  11  12      16              24              32              40
 *  +-------+-------+---+---+---+---+-------+---------------+---------------+---------------+
 *  |length |crc32c |typ|ver|sid|ven|symbol | receiveTimeMs | tradeTimeMs   | eventTimeMs   |   liquidation
 *  +-------+-------+---+---+---+---+-------+---------------+---------------+---------------+
 *  40              48              56              64
 *  +---------------+---------------+---------------+
 *  | quantityE8    | priceE8       |       0       |
 *  +---------------+---------------+---------------+
 *
 *   0       4       8   9   10  11  12      16  17                                              64
 *  +-------+-------+---+---+---+---+-------+---+------------------------------------------------+
 *  |length |crc32c |typ|ver| 0 | 0 |symbol |len| name, ASCII, zero padded (47)                  |   symbol
 *  +-------+-------+---+---+---+---+-------+---+------------------------------------------------+
 * </pre>
 * {@code length} is written last (ordered), so a non-zero length announces a complete record to a concurrent
 * reader; the checksum covers bytes {@code [CHECKSUMMED_FROM, RECORD_LENGTH)} and catches a record torn by a power
 * loss or flipped on disk. A liquidation names its symbol by a number local to its segment, defined by a symbol
 * record ({@link #TYPE_SYMBOL}) earlier in the same segment: every segment reads on its own, and the number never
 * depends on the engine's in-memory ids, which are assigned in order of sighting. A gap record ({@link #TYPE_GAP})
 * carries its interval in the trade and event time fields and its kind (the ordinal of {@code GapKind}; 0, upstream,
 * in journals written before kinds) in the side field.
 * <p>
 * A liquidation's {@code ven} is the ordinal of its {@code Venue}, since record version 2 ({@link #RECORD_VERSION},
 * which every record is now written in); a record of version 1 had a zero there and reads as Binance, as does every
 * liquidation of format 1.
 * <p>
 * {@code aliveTimeMs} in the header of the segment being written is when a live engine last was alive: its journal
 * stage stores it at every heartbeat and on an orderly close (no record, no system call), so the next start knows
 * when recording stopped even after a crash in a quiet market (0 in segments written before it existed).
 * <p>
 * Format 1 (96-byte records, the symbol's name in each liquidation: its length at byte 11, the name at 56) is still
 * read, so a journal written before stays history; the writer never appends to it.
 */
public final class JournalDescriptor
{
    static final int MAGIC = 0x4A56514C;
    static final int FORMAT_VERSION = 2;
    static final int RECORD_LENGTH = 64;
    static final int HEADER_LENGTH = RECORD_LENGTH;

    static final int MAGIC_OFFSET = 0;
    static final int FORMAT_VERSION_OFFSET = 4;
    static final int SEGMENT_NUMBER_OFFSET = 8;
    static final int HEADER_RECORD_LENGTH_OFFSET = 16;
    static final int CREATED_TIME_OFFSET = 20;
    static final int ALIVE_TIME_OFFSET = 32;

    static final int LENGTH_OFFSET = 0;
    static final int CHECKSUM_OFFSET = 4;
    static final int TYPE_OFFSET = 8;
    static final int VERSION_OFFSET = 9;
    static final int SIDE_OFFSET = 10;
    static final int VENUE_OFFSET = 11;
    static final int SYMBOL_ID_OFFSET = 12;
    static final int RECEIVE_TIME_OFFSET = 16;
    static final int TRADE_TIME_OFFSET = 24;
    static final int EVENT_TIME_OFFSET = 32;
    static final int QUANTITY_OFFSET = 40;
    static final int PRICE_OFFSET = 48;
    static final int NAME_LENGTH_OFFSET = 16;
    static final int NAME_OFFSET = 17;
    static final int CHECKSUMMED_FROM = TYPE_OFFSET;

    /** The longest symbol name a journal holds (format 1 had room for this many; format 2 for 47). */
    static final int SYMBOL_CAPACITY = 32;

    static final int V1_FORMAT_VERSION = 1;
    static final int V1_RECORD_LENGTH = 96;
    static final int V1_SYMBOL_LENGTH_OFFSET = 11;
    static final int V1_SYMBOL_OFFSET = 56;

    static final byte TYPE_LIQUIDATION = 1;
    static final byte TYPE_GAP = 2;
    static final byte TYPE_SYMBOL = 3;
    /** Version 2 added the venue; version 1 records (and format 1) are Binance's. */
    static final byte RECORD_VERSION = 2;
    static final byte V1_RECORD_VERSION = 1;

    static final String SEGMENT_PREFIX = "journal-";
    static final String SEGMENT_SUFFIX = ".lqj";

    private JournalDescriptor()
    {
    }

    /** Byte offset of record {@code n} in its segment. */
    public static long recordOffset(final long n)
    {
        return HEADER_LENGTH + n * RECORD_LENGTH;
    }

    public static String segmentFileName(final long segmentNumber)
    {
        return SEGMENT_PREFIX + String.format("%012d", segmentNumber) + SEGMENT_SUFFIX;
    }

    /** The number in a segment file's name, or -1 if the name is not a segment's. */
    public static long segmentNumberOf(final String fileName)
    {
        if (!fileName.startsWith(SEGMENT_PREFIX) || !fileName.endsWith(SEGMENT_SUFFIX))
        {
            return -1;
        }
        final String digits = fileName.substring(SEGMENT_PREFIX.length(), fileName.length() - SEGMENT_SUFFIX.length());
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit))
        {
            return -1;
        }
        return Long.parseLong(digits);
    }
}
