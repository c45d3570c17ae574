package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;

/**
 * One encoded message, a whole WebSocket text frame, shared by every subscriber that receives it. Each
 * subscriber holds one reference of {@link #bytes} and writes a duplicate of it. A message with a coalescing key (a bucket or a candle)
 * carries accumulated state, so a newer message with the same key replaces it for a lagging client.
 */
final class OutboundMessage
{
    static final int NOT_COALESCED = -1;

    final ByteBuf bytes;
    final int coalesceGroup;
    final long coalesceTimeMs;
    /** Upstream receipt of the oldest liquidation in the message, or 0 when it carries none. */
    final long receiveTimeNs;

    OutboundMessage(final ByteBuf bytes, final int coalesceGroup, final long coalesceTimeMs, final long receiveTimeNs)
    {
        this.bytes = bytes;
        this.coalesceGroup = coalesceGroup;
        this.coalesceTimeMs = coalesceTimeMs;
        this.receiveTimeNs = receiveTimeNs;
    }

    static OutboundMessage ordered(final ByteBuf bytes, final long receiveTimeNs)
    {
        return new OutboundMessage(bytes, NOT_COALESCED, 0, receiveTimeNs);
    }

    static OutboundMessage coalesced(final ByteBuf bytes, final int group, final long timeMs)
    {
        return new OutboundMessage(bytes, group, timeMs, 0);
    }

    boolean isCoalesced()
    {
        return coalesceGroup != NOT_COALESCED;
    }

    boolean sameKey(final OutboundMessage other)
    {
        return coalesceGroup == other.coalesceGroup && coalesceTimeMs == other.coalesceTimeMs;
    }

    int sizeBytes()
    {
        return bytes.readableBytes();
    }
}
