package io.liqvol.engine;

/** Eight ASCII digits at once: the check and the value of a little-endian word (its first byte the first digit). */
final class AsciiDigits
{
    static final long NOT_DIGITS = -1;

    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long SIXES = 0x0606060606060606L;
    private static final long THREES = 0x3333333333333333L;
    private static final long LOW_BYTES_OF_HALVES = 0x000000FF000000FFL;

    private AsciiDigits()
    {
    }

    /** The value of the eight digits, or {@link #NOT_DIGITS} if a byte is not '0' to '9'. */
    static long valueOf(final long word)
    {
        // Each byte 0x30..0x39 keeps its high nibble 3 with and without 6 added: anything else changes one of them.
        if (((word & HIGH_NIBBLES) | (((word + SIXES) & HIGH_NIBBLES) >>> 4)) != THREES)
        {
            return NOT_DIGITS;
        }
        // Pairs, then quads, then the eight: each step multiplies the earlier half by a power of ten.
        final long pairs = (word - ZEROS) * 10 + ((word - ZEROS) >>> 8);
        return ((pairs & LOW_BYTES_OF_HALVES) * (100 + (1_000_000L << 32))
            + ((pairs >>> 16) & LOW_BYTES_OF_HALVES) * (1 + (10_000L << 32))) >>> 32;
    }
}
