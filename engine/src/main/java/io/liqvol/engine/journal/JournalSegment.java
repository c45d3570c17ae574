package io.liqvol.engine.journal;

import io.liqvol.engine.GapKind;
import io.liqvol.engine.Venue;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static io.liqvol.engine.journal.JournalDescriptor.ALIVE_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.CHECKSUMMED_FROM;
import static io.liqvol.engine.journal.JournalDescriptor.CHECKSUM_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.CREATED_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.EVENT_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.FORMAT_VERSION;
import static io.liqvol.engine.journal.JournalDescriptor.FORMAT_VERSION_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.HEADER_LENGTH;
import static io.liqvol.engine.journal.JournalDescriptor.HEADER_RECORD_LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.MAGIC;
import static io.liqvol.engine.journal.JournalDescriptor.MAGIC_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.PRICE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.QUANTITY_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.RECEIVE_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.RECORD_LENGTH;
import static io.liqvol.engine.journal.JournalDescriptor.RECORD_VERSION;
import static io.liqvol.engine.journal.JournalDescriptor.SEGMENT_NUMBER_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.SIDE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.NAME_LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.NAME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.SYMBOL_CAPACITY;
import static io.liqvol.engine.journal.JournalDescriptor.SYMBOL_ID_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TRADE_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_GAP;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_HISTORY;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_LIQUIDATION;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_SYMBOL;
import static io.liqvol.engine.journal.JournalDescriptor.V1_FORMAT_VERSION;
import static io.liqvol.engine.journal.JournalDescriptor.V1_RECORD_LENGTH;
import static io.liqvol.engine.journal.JournalDescriptor.V1_SYMBOL_LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.V1_SYMBOL_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.VENUE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.VERSION_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.V1_RECORD_VERSION;

/**
 * One memory-mapped journal segment file in the layout of {@link JournalDescriptor}: written in the current format,
 * read in either. The journal thread is the single writer; {@link #committedRecords()} tells other threads how far
 * they may read.
 */
final class JournalSegment
{
    private final Path path;
    private final long number;
    private final int formatVersion;
    private final int recordLength;
    private final int capacity;
    /** The mapping; a plain empty buffer for {@link #none(long)}. */
    private final ByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private volatile int committedRecords;
    /** Format 2's symbol names, read from the file on first use for a segment found on disk. */
    private volatile SegmentSymbols symbols;
    /** The oldest start of history this segment declares imported ({@code TYPE_HISTORY}), 0 while none. */
    private volatile long historySinceMs;

    private JournalSegment(
        final Path path, final long number, final ByteBuffer mapped, final int formatVersion,
        final SegmentSymbols symbols)
    {
        this.path = path;
        this.number = number;
        this.mapped = mapped;
        this.formatVersion = formatVersion;
        this.recordLength = formatVersion == V1_FORMAT_VERSION ? V1_RECORD_LENGTH : RECORD_LENGTH;
        this.capacity = Math.max(0, (mapped.capacity() - recordLength) / recordLength);
        this.buffer = new UnsafeBuffer(mapped);
        this.symbols = symbols;
    }

    /** Creates a segment of {@code segmentBytes}, allocated for real (zeros written), with its header. */
    static JournalSegment create(final Path dir, final long number, final long segmentBytes, final long nowMs)
        throws IOException
    {
        final JournalSegment segment = SegmentAllocation.allocate(dir, number, segmentBytes);
        segment.activate(nowMs);
        return segment;
    }

    /**
     * A stand-in without a file or room for a record, numbered as the newest segment (0 if there is none), for a
     * writer that has no segment it can write: its next segment is numbered one higher.
     */
    static JournalSegment none(final long number)
    {
        return new JournalSegment(
            null, number, ByteBuffer.allocateDirect(0).order(ByteOrder.LITTLE_ENDIAN), FORMAT_VERSION,
            new SegmentSymbols());
    }

