package io.liqvol.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Allocates a segment file for real, a chunk of zeros at a time, before anything maps it: the filesystem must back
 * every page up front, because a store into a sparse mapping that the disk cannot back is a SIGBUS that kills the
 * JVM, whereas a write that cannot be backed here is an {@link IOException}. Chunked so that the journal's
 * background thread can go on touching pages between chunks.
 */
final class SegmentAllocation
{
    static final int CHUNK_BYTES = 1 << 20;

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(CHUNK_BYTES).asReadOnlyBuffer();

    private final Path path;
    private final long number;
    private final long segmentBytes;
    private final FileChannel channel;
    private long writtenBytes;

    /** Creates (or truncates) the file of segment {@code number}; nothing is written yet. */
    SegmentAllocation(final Path dir, final long number, final long segmentBytes) throws IOException
    {
        this.path = dir.resolve(JournalDescriptor.segmentFileName(number));
        this.number = number;
        this.segmentBytes = segmentBytes;
        this.channel = FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** The whole segment at once: allocated, mapped, its header written but not yet announced. */
    static JournalSegment allocate(final Path dir, final long number, final long segmentBytes) throws IOException
    {
        final SegmentAllocation allocation = new SegmentAllocation(dir, number, segmentBytes);
        try
        {
            boolean written = false;
            while (!written)
            {
                written = allocation.step();
            }
            return allocation.finish();
        }
        catch (final IOException | RuntimeException ex)
        {
            allocation.abandon();
            throw ex;
        }
    }

    /** Writes zeros over {@code [fromBytes, toBytes)} of an existing file, backing whatever of it was sparse. */
    static void zeroFill(final Path path, final long fromBytes, final long toBytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            writeZeros(channel, fromBytes, toBytes);
        }
    }

    /** Writes the next chunk of zeros; true once the whole file is written. */
    boolean step() throws IOException
    {
        if (writtenBytes < segmentBytes)
        {
            final long chunkEnd = Math.min(segmentBytes, writtenBytes + CHUNK_BYTES);
            writeZeros(channel, writtenBytes, chunkEnd);
            writtenBytes = chunkEnd;
        }
        return writtenBytes == segmentBytes;
    }

    /** Maps the written file and writes its header without the magic: until activated it reads as abandoned. */
    JournalSegment finish() throws IOException
    {
        channel.close();
        return JournalSegment.prepared(path, number, segmentBytes);
    }

    /** Gives up: closes and deletes the partial file (a crash before this leaves a file recovery deletes). */
    void abandon()
    {
        try
        {
            channel.close();
            Files.deleteIfExists(path);
        }
        catch (final IOException ignored)
        {
            // Recovery deletes an abandoned newest segment on the next launch.
        }
    }

    private static void writeZeros(final FileChannel channel, final long fromBytes, final long toBytes)
        throws IOException
    {
        final ByteBuffer zeros = ZEROS.duplicate();
        long at = fromBytes;
        while (at < toBytes)
        {
            zeros.clear().limit((int)Math.min(CHUNK_BYTES, toBytes - at));
            while (zeros.hasRemaining())
            {
                at += channel.write(zeros, at);
            }
        }
    }
}
