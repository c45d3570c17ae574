package io.liqvol.gateway.replication;

import org.agrona.DirectBuffer;

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

/** Reads replication messages ({@link ReplicationDescriptor}) in place; no allocation. */
public final class ReplicationDecoder
{
    /** What {@link #wrap} returns for a message this version does not read (too short, unknown type or version). */
    public static final int TYPE_UNKNOWN = 0;

    private DirectBuffer buffer;
    private int offset;

    /** Wraps a message; returns its type ({@link ReplicationDescriptor#TYPE_LIQUIDATION}, gap) or TYPE_UNKNOWN. */
    public int wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        if (length < GAP_LENGTH || buffer.getByte(offset + VERSION_OFFSET) != VERSION)
        {
            return TYPE_UNKNOWN;
        }
        final byte type = buffer.getByte(offset + TYPE_OFFSET);
        if (type == TYPE_LIQUIDATION && length >= LIQUIDATION_LENGTH && symbolLength() >= 1
            && symbolLength() <= SYMBOL_CAPACITY)
        {
            return TYPE_LIQUIDATION;
        }
        return type == TYPE_GAP ? TYPE_GAP : TYPE_UNKNOWN;
    }

    public int recorderId()
    {
        return buffer.getInt(offset + RECORDER_ID_OFFSET, LITTLE_ENDIAN);
    }

    public long journalPosition()
    {
        return buffer.getLong(offset + JOURNAL_POSITION_OFFSET, LITTLE_ENDIAN);
    }

    public int venue()
    {
        return buffer.getByte(offset + VENUE_OFFSET) & 0xFF;
    }

    public int side()
    {
        return buffer.getByte(offset + SIDE_OFFSET) & 0xFF;
    }

    public int symbolLength()
    {
        return buffer.getByte(offset + SYMBOL_LENGTH_OFFSET) & 0xFF;
    }

    /** Copies the symbol's ASCII bytes into {@code dst} from 0; returns their count. */
    public int symbol(final byte[] dst)
    {
        final int length = symbolLength();
        buffer.getBytes(offset + SYMBOL_OFFSET, dst, 0, length);
        return length;
    }

    public long tradeTimeMs()
    {
        return buffer.getLong(offset + TRADE_TIME_OFFSET, LITTLE_ENDIAN);
    }

    public long eventTimeMs()
    {
        return buffer.getLong(offset + EVENT_TIME_OFFSET, LITTLE_ENDIAN);
    }

    public long quantityE8()
    {
        return buffer.getLong(offset + QUANTITY_OFFSET, LITTLE_ENDIAN);
    }

    public long priceE8()
    {
        return buffer.getLong(offset + PRICE_OFFSET, LITTLE_ENDIAN);
    }

    /** A gap's {@code Venue} ordinal; 0 (Binance) in a gap from a recorder built before gaps carried it. */
    public int gapVenue()
    {
        return buffer.getByte(offset + GAP_VENUE_OFFSET) & 0xFF;
    }

    public int gapKind()
    {
        return buffer.getByte(offset + KIND_OFFSET) & 0xFF;
    }

    public long fromMs()
    {
        return buffer.getLong(offset + FROM_OFFSET, LITTLE_ENDIAN);
    }

    public long toMs()
    {
        return buffer.getLong(offset + TO_OFFSET, LITTLE_ENDIAN);
    }
}
