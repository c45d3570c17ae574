package io.liqvol.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a segment file byte by byte in journal format 1 (96-byte records, the symbol's name in each liquidation),
 * as versions before format 2 left them, so that tests can check that such a journal is still read.
 */
final class FirstFormatSegment
{
    static final int CAPACITY = 64;

    private static final int RECORD_LENGTH = 96;

    private FirstFormatSegment()
    {
    }

    /** Writes segment {@code number} holding {@code records} and returns its path. */
    static Path write(final Path dir, final long number, final List<Record> records) throws IOException
    {
        final ByteBuffer file = ByteBuffer.allocate(RECORD_LENGTH * (CAPACITY + 1)).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0, JournalDescriptor.MAGIC);
        file.putInt(4, 1);
        file.putLong(8, number);
        file.putInt(16, RECORD_LENGTH);
        file.putLong(20, 1L);
        for (int n = 0; n < records.size(); n++)
        {
            records.get(n).writeAt(file, RECORD_LENGTH * (n + 1));
        }
        return Files.write(dir.resolve(JournalDescriptor.segmentFileName(number)), file.array());
    }

    static Record liquidation(
        final String symbol, final int side, final long quantityE8, final long priceE8, final long tradeTimeMs)
    {
        return new Record(JournalDescriptor.TYPE_LIQUIDATION, symbol, side, quantityE8, priceE8, tradeTimeMs,
            tradeTimeMs + 1);
    }

    static Record gap(final long fromMs, final long toMs)
    {
        return new Record(JournalDescriptor.TYPE_GAP, "", 0, 0, 0, fromMs, toMs);
    }

    /** One record of format 1. */
    record Record(byte type, String symbol, int side, long quantityE8, long priceE8, long tradeTimeMs, long eventTimeMs)
    {
        void writeAt(final ByteBuffer file, final int at)
        {
            final byte[] name = symbol.getBytes(StandardCharsets.US_ASCII);
            file.put(at + 8, type);
            file.put(at + 9, (byte)1);
            file.put(at + 10, (byte)side);
            file.put(at + 11, (byte)name.length);
            file.putLong(at + 16, eventTimeMs);
            file.putLong(at + 24, tradeTimeMs);
            file.putLong(at + 32, eventTimeMs);
            file.putLong(at + 40, quantityE8);
            file.putLong(at + 48, priceE8);
            file.put(at + 56, name);
            final CRC32C crc = new CRC32C();
            crc.update(file.array(), at + 8, RECORD_LENGTH - 8);
            file.putInt(at + 4, (int)crc.getValue());
            file.putInt(at, RECORD_LENGTH);
        }
    }
}
