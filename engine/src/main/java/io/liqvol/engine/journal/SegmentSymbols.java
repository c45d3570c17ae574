package io.liqvol.engine.journal;

import java.util.Arrays;

/**
 * The symbol names of one segment by the numbers its liquidations carry, dense from 0 in the order the segment's
 * symbol records define them. One thread defines (the writer, or whoever loads a segment found on disk); any thread
 * reads a number it found in a committed record, which was defined before that record was committed.
 */
final class SegmentSymbols
{
    private static final int INITIAL_CAPACITY = 16;

    private volatile byte[][] names = new byte[INITIAL_CAPACITY][];
    private volatile int count;

    /** How many symbols are defined; the next definition takes this number. */
    int count()
    {
        return count;
    }

    /** Defines the next number as {@code name} (ASCII) and returns it. Defining thread only. */
    int define(final byte[] name)
    {
        final int id = count;
        put(id, name);
        return id;
    }

    /**
     * Defines number {@code id} as {@code name}, as read from a symbol record; numbers left out (their record was
     * corrupt) stay undefined. Defining thread only.
     */
    void put(final int id, final byte[] name)
    {
        byte[][] current = names;
        if (id >= current.length)
        {
            current = Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
            names = current;
        }
        current[id] = name;
        count = Math.max(count, id + 1);
    }

    /** The name of symbol number {@code id}, or null if the segment does not define it. */
    byte[] name(final int id)
    {
        final int defined = count;
        return id >= 0 && id < defined ? names[id] : null;
    }

    /** The number of the symbol named {@code name}, or -1 if the segment has not defined it. Cold path. */
    int idOf(final byte[] name)
    {
        final int defined = count;
        final byte[][] current = names;
        for (int id = 0; id < defined; id++)
        {
            if (Arrays.equals(current[id], name))
            {
                return id;
            }
        }
        return -1;
    }
}
