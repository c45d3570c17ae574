package io.liqvol.gateway.replication;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The engine takes a symbol as a String: this keeps one per name seen, found by its ASCII bytes, so that handing a
 * liquidation allocates nothing once its symbol was seen. Open addressing; it grows when half full. One thread.
 */
final class SymbolNames
{
    private byte[][] keys = new byte[256][];
    private String[] names = new String[256];
    private int size;

    String name(final byte[] ascii, final int length)
    {
        int mask = keys.length - 1;
        int slot = hash(ascii, length) & mask;
        while (keys[slot] != null)
        {
            if (matches(keys[slot], ascii, length))
            {
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > keys.length)
        {
            grow();
            mask = keys.length - 1;
            slot = hash(ascii, length) & mask;
            while (keys[slot] != null)
            {
                slot = (slot + 1) & mask;
            }
        }
        final byte[] key = Arrays.copyOf(ascii, length);
        keys[slot] = key;
        names[slot] = new String(key, StandardCharsets.US_ASCII);
        size++;
        return names[slot];
    }

    private void grow()
    {
        final byte[][] oldKeys = keys;
        final String[] oldNames = names;
        keys = new byte[oldKeys.length * 2][];
        names = new String[oldKeys.length * 2];
        final int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++)
        {
            if (oldKeys[i] != null)
            {
                int slot = hash(oldKeys[i], oldKeys[i].length) & mask;
                while (keys[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                names[slot] = oldNames[i];
            }
        }
    }

    private static boolean matches(final byte[] key, final byte[] ascii, final int length)
    {
        return key.length == length && Arrays.equals(key, 0, length, ascii, 0, length);
    }

    private static int hash(final byte[] ascii, final int length)
    {
        int hash = 0;
        for (int i = 0; i < length; i++)
        {
            hash = 31 * hash + ascii[i];
        }
        return hash ^ hash >>> 16;
    }
}
