package io.liqvol.engine.journal;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.liqvol.engine.journal.JournalDescriptor.EVENT_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.FORMAT_VERSION;
import static io.liqvol.engine.journal.JournalDescriptor.FORMAT_VERSION_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.HEADER_LENGTH;
import static io.liqvol.engine.journal.JournalDescriptor.LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.MAGIC;
import static io.liqvol.engine.journal.JournalDescriptor.MAGIC_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.NAME_LENGTH_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.NAME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.PRICE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.QUANTITY_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.RECORD_LENGTH;
import static io.liqvol.engine.journal.JournalDescriptor.SIDE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.SYMBOL_CAPACITY;
import static io.liqvol.engine.journal.JournalDescriptor.SYMBOL_ID_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TRADE_TIME_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_GAP;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_LIQUIDATION;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_OFFSET;
import static io.liqvol.engine.journal.JournalDescriptor.TYPE_SYMBOL;
import static io.liqvol.engine.journal.JournalDescriptor.VENUE_OFFSET;

/**
 * Reads a journal while it is written, oldest record first, from its own thread: a non-zero length announces a
 * complete record, and the writer rolls to segment {@code n + 1} only when done with {@code n}, so a zero slot in
 * {@code n} is the end of {@code n} once {@code n + 1} holds a record. Reads format 2 segments (format 1 ones, from
 * before, are skipped); maps each segment read-only, so it never disturbs the writer.
 */
public final class JournalTailer implements AutoCloseable
{
    private static final long EARLY_ROLL_CHECK_NS = 100_000_000L;

    private final Path dir;
    private final byte[] symbol = new byte[SYMBOL_CAPACITY];
    private byte[][] names = new byte[64][];
    private MappedByteBuffer mapped;
    private UnsafeBuffer buffer;
    private long segment = -1;
    private int capacity;
    private int next;
    private long lastRollCheckNs;

    /** Tails {@code dir} from its oldest format 2 segment (or the first one written, if it has none yet). */
    public JournalTailer(final Path dir)
    {
        this.dir = dir;
    }

    /** Hands at most {@code limit} new records to {@code handler}; returns how many records it read. */
    public int poll(final JournalTailHandler handler, final int limit)
    {
        if (buffer == null && !openFirst())
        {
            return 0;
        }
        int read = 0;
        while (read < limit)
        {
            if (next >= capacity || buffer.getIntVolatile(offset(next) + LENGTH_OFFSET) == 0)
            {
                if (!rolled())
                {
                    break;
                }
                continue;
            }
            hand(handler, offset(next));
            next++;
            read++;
        }
        return read;
    }

    /** The segment being read, or -1 before the first. */
    public long segment()
    {
        return segment;
    }

    @Override
    public void close()
    {
        unmap();
    }

    private void hand(final JournalTailHandler handler, final int at)
    {
        final byte type = buffer.getByte(at + TYPE_OFFSET);
        if (type == TYPE_SYMBOL)
        {
            define(buffer.getInt(at + SYMBOL_ID_OFFSET), at);
        }
        else if (type == TYPE_GAP)
        {
            handler.onGap(segment, next, buffer.getByte(at + VENUE_OFFSET), buffer.getByte(at + SIDE_OFFSET),
                buffer.getLong(at + TRADE_TIME_OFFSET), buffer.getLong(at + EVENT_TIME_OFFSET));
        }
        else if (type == TYPE_LIQUIDATION)
        {
            final int id = buffer.getInt(at + SYMBOL_ID_OFFSET);
            final byte[] name = id >= 0 && id < names.length ? names[id] : null;
            if (name != null)
            {
                System.arraycopy(name, 0, symbol, 0, name.length);
                handler.onLiquidation(segment, next, buffer.getByte(at + VENUE_OFFSET),
                    buffer.getByte(at + SIDE_OFFSET), symbol, name.length, buffer.getLong(at + TRADE_TIME_OFFSET),
                    buffer.getLong(at + EVENT_TIME_OFFSET), buffer.getLong(at + QUANTITY_OFFSET),
                    buffer.getLong(at + PRICE_OFFSET));
            }
        }
    }

    private void define(final int id, final int at)
    {
        final int length = buffer.getByte(at + NAME_LENGTH_OFFSET);
        if (id < 0 || length <= 0 || length > SYMBOL_CAPACITY)
        {
            return;
        }
        if (id >= names.length)
        {
            names = Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
        }
        final byte[] name = new byte[length];
        buffer.getBytes(at + NAME_OFFSET, name);
        names[id] = name;
    }

    /**
     * Whether the writer moved on to the next segment, which this then reads. A writer rolls with at most two slots
     * left (a symbol and its liquidation); earlier only after a restart, so away from the end this looks seldom.
     */
    private boolean rolled()
    {
        final long nowNs = System.nanoTime();
        if (next < capacity - 2 && nowNs - lastRollCheckNs < EARLY_ROLL_CHECK_NS)
        {
            return false;
        }
        lastRollCheckNs = nowNs;
        final MappedByteBuffer following = map(segment + 1);
        if (following == null)
        {
            return false;
        }
        final UnsafeBuffer view = new UnsafeBuffer(following);
        final boolean written = view.getIntVolatile(HEADER_LENGTH + LENGTH_OFFSET) != 0;
        // Checked again after the next segment's first record: the writer wrote it after its last one here.
        if (!written || next < capacity && buffer.getIntVolatile(offset(next) + LENGTH_OFFSET) != 0)
        {
            IoUtil.unmap(following);
            return false;
        }
        use(segment + 1, following);
        return true;
    }

    private boolean openFirst()
    {
        final long first = oldestSegment();
        final MappedByteBuffer found = first < 0 ? null : map(first);
        if (found == null)
        {
            return false;
        }
        use(first, found);
        return true;
    }

    private void use(final long number, final MappedByteBuffer segmentBuffer)
    {
        unmap();
        mapped = segmentBuffer;
        buffer = new UnsafeBuffer(segmentBuffer);
        segment = number;
        capacity = Math.max(0, (segmentBuffer.capacity() - HEADER_LENGTH) / RECORD_LENGTH);
        next = 0;
        Arrays.fill(names, null);
    }

    private void unmap()
    {
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
            mapped = null;
        }
    }

    private static int offset(final int record)
    {
        return HEADER_LENGTH + record * RECORD_LENGTH;
    }

    /** The lowest-numbered format 2 segment in the directory, or -1. */
    private long oldestSegment()
    {
        if (!Files.isDirectory(dir))
        {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.mapToLong(path -> JournalDescriptor.segmentNumberOf(path.getFileName().toString()))
                .filter(number -> number >= 0)
                .sorted()
                .filter(this::isFormat2)
                .findFirst()
                .orElse(-1);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isFormat2(final long number)
    {
        final MappedByteBuffer found = map(number);
        if (found == null)
        {
            return false;
        }
        IoUtil.unmap(found);
        return true;
    }

    /** Segment {@code number} mapped read-only once it is an activated format 2 segment, else null. */
    private MappedByteBuffer map(final long number)
    {
        final Path path = dir.resolve(JournalDescriptor.segmentFileName(number));
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size < HEADER_LENGTH + RECORD_LENGTH)
            {
                return null;
            }
            final MappedByteBuffer segmentBuffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(segmentBuffer);
            if (header.getIntVolatile(MAGIC_OFFSET) != MAGIC || header.getInt(FORMAT_VERSION_OFFSET) != FORMAT_VERSION)
            {
                IoUtil.unmap(segmentBuffer);
                return null;
            }
            return segmentBuffer;
        }
        catch (final IOException e)
        {
            return null;
        }
    }
}
