package io.liqvol.engine;

import java.util.Arrays;

/** A fixed piece of ASCII text, compared with a frame's bytes eight at a time. */
final class AsciiLiteral
{
    private final byte[] bytes;
    /** The text as little-endian words, the last one zero-padded. */
    private final long[] words;
    /** The bytes of the last word that belong to the text. */
    private final long lastMask;

    AsciiLiteral(final String text)
    {
        bytes = AsciiText.of(text);
        words = new long[(bytes.length + Long.BYTES - 1) / Long.BYTES];
        for (int i = 0; i < bytes.length; i++)
        {
            words[i / Long.BYTES] |= (bytes[i] & 0xFFL) << (8 * (i % Long.BYTES));
        }
        final int lastBytes = bytes.length - (words.length - 1) * Long.BYTES;
        lastMask = lastBytes == Long.BYTES ? -1L : (1L << (8 * lastBytes)) - 1;
    }

    int length()
    {
        return bytes.length;
    }

    /** Whether {@code frame[at, at + length())} holds the text and lies before {@code end}. */
    boolean matches(final byte[] frame, final int at, final int end)
    {
        if (at + bytes.length > end)
        {
            return false;
        }
        if (at + words.length * Long.BYTES > frame.length)
        {
            // Too near the end of the array to read whole words.
            return Arrays.equals(frame, at, at + bytes.length, bytes, 0, bytes.length);
        }
        final int last = words.length - 1;
        for (int w = 0; w < last; w++)
        {
            if (PlainStrings.word(frame, at + w * Long.BYTES) != words[w])
            {
                return false;
            }
        }
        return (PlainStrings.word(frame, at + last * Long.BYTES) & lastMask) == words[last];
    }
}
