package io.liqvol.gateway.upstream;

import io.netty.buffer.ByteBuf;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Netty frame bytes as an Agrona buffer, in place when the buffer allows it, else through a reused copy. */
final class FrameView
{
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private byte[] scratch = new byte[4096];

    /** The bytes, valid until the next call. */
    DirectBuffer wrap(final ByteBuf frame, final int index, final int length)
    {
        if (frame.hasMemoryAddress())
        {
            view.wrap(frame.memoryAddress() + index, length);
        }
        else if (frame.hasArray())
        {
            view.wrap(frame.array(), frame.arrayOffset() + index, length);
        }
        else
        {
            view.wrap(copy(frame, index, length), 0, length);
        }
        return view;
    }

    /** The bytes in a reused array (at least {@code length} long), valid until the next call. */
    byte[] copy(final ByteBuf frame, final int index, final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        frame.getBytes(index, scratch, 0, length);
        return scratch;
    }

    static boolean startsWith(final ByteBuf frame, final int from, final int to, final byte[] prefix)
    {
        return to - from >= prefix.length && regionMatches(frame, from, prefix);
    }

    static boolean regionMatches(final ByteBuf frame, final int index, final byte[] bytes)
    {
        for (int i = 0; i < bytes.length; i++)
        {
            if (frame.getByte(index + i) != bytes[i])
            {
                return false;
            }
        }
        return true;
    }
}
