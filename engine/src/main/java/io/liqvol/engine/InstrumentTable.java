package io.liqvol.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable map from a venue's instrument name ({@code BTC-USDT-SWAP} on OKX) to its canonical symbol ({@code
 * BTCUSDT}), contract size (E8 units of the base asset per contract) and scale (the power of ten of base units one unit
 * of the canonical symbol is: 3 where OKX's {@code PEPE-USDT-SWAP} is {@code 1000PEPEUSDT}), looked up from a frame's
 * bytes without allocating. A registration makes a new table ({@link #with}); the decode thread reads whichever was
 * published last.
 */
final class InstrumentTable
{
    static final InstrumentTable EMPTY = new InstrumentTable(16);

    private final int[] venues;
    private final byte[][] names;
    private final byte[][] symbols;
    private final long[] contractSizesE8;
    private final int[] scaleDigits;
    private final int size;
    private final int mask;

    private InstrumentTable(final int slots)
    {
        venues = new int[slots];
        names = new byte[slots][];
        symbols = new byte[slots][];
        contractSizesE8 = new long[slots];
        scaleDigits = new int[slots];
        mask = slots - 1;
        size = 0;
    }

    private InstrumentTable(final InstrumentTable from, final int slots, final int size)
    {
        venues = new int[slots];
        names = new byte[slots][];
        symbols = new byte[slots][];
        contractSizesE8 = new long[slots];
        scaleDigits = new int[slots];
        mask = slots - 1;
        this.size = size;
        for (int i = 0; i < from.names.length; i++)
        {
            if (from.names[i] != null)
            {
                put(from.venues[i], from.names[i], from.symbols[i], from.contractSizesE8[i], from.scaleDigits[i]);
            }
        }
    }

    /** This table with the instrument added, or replaced if the venue already named it. */
    InstrumentTable with(final Venue venue, final String name, final String symbol, final long contractSizeE8)
    {
        return with(venue, name, symbol, contractSizeE8, 0);
    }

    /** This table with the instrument added or replaced, one unit of {@code symbol} being 10^scaleDigits base units. */
    InstrumentTable with(
        final Venue venue, final String name, final String symbol, final long contractSizeE8, final int scaleDigits)
    {
        final byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        final boolean known = find(venue.ordinal(), nameBytes, 0, nameBytes.length) >= 0;
        final int size = known ? this.size : this.size + 1;
        final int slots = size * 2 > names.length ? names.length * 2 : names.length;
        final InstrumentTable table = new InstrumentTable(this, slots, size);
        table.put(venue.ordinal(), nameBytes, symbol.getBytes(StandardCharsets.US_ASCII), contractSizeE8, scaleDigits);
        return table;
    }

    /** The slot of the venue's instrument named by {@code text[offset, offset+length)}, or -1. Decode thread. */
    int find(final int venue, final byte[] text, final int offset, final int length)
    {
        for (int slot = hash(venue, text, offset, length) & mask; names[slot] != null; slot = (slot + 1) & mask)
        {
            final byte[] name = names[slot];
            if (venues[slot] == venue && Arrays.equals(name, 0, name.length, text, offset, offset + length))
            {
                return slot;
            }
        }
        return -1;
    }

    /** The canonical symbol's ASCII bytes of a slot {@link #find} returned. */
    byte[] symbol(final int slot)
    {
        return symbols[slot];
    }

    long contractSizeE8(final int slot)
    {
        return contractSizesE8[slot];
    }

    /** Prices are multiplied and quantities divided by 10^scaleDigits of a slot {@link #find} returned. */
    int scaleDigits(final int slot)
    {
        return scaleDigits[slot];
    }

    private void put(
        final int venue, final byte[] name, final byte[] symbol, final long contractSizeE8, final int scaleDigits)
    {
        int slot = hash(venue, name, 0, name.length) & mask;
        while (names[slot] != null && !(venues[slot] == venue && Arrays.equals(names[slot], name)))
        {
            slot = (slot + 1) & mask;
        }
        venues[slot] = venue;
        names[slot] = name;
        symbols[slot] = symbol;
        contractSizesE8[slot] = contractSizeE8;
        this.scaleDigits[slot] = scaleDigits;
    }

    private static int hash(final int venue, final byte[] text, final int offset, final int length)
    {
        int hash = venue;
        for (int i = 0; i < length; i++)
        {
            hash = 31 * hash + text[offset + i];
        }
        final int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
