package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BucketPagesTest
{
    private final BucketPages pages = new BucketPages();

    @Test
    void shouldHandOutDistinctPagesAndReserveMemoryByChunks()
    {
        final Set<Long> handedOut = new HashSet<>();
        for (int i = 0; i < 100; i++)
        {
            final long page = pages.allocate();
            assertThat(page % Long.BYTES).isZero();
            assertThat(handedOut.add(page)).isTrue();
        }

        assertThat(pages.pagesInUse()).isEqualTo(100);
        assertThat(pages.reservedBytes()).isGreaterThanOrEqualTo(100L * BucketDescriptor.PAGE_LENGTH)
            .isLessThan(200L * BucketDescriptor.PAGE_LENGTH);
    }

    @Test
    void shouldReuseFreedPagesBeforeReservingMore()
    {
        final long first = pages.allocate();
        final long second = pages.allocate();
        final long reserved = pages.reservedBytes();
        pages.free(first);
        pages.free(second);

        assertThat(pages.allocate()).isEqualTo(second);
        assertThat(pages.allocate()).isEqualTo(first);
        assertThat(pages.pagesInUse()).isEqualTo(2);
        assertThat(pages.reservedBytes()).isEqualTo(reserved);
    }
}
