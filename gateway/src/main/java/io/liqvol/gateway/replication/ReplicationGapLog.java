package io.liqvol.gateway.replication;

import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every gap an edge has taken from a recorder, kept in {@code replication.gaps} beside {@code replication.positions}
 * so that a restarted edge intersects a recorder's gap sent before the restart with another's sent after it. Appended
 * as each gap is handed (written before the call returns, so it survives the process being killed); a record is 32
 * bytes: {@code | slot (int) | venue | 0 0 0 | journal position | fromMs | toMs |}, the slot being the recorder's
 * in {@code replication.positions}. A torn last record (a kill mid-write) is ignored and overwritten. Gaps are rare
 * (each is an upstream outage of a recorder), so the file is read whole at start. One thread.
 */
final class ReplicationGapLog implements AutoCloseable
{
    static final String FILE_NAME = "replication.gaps";
    static final int RECORD_LENGTH = 32;

    /** Receives the gaps logged, oldest first. */
    @FunctionalInterface
    interface GapHandler
    {
        void onGap(int slot, int venue, long journalPosition, long fromMs, long toMs);
    }

    private final FileChannel channel;
    private final ByteBuffer record = ByteBuffer.allocate(RECORD_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    private long endPosition;

    private ReplicationGapLog(final FileChannel channel, final long endPosition)
    {
        this.channel = channel;
        this.endPosition = endPosition;
    }

    static ReplicationGapLog open(final Path dataDir)
    {
        try
        {
            final FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new ReplicationGapLog(channel, channel.size() / RECORD_LENGTH * RECORD_LENGTH);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("the replication gaps could not be opened", e);
        }
    }

    /** Hands {@code handler} the gaps logged before this run, oldest first. */
    void read(final GapHandler handler)
    {
        final ByteBuffer records = ByteBuffer.allocate((int)endPosition).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            while (records.hasRemaining())
            {
                if (channel.read(records, records.position()) < 0)
                {
                    break;
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("the replication gaps could not be read", e);
        }
        records.flip();
        while (records.remaining() >= RECORD_LENGTH)
        {
            final int slot = records.getInt();
            final int venue = records.get() & 0xFF;
            records.position(records.position() + 3);
            handler.onGap(slot, venue, records.getLong(), records.getLong(), records.getLong());
        }
    }

    void append(final int slot, final int venue, final long journalPosition, final long fromMs, final long toMs)
    {
        record.clear();
        record.putInt(slot).put((byte)venue).put((byte)0).putShort((short)0).putLong(journalPosition).putLong(fromMs)
            .putLong(toMs).flip();
        try
        {
            while (record.hasRemaining())
            {
                endPosition += channel.write(record, endPosition);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("a replication gap could not be written", e);
        }
    }

    @Override
    public void close()
    {
        CloseHelper.close(channel);
    }
}
