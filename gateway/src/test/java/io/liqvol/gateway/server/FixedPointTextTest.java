package io.liqvol.gateway.server;

import io.liqvol.engine.Int128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FixedPointTextTest
{
    private final FixedPointText text = new FixedPointText();

    @Test
    void shouldWriteE8ValuesWithTheMinimumScale()
    {
        text.e8(10_000_000L, 3);
        assertThat(written()).isEqualTo("0.100");
        text.e8(5_000_000_000_000L, 0);
        assertThat(written()).isEqualTo("50000");
        text.e8(5_000_000_000_000L, 2);
        assertThat(written()).isEqualTo("50000.00");
        text.e8(123_456_789L, 2);
        assertThat(written()).isEqualTo("1.23456789");
        text.e8(1L, 0);
        assertThat(written()).isEqualTo("0.00000001");
        text.e8(0L, 0);
        assertThat(written()).isEqualTo("0");
    }

    @Test
    void shouldComputeNotionalsExactly()
    {
        text.notional(1_400_000L, 991_000_000_000L);
        text.volumePlain();
        assertThat(written()).isEqualTo("138.74");
        text.volumeGrouped();
        assertThat(written()).isEqualTo("139");
        text.notional(10_000_000L, 5_000_000_000_000L);
        text.volumePlain();
        assertThat(written()).isEqualTo("5000.00");
        text.volumeGrouped();
        assertThat(written()).isEqualTo("5,000");
    }

    @Test
    void shouldWriteTheLargestNotionalExactlyLikeBuckets()
    {
        final long largestE8 = Long.MAX_VALUE;
        final BigDecimal exact = BigDecimal.valueOf(largestE8, 8).multiply(BigDecimal.valueOf(largestE8, 8));
        text.notional(largestE8, largestE8);
        text.volumePlain();
        assertThat(written()).isEqualTo("8507059173023461584739.6907784232501249");
        assertThat(written()).isEqualTo(DecimalText.volume(exact));
        text.volumeGrouped();
        assertThat(written()).isEqualTo("8,507,059,173,023,461,584,740");
    }

    @Test
    void shouldRoundGroupedNotionalsHalfUpWithCarries()
    {
        final long[][] pairs = {{99_950_000_000L, 100_000_000L}, {99_949_999_999L, 100_000_000L},
            {50_000_000L, 100_000_000L}, {1L, 1L}, {99_999_999_950_000_000L, 100_000_000L}};
        for (final long[] pair : pairs)
        {
            final BigDecimal exact = BigDecimal.valueOf(pair[0], 8).multiply(BigDecimal.valueOf(pair[1], 8));
            text.notional(pair[0], pair[1]);
            text.volumeGrouped();
            assertThat(written()).as("%s", exact).isEqualTo(DecimalText.grouped(exact));
        }
    }

    @Test
    void shouldAgreeWithBigDecimalOnRandomNotionals()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            // Half of them beyond a 64-bit product, up to the largest E8 values a frame can carry.
            final long quantityE8 = random.nextBoolean() ? 1 + (long)(random.nextDouble() * 1e15)
                : Math.max(1, random.nextLong() >>> 1);
            final long priceE8 = random.nextBoolean() ? 1 + (long)(random.nextDouble() * 1e14)
                : Math.max(1, random.nextLong() >>> 1);
            final BigDecimal exact = BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8));
            text.notional(quantityE8, priceE8);
            text.volumePlain();
            assertThat(written()).isEqualTo(DecimalText.volume(exact));
            text.volumeGrouped();
            assertThat(written()).isEqualTo(DecimalText.grouped(exact));
        }
    }

    @Test
    void shouldWriteSumsOf128BitVolumesAsBigDecimalDoes()
    {
        final long[] edges = {0, 1, -1, 2, 5, 49, 50, 51, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
            Long.MIN_VALUE + 1, 10_000_000_000_000_000L, 4_999_999_999_999_999L, 5_000_000_000_000_000L};
        for (final long aHigh : edges)
        {
            for (final long aLow : edges)
            {
                for (final long bHigh : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE})
                {
                    for (final long bLow : edges)
                    {
                        assertSumLikeBigDecimal(aHigh, aLow, bHigh, bLow);
                    }
                }
            }
        }
        final Random random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            // Small high words give values near the unit boundaries; large ones the 129-bit carries.
            final long aHigh = random.nextBoolean() ? random.nextInt(3) - 1 : random.nextLong();
            final long bHigh = random.nextBoolean() ? random.nextInt(3) - 1 : random.nextLong();
            assertSumLikeBigDecimal(aHigh, random.nextLong(), bHigh, random.nextLong());
        }
    }

    @Test
    void shouldRoundCompactVolumesHalfUpAtEveryUnit()
    {
        final String[] values = {"0", "0.004", "0.005", "-0.004", "-0.005", "999.994", "999.995", "-999.995",
            "1000", "999999.995", "1000000", "999999999.995", "1000000000", "1234567890123.125", "-15000",
            "0.0000000000000001", "170141183460469231731.6873037158841057"};
        for (final String value : values)
        {
            final BigInteger unscaled = new BigDecimal(value).setScale(16).unscaledValue();
            text.sumE16(unscaled.shiftRight(64).longValue(), unscaled.longValue(), 0, 0, false);
            text.volumeCompact();
            assertThat(written()).as(value).isEqualTo(DecimalText.compact(new BigDecimal(value)));
            text.volumePlain();
            assertThat(written()).as(value).isEqualTo(DecimalText.volume(new BigDecimal(value)));
        }
    }

    private void assertSumLikeBigDecimal(final long aHigh, final long aLow, final long bHigh, final long bLow)
    {
        final BigInteger a = Int128.toBigInteger(aHigh, aLow);
        final BigInteger b = Int128.toBigInteger(bHigh, bLow);
        for (final boolean subtract : new boolean[] {false, true})
        {
            final BigDecimal exact = new BigDecimal(subtract ? a.subtract(b) : a.add(b), 16);
            text.sumE16(aHigh, aLow, bHigh, bLow, subtract);
            text.volumePlain();
            assertThat(written()).as("%s", exact).isEqualTo(DecimalText.volume(exact));
            text.volumeCompact();
            assertThat(written()).as("%s", exact).isEqualTo(DecimalText.compact(exact));
        }
    }

    @Test
    void shouldWriteUtcTimes()
    {
        final long[] times = {0L, 1_700_000_000_000L, 1_704_110_400_123L, 951_782_400_000L, 4_102_444_799_999L};
        for (final long timeMs : times)
        {
            text.isoTimestamp(timeMs);
            assertThat(written()).isEqualTo(Instant.ofEpochMilli(timeMs).toString().replace("Z", "").concat(
                timeMs % 1000 == 0 ? ".000Z" : "Z"));
        }
        text.displayTime(1_700_000_000_000L);
        assertThat(written()).isEqualTo("22:13:20");
    }

    private String written()
    {
        return new String(text.bytes, 0, text.length, StandardCharsets.US_ASCII);
    }
}
