package io.liqvol.gateway.replication;

/**
 * Layout of a replication message, one per Aeron message, all fields little-endian. A recorder sends its journal's
 * liquidations and gaps in journal order; each names the recorder and the record's journal position, so an edge can
 * tell recorders apart and resume after the last record it holds.
 * <pre>
 *   0   1   2   3   4       8               16              24              32              40              48
 *  +---+---+---+---+-------+---------------+---------------+---------------+---------------+---------------+
 *  |typ|ver|ven|sid|recordr| journalPos    | tradeTimeMs   | eventTimeMs   | quantityE8    | priceE8       |
 *  +---+---+---+---+-------+---------------+---------------+---------------+---------------+---------------+
 *  48  49                               81      88
 *  +---+--------------------------------+-------+
 *  |len| symbol, ASCII, zero padded (32)|   0   |                                              liquidation
 *  +---+--------------------------------+-------+
 *
 *   0   1   2   3   4       8               16              24              32
 *  +---+---+---+---+-------+---------------+---------------+---------------+
 *  |typ|ver|knd|ven|recordr| journalPos    | fromMs        | toMs          |                      gap
 *  +---+---+---+---+-------+---------------+---------------+---------------+
 * </pre>
 * {@code journalPos} is the segment number in the high 32 bits and the record's index in the low 32 bits, so it
 * grows with the journal; {@code recordr} is the recorder's id (a setting), {@code ven} the {@code Venue} ordinal,
 * {@code sid} the side ordinal and {@code knd} the {@code GapKind} ordinal. A gap's {@code ven} was a zero byte before
 * gaps carried their venue, and Binance is venue 0, so such a gap reads as Binance's, as it was meant; the version
 * stays 1 both ways: an edge built before reads a newer recorder's gaps as Binance's, as it always did.
 */
public final class ReplicationDescriptor
{
    public static final byte TYPE_LIQUIDATION = 1;
    public static final byte TYPE_GAP = 2;
    public static final byte VERSION = 1;

    public static final int TYPE_OFFSET = 0;
    public static final int VERSION_OFFSET = 1;
    public static final int VENUE_OFFSET = 2;
    public static final int SIDE_OFFSET = 3;
    public static final int KIND_OFFSET = 2;
    public static final int GAP_VENUE_OFFSET = 3;
    public static final int RECORDER_ID_OFFSET = 4;
    public static final int JOURNAL_POSITION_OFFSET = 8;
    public static final int TRADE_TIME_OFFSET = 16;
    public static final int EVENT_TIME_OFFSET = 24;
    public static final int QUANTITY_OFFSET = 32;
    public static final int PRICE_OFFSET = 40;
    public static final int SYMBOL_LENGTH_OFFSET = 48;
    public static final int SYMBOL_OFFSET = 49;
    public static final int SYMBOL_CAPACITY = 32;
    public static final int FROM_OFFSET = 16;
    public static final int TO_OFFSET = 24;

    public static final int LIQUIDATION_LENGTH = 88;
    public static final int GAP_LENGTH = 32;
    public static final int MAX_LENGTH = LIQUIDATION_LENGTH;

    private ReplicationDescriptor()
    {
    }

    /** A journal position as one growing number: the segment in the high half, the record in the low. */
    public static long journalPosition(final long segment, final int record)
    {
        return segment << 32 | (record & 0xFFFF_FFFFL);
    }
}
