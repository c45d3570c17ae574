package io.liqvol.engine;

/**
 * Text handed to the field readers as ASCII bytes, the form the scanner reads frames in. A character outside ASCII
 * becomes {@link #NOT_ASCII}, which no field accepts, so a value holding one is refused for the same reason whichever
 * path read it, and keeps its length in characters.
 */
final class AsciiText
{
    static final byte NOT_ASCII = (byte)0x80;

    private AsciiText()
    {
    }

    /** The text as ASCII bytes; allocates (cold path). */
    static byte[] of(final CharSequence text)
    {
        final byte[] bytes = new byte[text.length()];
        copy(text, bytes);
        return bytes;
    }

    /** Copies {@code text} into {@code into}, which holds at least its length. */
    static void copy(final CharSequence text, final byte[] into)
    {
        for (int i = 0; i < text.length(); i++)
        {
            into[i] = ascii(text.charAt(i));
        }
    }

    /** Copies {@code text[offset, offset + length)} to the start of {@code into}, which holds at least length. */
    static void copy(final char[] text, final int offset, final int length, final byte[] into)
    {
        for (int i = 0; i < length; i++)
        {
            into[i] = ascii(text[offset + i]);
        }
    }

    private static byte ascii(final char c)
    {
        return c < 0x80 ? (byte)c : NOT_ASCII;
    }
}
