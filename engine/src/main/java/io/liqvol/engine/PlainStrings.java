package io.liqvol.engine;

import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * Where a JSON string without escapes ends, found eight bytes at a time: the strict readers take only strings of
 * ASCII from space on, without '"' inside or '\', and leave anything else to jackson.
 */
final class PlainStrings
{
    /** Longer strings, names and numbers are left to jackson, whose limits are far above this. */
    static final int MAX_TEXT = 128;

    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final boolean[] PLAIN = new boolean[256];

    static
    {
        for (char c = 0x20; c < 0x80; c++)
        {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private PlainStrings()
    {
    }

    /** Whether a plain string may hold this byte. */
    static boolean isPlain(final byte b)
    {
        return PLAIN[b & 0xFF];
    }

    /**
     * The index of the quote that closes a plain string whose content starts at {@code from}, or -1 if the string
     * is not plain, is longer than {@link #MAX_TEXT} or is not closed before {@code end}.
     */
    static int closingQuote(final byte[] bytes, final int from, final int end)
    {
        final int stop = stop(bytes, from, end);
        return stop < end && bytes[stop] == '"' && stop - from <= MAX_TEXT ? stop : -1;
    }

    /** The index of the first byte in {@code [from, end)} that a plain string cannot hold, or {@code end}. */
    static int stop(final byte[] bytes, final int from, final int end)
    {
        int i = from;
        while (i <= end - Long.BYTES)
        {
            final long stops = stopBytes(word(bytes, i));
            if (stops != 0)
            {
                return i + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < end && PLAIN[bytes[i] & 0xFF])
        {
            i++;
        }
        return i;
    }

    /**
     * The eight bytes at {@code at} as a little-endian word, read without a bounds check (a byte-array view
     * {@code VarHandle} was not inlined on this path): the caller keeps {@code at + 8 <= bytes.length}.
     */
    static long word(final byte[] bytes, final int at)
    {
        final long word = UnsafeApi.getLong(bytes, BufferUtil.ARRAY_BASE_OFFSET + at);
        return BIG_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /**
     * A high bit in each byte of the word that a plain string cannot hold: '"', '\\', a control character or a byte
     * outside ASCII. Exact up to the first such byte (a borrow may mark bytes after it, which are never read).
     */
    static long stopBytes(final long word)
    {
        final long quote = word ^ (ONES * '"');
        final long backslash = word ^ (ONES * '\\');
        final long controlOrHigh = (word - ONES * 0x20) | word;
        return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | controlOrHigh) & HIGH_BITS;
    }
}
