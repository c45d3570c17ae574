package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
        text.notionalPlain();
        assertThat(written()).isEqualTo("138.74");
        text.notionalGrouped();
        assertThat(written()).isEqualTo("139");
        text.notional(10_000_000L, 5_000_000_000_000L);
        text.notionalPlain();
        assertThat(written()).isEqualTo("5000.00");
        text.notionalGrouped();
        assertThat(written()).isEqualTo("5,000");
    }

    @Test
    void shouldAgreeWithBigDecimalOnRandomNotionals()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            final long quantityE8 = 1 + (long)(random.nextDouble() * 1e15);
            final long priceE8 = 1 + (long)(random.nextDouble() * 1e14);
            final BigDecimal exact = BigDecimal.valueOf(quantityE8, 8).multiply(BigDecimal.valueOf(priceE8, 8));
            text.notional(quantityE8, priceE8);
            text.notionalPlain();
            assertThat(written()).isEqualTo(DecimalText.volume(exact));
            text.notionalGrouped();
            assertThat(written()).isEqualTo(DecimalText.grouped(exact));
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
