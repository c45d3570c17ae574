package io.liqvol.engine.journal;

import io.liqvol.engine.Timeframe;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import static io.liqvol.engine.journal.RollupDescriptor.CHECKSUM_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_BASE_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_VENUE_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_COUNT_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_COUNT_OFFSET_IN_ITEM;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_ENTRIES_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_LENGTH;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_SYMBOL_LENGTH_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.DIRECTORY_SYMBOL_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.ENTRY_LENGTH;
import static io.liqvol.engine.journal.RollupDescriptor.HEADER_LENGTH;
import static io.liqvol.engine.journal.RollupDescriptor.MAGIC;
import static io.liqvol.engine.journal.RollupDescriptor.MAGIC_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.MAX_TIME_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.MIN_TIME_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.VERSION_OFFSET;

/** A sealed segment's roll-up file, memory-mapped read-only; the directory is read into a map once. */
final class MappedRollup implements Rollup
{
    private final UnsafeBuffer buffer;
    private final long minTradeTimeMs;
    private final long maxTradeTimeMs;
    /**
     * Per venue ordinal, per symbol, per base: the byte offset of its first entry and the entry count, packed
     * (offset << 32 | count).
     */
    private final List<Map<String, long[]>> items = new ArrayList<>();

    private MappedRollup(final UnsafeBuffer buffer)
    {
        this.buffer = buffer;
        this.minTradeTimeMs = buffer.getLong(MIN_TIME_OFFSET);
        this.maxTradeTimeMs = buffer.getLong(MAX_TIME_OFFSET);
        final int count = buffer.getInt(DIRECTORY_COUNT_OFFSET);
        for (int item = 0; item < count; item++)
        {
            final int at = HEADER_LENGTH + item * DIRECTORY_LENGTH;
            final byte[] name = new byte[buffer.getInt(at + DIRECTORY_SYMBOL_LENGTH_OFFSET)];
            buffer.getBytes(at + DIRECTORY_SYMBOL_OFFSET, name);
            final int venue = buffer.getShort(at + DIRECTORY_VENUE_OFFSET);
            while (items.size() <= venue)
            {
                items.add(new HashMap<>());
            }
            final long[] bases = items.get(venue).computeIfAbsent(
                new String(name, StandardCharsets.US_ASCII), s -> new long[RollupDescriptor.BASES.length]);
            bases[buffer.getShort(at + DIRECTORY_BASE_OFFSET)] =
                ((long)buffer.getInt(at + DIRECTORY_ENTRIES_OFFSET) << 32)
                | buffer.getInt(at + DIRECTORY_COUNT_OFFSET_IN_ITEM);
        }
    }

    /** Maps a roll-up file; throws if it is not whole (wrong magic, version, length or checksum). */
    static MappedRollup open(final Path file) throws IOException
    {
        final MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        final UnsafeBuffer buffer = new UnsafeBuffer(mapped);
        if (buffer.capacity() < HEADER_LENGTH
            || buffer.getInt(MAGIC_OFFSET) != MAGIC
            || (buffer.getInt(VERSION_OFFSET) != RollupDescriptor.FORMAT_VERSION
                && buffer.getInt(VERSION_OFFSET) != RollupDescriptor.FIRST_FORMAT_VERSION))
        {
            throw new IOException("not a liqvol roll-up: " + file);
        }
        final long expectedLength = HEADER_LENGTH + (long)buffer.getInt(DIRECTORY_COUNT_OFFSET) * DIRECTORY_LENGTH;
        final CRC32C crc = new CRC32C();
        crc.update(mapped.duplicate().position(HEADER_LENGTH));
        if (buffer.capacity() < expectedLength || (int)crc.getValue() != buffer.getInt(CHECKSUM_OFFSET))
        {
            throw new IOException("roll-up fails its checksum: " + file);
        }
        return new MappedRollup(buffer);
    }

    @Override
    public void sum(
        final String symbol,
        final int venue,
        final int base,
        final long fromIndex,
        final long toIndex,
        final HistoryRange into)
    {
        final long[] bases = venue < items.size() ? items.get(venue).get(symbol) : null;
        if (bases == null || bases[base] == 0 || !overlaps(into.startMs(), into.endMs()))
        {
            return;
        }
        final int first = (int)(bases[base] >>> 32);
        final int count = (int)bases[base];
        int low = 0;
        int high = count;
        while (low < high)
        {
            final int middle = (low + high) >>> 1;
            if (buffer.getLong(first + middle * ENTRY_LENGTH) < fromIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        final Timeframe timeframe = RollupDescriptor.BASES[base];
        for (int entry = low; entry < count; entry++)
        {
            final int at = first + entry * ENTRY_LENGTH;
            final long index = buffer.getLong(at);
            if (index > toIndex)
            {
                break;
            }
            into.add(timeframe.bucketStartMs(index), buffer, at + Long.BYTES);
        }
    }

    @Override
    public boolean overlaps(final long startMs, final long endMs)
    {
        return maxTradeTimeMs >= startMs && minTradeTimeMs < endMs;
    }

    @Override
    public long maxTradeTimeMs()
    {
        return maxTradeTimeMs;
    }
}
