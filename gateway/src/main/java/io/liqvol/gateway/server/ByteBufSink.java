package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;

import java.io.OutputStream;

/** An output stream whose target buffer can be swapped, so one JSON generator serves many messages. */
final class ByteBufSink extends OutputStream
{
    private ByteBuf target;

    void target(final ByteBuf target)
    {
        this.target = target;
    }

    @Override
    public void write(final int b)
    {
        target.writeByte(b);
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length)
    {
        target.writeBytes(bytes, offset, length);
    }
}
