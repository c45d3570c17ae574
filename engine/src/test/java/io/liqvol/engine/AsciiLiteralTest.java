package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiLiteralTest
{
    @Test
    void shouldMatchTextOfEveryLengthAtEveryPositionOnly()
    {
        final String text = "{\"e\":\"forceOrder\",\"E\":1}";
        for (int length = 1; length <= 20; length++)
        {
            final AsciiLiteral literal = new AsciiLiteral(text.substring(0, length));
            final byte[] frame = ("xx" + text).getBytes(StandardCharsets.US_ASCII);
            assertThat(literal.matches(frame, 2, frame.length)).as("length %d", length).isTrue();
            assertThat(literal.matches(frame, 1, frame.length)).as("shifted, length %d", length).isFalse();
            assertThat(literal.matches(frame, 2, 2 + length - 1)).as("beyond the end, length %d", length).isFalse();
            frame[2 + length - 1] ^= 0x20;
            assertThat(literal.matches(frame, 2, frame.length)).as("last byte changed, length %d", length).isFalse();
        }
    }

    @Test
    void shouldMatchAtTheVeryEndOfTheArray()
    {
        final AsciiLiteral literal = new AsciiLiteral("\",\"T\":");
        final byte[] frame = "abc\",\"T\":".getBytes(StandardCharsets.US_ASCII);

        assertThat(literal.matches(frame, 3, frame.length)).isTrue();
        assertThat(literal.length()).isEqualTo(6);
    }
}
