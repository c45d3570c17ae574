package io.liqvol.engine;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.liqvol.engine.BucketDescriptor.PAGE_LENGTH;
import static io.liqvol.engine.BucketDescriptor.PAGE_NEXT_FREE_OFFSET;

/**
 * The shared off-heap pool of bucket pages ({@link BucketDescriptor}): carved from direct chunks as symbols touch
 * new bucket ranges, and taken back onto a free list when a range leaves its window. Memory is never returned to
 * the OS, so a page address stays readable for good (readers tell a recycled page by its slots' tags). Writer
 * thread only, except {@link #reservedBytes()}.
 */
final class BucketPages
{
    private static final int PAGES_PER_CHUNK = 64;
    /** What the pool reserves beyond the pages in use at most: the rest of its newest chunk. */
    static final long CHUNK_BYTES = (long)PAGES_PER_CHUNK * PAGE_LENGTH;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private long nextPage;
    private long chunkEnd;
    private long firstFree;
    private long pagesInUse;
    private volatile long reservedBytes;

    /** The address of a page; its slots hold whatever an earlier owner left (told apart by tag). */
    long allocate()
    {
        pagesInUse++;
        if (firstFree != 0)
        {
            final long page = firstFree;
            firstFree = UnsafeApi.getLong(page + PAGE_NEXT_FREE_OFFSET);
            return page;
        }
        if (nextPage == chunkEnd)
        {
            final ByteBuffer chunk = ByteBuffer.allocateDirect((int)CHUNK_BYTES);
            chunks.add(chunk);
            nextPage = BufferUtil.address(chunk);
            chunkEnd = nextPage + chunk.capacity();
            reservedBytes += chunk.capacity();
        }
        final long page = nextPage;
        nextPage += PAGE_LENGTH;
        return page;
    }

    void free(final long page)
    {
        UnsafeApi.putLong(page + PAGE_NEXT_FREE_OFFSET, firstFree);
        firstFree = page;
        pagesInUse--;
    }

    long pagesInUse()
    {
        return pagesInUse;
    }

    /** Off-heap bytes taken from the OS for pages; any thread. */
    long reservedBytes()
    {
        return reservedBytes;
    }
}
