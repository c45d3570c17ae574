package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void shouldAllowABurstOfTwiceTheRateThenRefuse()
    {
        final TokenBucket bucket = new TokenBucket(5, 0);
        for (int i = 0; i < 10; i++)
        {
            assertThat(bucket.tryAcquire(0)).isTrue();
        }
        assertThat(bucket.tryAcquire(0)).isFalse();
    }

    @Test
    void shouldRefillAtTheRate()
    {
        final TokenBucket bucket = new TokenBucket(5, 0);
        for (int i = 0; i < 10; i++)
        {
            bucket.tryAcquire(0);
        }
        assertThat(bucket.tryAcquire(SECOND_NS / 5 - 1)).isFalse();
        assertThat(bucket.tryAcquire(SECOND_NS / 5)).isTrue();
        assertThat(bucket.tryAcquire(SECOND_NS / 5)).isFalse();
        int granted = 0;
        for (int i = 0; i < 20; i++)
        {
            granted += bucket.tryAcquire(10 * SECOND_NS) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(10);
    }
}
