package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MarketTopicTest
{
    @Test
    void shouldCompareTheExactNotionalWithTheThresholdLikeBigDecimalOverTheWholeRange()
    {
        final SplittableRandom random = new SplittableRandom(8);
        final long[] edges = {0, 1, 99_999_999L, 100_000_000L, 100_000_001L, Long.MAX_VALUE, 999_999_999_999_999_999L};
        for (int i = 0; i < 200_000; i++)
        {
            final long quantityE8 = i % 7 == 0 ? edges[random.nextInt(edges.length)] : random.nextLong(Long.MAX_VALUE);
            final long priceE8 = i % 5 == 0 ? edges[random.nextInt(edges.length)] : 1 + random.nextLong(1L << 40);
            final long minE8 = i % 3 == 0
                ? notionalE8Near(quantityE8, priceE8, random)
                : random.nextLong(1_000_000_000_000_000_000L);
            final BigDecimal notional = BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8));
            assertThat(MarketTopic.reaches(quantityE8, priceE8, minE8))
                .as("%d x %d >= %d", quantityE8, priceE8, minE8)
                .isEqualTo(notional.compareTo(BigDecimal.valueOf(minE8, 8)) >= 0);
        }
    }

    /** A threshold on or next to the notional, where an inexact comparison would go wrong. */
    private static long notionalE8Near(final long quantityE8, final long priceE8, final SplittableRandom random)
    {
        final BigDecimal notionalE8 = BigDecimal.valueOf(quantityE8).multiply(BigDecimal.valueOf(priceE8))
            .movePointLeft(8);
        final BigDecimal near = notionalE8.setScale(0, RoundingMode.FLOOR).add(
            BigDecimal.valueOf(random.nextInt(3) - 1));
        return near.max(BigDecimal.ZERO).min(BigDecimal.valueOf(999_999_999_999_999_999L)).longValueExact();
    }
}
