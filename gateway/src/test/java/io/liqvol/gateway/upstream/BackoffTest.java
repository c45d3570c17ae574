package io.liqvol.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest
{
    @Test
    void shouldDoubleWithJitterUpToTheCap()
    {
        final Backoff backoff = new Backoff(100, 1_000, 60_000, new SplittableRandom(1));

        final long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (final long ceiling : ceilings)
        {
            assertThat(backoff.nextDelayMs()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void shouldSpreadDelaysRatherThanRepeatOne()
    {
        final SplittableRandom random = new SplittableRandom(2);
        final Set<Long> delays = new HashSet<>();
        for (int client = 0; client < 20; client++)
        {
            final Backoff backoff = new Backoff(1_000, 30_000, 60_000, random);
            delays.add(backoff.nextDelayMs());
        }
        assertThat(delays).hasSizeGreaterThan(10);
    }

    @Test
    void shouldStartAgainOnlyAfterAHealthyConnection()
    {
        final Backoff backoff = new Backoff(100, 10_000, 5_000, new SplittableRandom(3));
        for (int i = 0; i < 4; i++)
        {
            backoff.nextDelayMs();
        }

        backoff.onConnectionEnded(-1);
        backoff.onConnectionEnded(4_999);
        assertThat(backoff.attempts()).isEqualTo(4);
        assertThat(backoff.nextDelayMs()).isBetween(800L, 1_600L);

        backoff.onConnectionEnded(5_000);
        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.nextDelayMs()).isBetween(50L, 100L);
    }

    @Test
    void shouldNeverOverflowAfterManyAttempts()
    {
        final Backoff backoff = new Backoff(1_000, 30_000, 60_000, new SplittableRandom(4));
        for (int i = 0; i < 200; i++)
        {
            assertThat(backoff.nextDelayMs()).isBetween(500L, 30_000L);
        }
    }
}
