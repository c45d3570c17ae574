package io.liqvol.gateway.replication;

import org.agrona.MutableDirectBuffer;

import static io.liqvol.gateway.replication.ReplicationDescriptor.EVENT_TIME_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.FROM_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.GAP_LENGTH;
import static io.liqvol.gateway.replication.ReplicationDescriptor.GAP_VENUE_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.JOURNAL_POSITION_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.KIND_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.LIQUIDATION_LENGTH;
import static io.liqvol.gateway.replication.ReplicationDescriptor.PRICE_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.QUANTITY_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.RECORDER_ID_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.SIDE_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.SYMBOL_CAPACITY;
import static io.liqvol.gateway.replication.ReplicationDescriptor.SYMBOL_LENGTH_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.SYMBOL_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.TO_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.TRADE_TIME_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.TYPE_GAP;
import static io.liqvol.gateway.replication.ReplicationDescriptor.TYPE_LIQUIDATION;
import static io.liqvol.gateway.replication.ReplicationDescriptor.TYPE_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.VENUE_OFFSET;
import static io.liqvol.gateway.replication.ReplicationDescriptor.VERSION;
import static io.liqvol.gateway.replication.ReplicationDescriptor.VERSION_OFFSET;
import static java.nio.ByteOrder.LITTLE_ENDIAN;

/** Writes replication messages ({@link ReplicationDescriptor}) into a buffer; no allocation. */
public final class ReplicationEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;

    public ReplicationEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Writes a liquidation of {@code symbol[symbolOffset, symbolOffset + symbolLength)} (ASCII, at most
     * {@link ReplicationDescriptor#SYMBOL_CAPACITY} bytes); returns the message's length.
     */
    public int liquidation(
        final int recorderId,
        final long journalPosition,
        final int venue,
        final int side,
        final byte[] symbol,
        final int symbolOffset,
        final int symbolLength,
        final long tradeTimeMs,
        final long eventTimeMs,
        final long quantityE8,
        final long priceE8)
    {
        if (symbolLength < 1 || symbolLength > SYMBOL_CAPACITY)
        {
            throw new IllegalArgumentException("symbol length " + symbolLength + " not in 1.." + SYMBOL_CAPACITY);
        }
        header(TYPE_LIQUIDATION, recorderId, journalPosition);
        buffer.putByte(offset + VENUE_OFFSET, (byte)venue);
        buffer.putByte(offset + SIDE_OFFSET, (byte)side);
        buffer.putLong(offset + TRADE_TIME_OFFSET, tradeTimeMs, LITTLE_ENDIAN);
        buffer.putLong(offset + EVENT_TIME_OFFSET, eventTimeMs, LITTLE_ENDIAN);
        buffer.putLong(offset + QUANTITY_OFFSET, quantityE8, LITTLE_ENDIAN);
        buffer.putLong(offset + PRICE_OFFSET, priceE8, LITTLE_ENDIAN);
        buffer.putByte(offset + SYMBOL_LENGTH_OFFSET, (byte)symbolLength);
        buffer.putBytes(offset + SYMBOL_OFFSET, symbol, symbolOffset, symbolLength);
        buffer.setMemory(offset + SYMBOL_OFFSET + symbolLength, LIQUIDATION_LENGTH - SYMBOL_OFFSET - symbolLength,
            (byte)0);
        return LIQUIDATION_LENGTH;
    }

    /**
     * Writes a gap of {@code venue} (a {@code Venue} ordinal) of kind {@code kind} (a {@code GapKind} ordinal); returns
     * the message's length.
     */
    public int gap(
        final int recorderId, final long journalPosition, final int venue, final int kind, final long fromMs,
        final long toMs)
    {
        header(TYPE_GAP, recorderId, journalPosition);
        buffer.putByte(offset + KIND_OFFSET, (byte)kind);
        buffer.putByte(offset + GAP_VENUE_OFFSET, (byte)venue);
        buffer.putLong(offset + FROM_OFFSET, fromMs, LITTLE_ENDIAN);
        buffer.putLong(offset + TO_OFFSET, toMs, LITTLE_ENDIAN);
        return GAP_LENGTH;
    }

    private void header(final byte type, final int recorderId, final long journalPosition)
    {
        buffer.putByte(offset + TYPE_OFFSET, type);
        buffer.putByte(offset + VERSION_OFFSET, VERSION);
        buffer.putInt(offset + RECORDER_ID_OFFSET, recorderId, LITTLE_ENDIAN);
        buffer.putLong(offset + JOURNAL_POSITION_OFFSET, journalPosition, LITTLE_ENDIAN);
    }
}
