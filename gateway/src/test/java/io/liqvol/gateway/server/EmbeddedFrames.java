package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole server text frames as the publisher encodes them, and reading them back from an embedded channel. */
final class EmbeddedFrames
{
    private EmbeddedFrames()
    {
    }

    /** An unmasked text frame with the text as its payload. */
    static ByteBuf frame(final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        final ByteBuf buffer = Unpooled.buffer(payload.length + 4).writeByte(0x81);
        if (payload.length < 126)
        {
            buffer.writeByte(payload.length);
        }
        else
        {
            buffer.writeByte(126).writeShort(payload.length);
        }
        return buffer.writeBytes(payload);
    }

    /** The payloads of the text frames written so far, in order; each written buffer is released. */
    static List<String> texts(final EmbeddedChannel channel)
    {
        final List<String> texts = new ArrayList<>();
        Object frame;
        while ((frame = channel.readOutbound()) != null)
        {
            assertThat(frame).isInstanceOf(ByteBuf.class);
            final ByteBuf bytes = (ByteBuf)frame;
            assertThat(bytes.readUnsignedByte()).isEqualTo((short)0x81);
            final int length = bytes.readUnsignedByte();
            if (length == 126)
            {
                bytes.readUnsignedShort();
            }
            texts.add(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
        return texts;
    }
}
