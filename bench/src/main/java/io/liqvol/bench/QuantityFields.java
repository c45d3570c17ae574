package io.liqvol.bench;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The {@code "quantity":"…"} fields of the rows of a {@code liquidation_order} message, where the harnesses put an
 * event's index: found by the pattern's rare second byte ({@code q}, twice a row) rather than by the quote that
 * every field has, and read as the integer part of the value.
 */
final class QuantityFields
{
    private static final byte[] PATTERN = "\"quantity\":\"".getBytes(StandardCharsets.US_ASCII);

    private QuantityFields()
    {
    }

    /** The index just after the next pattern in {@code [from, to)}, or -1. */
    static int next(final ByteBuf content, final int from, final int to)
    {
        int at = from + 1;
        while ((at = content.indexOf(at, to - PATTERN.length + 2, PATTERN[1])) >= 0)
        {
            int j = 0;
            while (j < PATTERN.length && content.getByte(at - 1 + j) == PATTERN[j])
            {
                j++;
            }
            if (j == PATTERN.length)
            {
                return at - 1 + PATTERN.length;
            }
            at++;
        }
        return -1;
    }

    /** The integer part of the value that starts at {@code at}. */
    static long integerAt(final ByteBuf content, final int at, final int to)
    {
        long value = 0;
        byte digit;
        for (int i = at; i < to && (digit = content.getByte(i)) >= '0' && digit <= '9'; i++)
        {
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
