package io.liqvol.gateway.replication;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an edge is in each recorder's stream, kept in {@code replication.positions} in its data directory so that a
 * restart resumes there: per recorder (found by its archive endpoint) the recording, the stream position after the
 * last message its engine has journaled, and that message's journal position at the recorder. A memory-mapped file:
 * a store survives the process being killed. A slot is 48 bytes:
 * {@code | endpoint hash | recordingId | recording start time | stream position | journal position | 0 |}.
 */
final class ReplicationCheckpoint implements AutoCloseable
{
    static final String FILE_NAME = "replication.positions";
    static final int SLOT_LENGTH = 48;
    static final int SLOTS = 128;
    private static final int HASH_OFFSET = 0;
    private static final int RECORDING_OFFSET = 8;
    private static final int START_TIME_OFFSET = 16;
    private static final int POSITION_OFFSET = 24;
    private static final int JOURNAL_POSITION_OFFSET = 32;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;

    private ReplicationCheckpoint(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    static ReplicationCheckpoint open(final Path dataDir)
    {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            return new ReplicationCheckpoint(channel.map(FileChannel.MapMode.READ_WRITE, 0, SLOTS * SLOT_LENGTH));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("the replication positions could not be opened", e);
        }
    }

    /** The slot of the recorder at {@code endpoint}: its own if it has one, else a free one. */
    int slotOf(final String endpoint)
    {
        final long hash = hash(endpoint);
        int free = -1;
        for (int slot = 0; slot < SLOTS; slot++)
        {
            final long stored = buffer.getLong(slot * SLOT_LENGTH + HASH_OFFSET);
            if (stored == hash)
            {
                return slot;
            }
            if (stored == 0 && free < 0)
            {
                free = slot;
            }
        }
        if (free < 0)
        {
            throw new IllegalStateException("more than " + SLOTS + " recorders in " + FILE_NAME);
        }
        buffer.putLong(free * SLOT_LENGTH + HASH_OFFSET, hash);
        store(free, -1, 0, 0, -1);
        return free;
    }

    void store(
        final int slot, final long recordingId, final long startTimeMs, final long position, final long journalPosition)
    {
        final int at = slot * SLOT_LENGTH;
        buffer.putLong(at + RECORDING_OFFSET, recordingId);
        buffer.putLong(at + START_TIME_OFFSET, startTimeMs);
        buffer.putLong(at + POSITION_OFFSET, position);
        buffer.putLong(at + JOURNAL_POSITION_OFFSET, journalPosition);
    }

    long recordingId(final int slot)
    {
        return buffer.getLong(slot * SLOT_LENGTH + RECORDING_OFFSET);
    }

    long startTimeMs(final int slot)
    {
        return buffer.getLong(slot * SLOT_LENGTH + START_TIME_OFFSET);
    }

    long position(final int slot)
    {
        return buffer.getLong(slot * SLOT_LENGTH + POSITION_OFFSET);
    }

    long journalPosition(final int slot)
    {
        return buffer.getLong(slot * SLOT_LENGTH + JOURNAL_POSITION_OFFSET);
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /** Never 0, which marks a free slot. */
    private static long hash(final String endpoint)
    {
        long hash = 1125899906842597L;
        for (final byte b : endpoint.getBytes(StandardCharsets.UTF_8))
        {
            hash = 31 * hash + b;
        }
        return hash == 0 ? 1 : hash;
    }
}