    /** Maps an allocated file and writes its header but the magic, so that it reads as abandoned until activated. */
    static JournalSegment prepared(final Path path, final long number, final long segmentBytes) throws IOException
    {
        final JournalSegment segment =
            new JournalSegment(path, number, map(path, segmentBytes), FORMAT_VERSION, new SegmentSymbols());
        final UnsafeBuffer header = segment.buffer;
        header.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION);
        header.putLong(SEGMENT_NUMBER_OFFSET, number);
        header.putInt(HEADER_RECORD_LENGTH_OFFSET, RECORD_LENGTH);
        return segment;
    }

    /** Maps an existing segment; throws if its header is not one of a format this reads. */
    static JournalSegment open(final Path path, final long number) throws IOException
    {
        final MappedByteBuffer mapped = map(path, Files.size(path));
        final int version = mapped.capacity() < HEADER_LENGTH ? 0 : mapped.getInt(FORMAT_VERSION_OFFSET);
        final int recordLength = version == V1_FORMAT_VERSION ? V1_RECORD_LENGTH : RECORD_LENGTH;
        if (mapped.capacity() < recordLength
            || mapped.getInt(MAGIC_OFFSET) != MAGIC
            || (version != FORMAT_VERSION && version != V1_FORMAT_VERSION)
            || mapped.getInt(HEADER_RECORD_LENGTH_OFFSET) != recordLength)
        {
            throw new IOException("not a liqvol journal segment of format " + V1_FORMAT_VERSION + " or "
                + FORMAT_VERSION + ": " + path);
        }
        return new JournalSegment(path, number, mapped, version, null);
    }

    /** Whether the file is a segment whose creation never completed: shorter than a header, or without magic. */
    static boolean isAbandoned(final Path path) throws IOException
    {
        if (Files.size(path) < HEADER_LENGTH)
        {
            return true;
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r"))
        {
            return file.readInt() == 0;
        }
    }

    private static MappedByteBuffer map(final Path path, final long bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            return mapped;
        }
    }

    /**
     * Writer thread, at a roll: announces a prepared segment (its creation time, then the magic). The header page was
     * touched when it was prepared, so this is two stores, no system call.
     */
    void activate(final long nowMs)
    {
        buffer.putLong(CREATED_TIME_OFFSET, nowMs);
        buffer.putIntRelease(MAGIC_OFFSET, MAGIC);
    }

    /** When the segment was started (epoch ms). */
    long createdTimeMs()
    {
        return buffer.getLong(CREATED_TIME_OFFSET);
    }

    /** When recording that this segment holds began: its creation, or the oldest history imported into it. */
    long recordingSinceMs()
    {
        final long createdMs = createdTimeMs();
        final long historyMs = historySinceMs;
        return historyMs > 0 && (createdMs <= 0 || historyMs < createdMs) ? historyMs : createdMs;
    }

    /** Writer or recovery thread: the segment declares history imported from {@code fromMs} on. */
    void noteHistory(final long fromMs)
    {
        if (fromMs > 0 && (historySinceMs == 0 || fromMs < historySinceMs))
        {
            historySinceMs = fromMs;
        }
    }

    /** When a live engine writing this segment was last alive, 0 if none said so (or an older format). */
    long aliveTimeMs()
    {
        return isWritable() && buffer.capacity() >= HEADER_LENGTH ? buffer.getLongVolatile(ALIVE_TIME_OFFSET) : 0;
    }

    /** Writer thread: the engine is alive at {@code nowMs}. One ordered store into the header page. */
    void markAlive(final long nowMs)
    {
        if (buffer.capacity() >= HEADER_LENGTH)
        {
            buffer.putLongRelease(ALIVE_TIME_OFFSET, nowMs);
        }
    }

    /**
     * Background thread: write-faults the page at {@code pageOffset} into the mapping before the writer gets there. An
     * atomic compare-and-set of zero with zero: it can never overwrite what the writer has already stored there.
     */
    void touch(final int pageOffset)
    {
        buffer.compareAndSetInt(pageOffset, 0, 0);
    }

    /** The size of the mapped file. */
    int bytes()
    {
        return buffer.capacity();
    }

    Path path()
    {
        return path;
    }

    long number()
    {
        return number;
    }

    int capacity()
    {
        return capacity;
    }

    /** Whether this segment is in the format the writer writes; an older one is only read. */
    boolean isWritable()
    {
        return formatVersion == FORMAT_VERSION;
    }

    /** Byte offset of record {@code n} in this segment's format. */
    long recordOffset(final long n)
    {
        return recordLength + n * recordLength;
    }

    /** Records that other threads may read: complete, and in the page cache. */
    int committedRecords()
    {
        return committedRecords;
    }

    void commit(final int records)
    {
        committedRecords = records;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** A view for checksumming; each thread takes its own (position and limit are state). */
    ByteBuffer checksumView()
    {
        return mapped.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes dirty pages of records {@code [from, to)} to the device. */
    void force(final int fromRecord, final int toRecord)
    {
        if (toRecord > fromRecord)
        {
            final int from = at(fromRecord);
            ((MappedByteBuffer)mapped).force(from, at(toRecord) - from);
        }
    }

    void force()
    {
        if (mapped instanceof MappedByteBuffer file)
        {
            file.force();
        }
    }

    /** Whether slot {@code n} was never written: its first eight bytes (length and checksum) are zero. */
    boolean isEmpty(final int n)
    {
        return buffer.getLong(at(n) + LENGTH_OFFSET) == 0;
    }

    /** Whether record {@code n} is complete, of a known type, and its checksum matches. */
    boolean isValid(final int n, final CRC32C crc, final ByteBuffer view)
    {
        final int at = at(n);
        final byte version = buffer.getByte(at + VERSION_OFFSET);
        if (buffer.getInt(at + LENGTH_OFFSET) != recordLength
            || buffer.getInt(at + CHECKSUM_OFFSET) != checksum(crc, view, at, recordLength)
            || version < V1_RECORD_VERSION || version > RECORD_VERSION)
        {
            return false;
        }
        final byte type = buffer.getByte(at + TYPE_OFFSET);
        if (type == TYPE_GAP || type == TYPE_HISTORY && formatVersion != V1_FORMAT_VERSION)
        {
            return true;
        }
        if (formatVersion == V1_FORMAT_VERSION)
        {
            final int symbolLength = buffer.getByte(at + V1_SYMBOL_LENGTH_OFFSET);
            return type == TYPE_LIQUIDATION && symbolLength > 0 && symbolLength <= SYMBOL_CAPACITY && isSide(at);
        }
        if (type == TYPE_SYMBOL)
        {
            final int nameLength = buffer.getByte(at + NAME_LENGTH_OFFSET);
            return nameLength > 0 && nameLength <= SYMBOL_CAPACITY;
        }
        return type == TYPE_LIQUIDATION && isSide(at) && venue(n) < Venue.count()
            && symbols().name(buffer.getInt(at + SYMBOL_ID_OFFSET)) != null;
    }

    private boolean isSide(final int at)
    {
        final int side = buffer.getByte(at + SIDE_OFFSET);
        return side == 0 || side == 1;
    }

    byte type(final int n)
    {
        return buffer.getByte(at(n) + TYPE_OFFSET);
    }

    int side(final int n)
    {
        return buffer.getByte(at(n) + SIDE_OFFSET);
    }

    /** The ordinal of liquidation {@code n}'s venue: 0 (Binance) in format 1 and in records of version 1. */
    int venue(final int n)
    {
        final int at = at(n);
        return formatVersion == V1_FORMAT_VERSION || buffer.getByte(at + VERSION_OFFSET) == V1_RECORD_VERSION
            ? 0 : buffer.getByte(at + VENUE_OFFSET) & 0xFF;
    }

    /** The kind of gap {@code n}. */
    GapKind gapKind(final int n)
    {
        return GapKind.fromOrdinal(buffer.getByte(at(n) + SIDE_OFFSET));
    }

    /** When record {@code n} was received (written). */
    long receiveTimeMs(final int n)
    {
        return buffer.getLong(at(n) + RECEIVE_TIME_OFFSET);
    }

    long quantityE8(final int n)
    {
        return buffer.getLong(at(n) + QUANTITY_OFFSET);
    }

    long priceE8(final int n)
    {
        return buffer.getLong(at(n) + PRICE_OFFSET);
    }

    /** The trade time of a liquidation, the start of a gap. */
    long tradeTimeMs(final int n)
    {
        return buffer.getLong(at(n) + TRADE_TIME_OFFSET);
    }

    /** The event time of a liquidation, the end of a gap. */
    long eventTimeMs(final int n)
    {
        return buffer.getLong(at(n) + EVENT_TIME_OFFSET);
    }

    /** Copies the ASCII symbol of valid liquidation {@code n} into {@code into} and returns its length. */
    int symbol(final int n, final byte[] into)
    {
        final int at = at(n);
        if (formatVersion == V1_FORMAT_VERSION)
        {
            final int length = buffer.getByte(at + V1_SYMBOL_LENGTH_OFFSET);
            buffer.getBytes(at + V1_SYMBOL_OFFSET, into, 0, length);
            return length;
        }
        final byte[] name = symbols().name(buffer.getInt(at + SYMBOL_ID_OFFSET));
        System.arraycopy(name, 0, into, 0, name.length);
        return name.length;
    }

    /**
     * The ASCII name of valid liquidation {@code n}: in format 2 the segment's one array for its symbol number (not to
     * be changed), in format 1 a copy.
     */
    byte[] symbolBytes(final int n)
    {
        if (formatVersion != V1_FORMAT_VERSION)
        {
            return symbols().name(buffer.getInt(at(n) + SYMBOL_ID_OFFSET));
        }
        final byte[] name = new byte[buffer.getByte(at(n) + V1_SYMBOL_LENGTH_OFFSET)];
        symbol(n, name);
        return name;
    }

    /** Whether liquidation {@code n} is of the symbol whose ASCII bytes are given. */
    boolean isSymbol(final int n, final byte[] symbol)
    {
        final int at = at(n);
        if (formatVersion != V1_FORMAT_VERSION)
        {
            return Arrays.equals(symbols().name(buffer.getInt(at + SYMBOL_ID_OFFSET)), symbol);
        }
        if (buffer.getByte(at + V1_SYMBOL_LENGTH_OFFSET) != symbol.length)
        {
            return false;
        }
        for (int i = 0; i < symbol.length; i++)
        {
            if (buffer.getByte(at + V1_SYMBOL_OFFSET + i) != symbol[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Zeroes records {@code [from, to)}: a torn tail is cut off so new records take its place. */
    void erase(final int fromRecord, final int toRecord)
    {
        if (toRecord > fromRecord)
        {
            final int from = at(fromRecord);
            buffer.setMemory(from, at(toRecord) - from, (byte)0);
            force(fromRecord, toRecord);
        }
    }

    /**
     * The number this segment gives the symbol named {@code name} (ASCII), or -1 if it has not defined it yet. Cold
     * path: the writer asks once per symbol and segment.
     */
    int symbolId(final byte[] name)
    {
        return symbols().idOf(name);
    }

    /** Writes a symbol record into slot {@code n}, defining the next symbol number as {@code name}, and returns it. */
    int writeSymbol(final int n, final CRC32C crc, final ByteBuffer view, final byte[] name)
    {
        final int at = at(n);
        final int id = symbols().define(name);
        buffer.putByte(at + TYPE_OFFSET, TYPE_SYMBOL);
        buffer.putByte(at + VERSION_OFFSET, RECORD_VERSION);
        buffer.putInt(at + SYMBOL_ID_OFFSET, id);
        buffer.putByte(at + NAME_LENGTH_OFFSET, (byte)name.length);
        buffer.putBytes(at + NAME_OFFSET, name);
        seal(at, crc, view);
        return id;
    }

    /**
     * Writes a liquidation of symbol number {@code symbolId} (defined in this segment) on the venue of ordinal
     * {@code venue} into slot {@code n}; the length
     * goes last, so readers never see half a record.
     */
    void writeLiquidation(
        final int n,
        final CRC32C crc,
        final ByteBuffer view,
        final int symbolId,
        final int venue,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs,
        final long receiveTimeMs)
    {
        final int at = at(n);
        buffer.putByte(at + TYPE_OFFSET, TYPE_LIQUIDATION);
        buffer.putByte(at + VERSION_OFFSET, RECORD_VERSION);
        buffer.putByte(at + SIDE_OFFSET, (byte)side);
        buffer.putByte(at + VENUE_OFFSET, (byte)venue);
        buffer.putInt(at + SYMBOL_ID_OFFSET, symbolId);
        buffer.putLong(at + RECEIVE_TIME_OFFSET, receiveTimeMs);
        buffer.putLong(at + TRADE_TIME_OFFSET, tradeTimeMs);
        buffer.putLong(at + EVENT_TIME_OFFSET, eventTimeMs);
        buffer.putLong(at + QUANTITY_OFFSET, quantityE8);
        buffer.putLong(at + PRICE_OFFSET, priceE8);
        seal(at, crc, view);
    }

    void writeGap(
        final int n, final CRC32C crc, final ByteBuffer view, final long fromMs, final long toMs, final GapKind kind,
        final int venue, final long receiveTimeMs)
    {
        writeInterval(n, crc, view, TYPE_GAP, kind.ordinal(), venue, fromMs, toMs, receiveTimeMs);
    }

    void writeHistory(
        final int n, final CRC32C crc, final ByteBuffer view, final long fromMs, final long toMs,
        final long receiveTimeMs)
    {
        writeInterval(n, crc, view, TYPE_HISTORY, 0, 0, fromMs, toMs, receiveTimeMs);
        noteHistory(fromMs);
    }

    private void writeInterval(
        final int n, final CRC32C crc, final ByteBuffer view, final byte type, final int detail, final int venue,
        final long fromMs, final long toMs, final long receiveTimeMs)
    {
        final int at = at(n);
        buffer.putByte(at + TYPE_OFFSET, type);
        buffer.putByte(at + VERSION_OFFSET, RECORD_VERSION);
        buffer.putByte(at + SIDE_OFFSET, (byte)detail);
        buffer.putByte(at + VENUE_OFFSET, (byte)venue);
        buffer.putLong(at + RECEIVE_TIME_OFFSET, receiveTimeMs);
        buffer.putLong(at + TRADE_TIME_OFFSET, fromMs);
        buffer.putLong(at + EVENT_TIME_OFFSET, toMs);
        seal(at, crc, view);
    }

    private int at(final int n)
    {
        return recordLength + n * recordLength;
    }

    private void seal(final int at, final CRC32C crc, final ByteBuffer view)
    {
        buffer.putInt(at + CHECKSUM_OFFSET, checksum(crc, view, at, RECORD_LENGTH));
        buffer.putIntRelease(at + LENGTH_OFFSET, RECORD_LENGTH);
    }

    private static int checksum(final CRC32C crc, final ByteBuffer view, final int at, final int recordLength)
    {
        crc.reset();
        view.limit(at + recordLength).position(at + CHECKSUMMED_FROM);
        crc.update(view);
        return (int)crc.getValue();
    }

    /** The symbol names of a format 2 segment, read from its valid symbol records the first time they are needed. */
    SegmentSymbols symbols()
    {
        final SegmentSymbols known = symbols;
        return known != null ? known : loadSymbols();
    }

    private synchronized SegmentSymbols loadSymbols()
    {
        if (symbols == null)
        {
            final SegmentSymbols loaded = new SegmentSymbols();
            final CRC32C crc = new CRC32C();
            final ByteBuffer view = checksumView();
            for (int n = 0; n < capacity; n++)
            {
                final int at = at(n);
                final int id = buffer.getInt(at + SYMBOL_ID_OFFSET);
                if (buffer.getByte(at + TYPE_OFFSET) == TYPE_SYMBOL && id >= 0 && id < capacity
                    && isValid(n, crc, view))
                {
                    final byte[] name = new byte[buffer.getByte(at + NAME_LENGTH_OFFSET)];
                    buffer.getBytes(at + NAME_OFFSET, name);
                    loaded.put(id, name);
                }
            }
            symbols = loaded;
        }
        return symbols;
    }

    @Override
    public String toString()
    {
        return path == null ? "no segment" : path.getFileName().toString();
    }
}
