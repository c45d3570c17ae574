package io.liqvol.engine.journal;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import static io.liqvol.engine.journal.RollupDescriptor.RECORDS_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.SEGMENT_NUMBER_OFFSET;
import static io.liqvol.engine.journal.RollupDescriptor.VERSION_OFFSET;

/** Builds a roll-up file in the layout of {@link RollupDescriptor} and writes it atomically. Cold path. */
final class RollupFileWriter
{
    private final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
    private final ExpandableArrayBuffer directory = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer entries = new ExpandableArrayBuffer(64 * 1024);
    private int items;
    private int entriesLength;

    void begin(final long segmentNumber, final long records, final long minTradeTimeMs, final long maxTradeTimeMs)
    {
        header.setMemory(0, HEADER_LENGTH, (byte)0);
        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putInt(VERSION_OFFSET, RollupDescriptor.FORMAT_VERSION);
        header.putLong(SEGMENT_NUMBER_OFFSET, segmentNumber);
        header.putLong(RECORDS_OFFSET, records);
        header.putLong(MIN_TIME_OFFSET, minTradeTimeMs);
        header.putLong(MAX_TIME_OFFSET, maxTradeTimeMs);
        items = 0;
        entriesLength = 0;
    }

    void beginItem(final String symbol, final int venue, final int base, final int count)
    {
        final int at = items * DIRECTORY_LENGTH;
        final byte[] name = symbol.getBytes(StandardCharsets.US_ASCII);
        directory.setMemory(at, DIRECTORY_LENGTH, (byte)0);
        directory.putBytes(at + DIRECTORY_SYMBOL_OFFSET, name);
        directory.putInt(at + DIRECTORY_SYMBOL_LENGTH_OFFSET, name.length);
        directory.putShort(at + DIRECTORY_BASE_OFFSET, (short)base);
        directory.putShort(at + DIRECTORY_VENUE_OFFSET, (short)venue);
        directory.putInt(at + DIRECTORY_ENTRIES_OFFSET, entriesLength);
        directory.putInt(at + DIRECTORY_COUNT_OFFSET_IN_ITEM, count);
        items++;
    }

    void entry(final long bucketIndex, final long[] values, final int at)
    {
        entries.putLong(entriesLength, bucketIndex);
        for (int field = 0; field < RollupValues.LENGTH; field++)
        {
            entries.putLong(entriesLength + (1 + field) * Long.BYTES, values[at + field]);
        }
        entriesLength += ENTRY_LENGTH;
    }

    /** Writes the file under a temporary name, forces it, then renames it to {@code file}. */
    void writeTo(final Path file) throws IOException
    {
        final int directoryLength = items * DIRECTORY_LENGTH;
        for (int item = 0; item < items; item++)
        {
            final int at = item * DIRECTORY_LENGTH + DIRECTORY_ENTRIES_OFFSET;
            directory.putInt(at, HEADER_LENGTH + directoryLength + directory.getInt(at));
        }
        header.putInt(DIRECTORY_COUNT_OFFSET, items);
        final CRC32C crc = new CRC32C();
        crc.update(directory.byteArray(), 0, directoryLength);
        crc.update(entries.byteArray(), 0, entriesLength);
        header.putInt(CHECKSUM_OFFSET, (int)crc.getValue());

        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(
            temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            writeFully(channel, ByteBuffer.wrap(header.byteArray(), 0, HEADER_LENGTH));
            writeFully(channel, ByteBuffer.wrap(directory.byteArray(), 0, directoryLength));
            writeFully(channel, ByteBuffer.wrap(entries.byteArray(), 0, entriesLength));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer bytes) throws IOException
    {
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }
}
