package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiDigitsTest
{
    @Test
    void shouldReadEveryRunOfEightDigits()
    {
        final SplittableRandom random = new SplittableRandom(8);
        for (int n = 0; n < 200_000; n++)
        {
            final String digits = String.format("%08d", random.nextInt(100_000_000));
            assertThat(AsciiDigits.valueOf(word(digits))).as(digits).isEqualTo(Long.parseLong(digits));
        }
        assertThat(AsciiDigits.valueOf(word("00000000"))).isZero();
        assertThat(AsciiDigits.valueOf(word("99999999"))).isEqualTo(99_999_999L);
    }

    @Test
    void shouldRefuseAnyByteThatIsNotADigit()
    {
        for (int at = 0; at < 8; at++)
        {
            for (int b = 0; b < 256; b++)
            {
                if (b >= '0' && b <= '9')
                {
                    continue;
                }
                final byte[] bytes = "12345678".getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte)b;
                assertThat(AsciiDigits.valueOf(PlainStrings.word(bytes, 0))).as("byte %d at %d", b, at)
                    .isEqualTo(AsciiDigits.NOT_DIGITS);
            }
        }
    }

    private static long word(final String digits)
    {
        return PlainStrings.word(digits.getBytes(StandardCharsets.US_ASCII), 0);
    }
}
