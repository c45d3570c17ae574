package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;

/**
 * One encoded message, a whole WebSocket text frame, shared by every subscriber that receives it. Each
 * subscriber holds one reference of {@link #bytes} and writes a duplicate of it. A message with a coalescing
 * key (a bucket or a candle) carries accumulated state, so a newer message with the same key replaces it for
 * a lagging client.
 */
final class OutboundMessage
{
    static final int NOT_COALESCED = -1;

    final ByteBuf bytes;
    final int coalesceGroup;
    final long coalesceTimeMs;
    /** The newest engine sequence among the liquidations it carries, or -1 when it carries none. */
    final long lastSequence;
    /** A copy of the liquidations it carries, attached only while a client of the symbol is joining; else null. */
    final OrderRows rows;
    /** Upstream receipt of the oldest liquidation in the message, or 0 when it carries none. */
    final long receiveTimeNs;

    private OutboundMessage(
        final ByteBuf bytes,
        final int coalesceGroup,
        final long coalesceTimeMs,
        final long receiveTimeNs,
        final long lastSequence,
        final OrderRows rows)
    {
        this.bytes = bytes;
        this.coalesceGroup = coalesceGroup;
        this.coalesceTimeMs = coalesceTimeMs;
        this.receiveTimeNs = receiveTimeNs;
        this.lastSequence = lastSequence;
        this.rows = rows;
    }

    /** A message delivered in order that carries no liquidation (a gap). */
    static OutboundMessage ordered(final ByteBuf bytes)
    {
        return new OutboundMessage(bytes, NOT_COALESCED, 0, 0, -1, null);
    }

    /** Live liquidations, delivered in order. */
    static OutboundMessage orders(
        final ByteBuf bytes, final long receiveTimeNs, final long lastSequence, final OrderRows rows)
    {
        return new OutboundMessage(bytes, NOT_COALESCED, 0, receiveTimeNs, lastSequence, rows);
    }

    static OutboundMessage coalesced(final ByteBuf bytes, final int group, final long timeMs)
    {
        return new OutboundMessage(bytes, group, timeMs, 0, -1, null);
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
