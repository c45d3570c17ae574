package io.liqvol.engine;

import com.lmax.disruptor.RingBuffer;
import org.agrona.DirectBuffer;

/**
 * The producers' side of the ring: each call claims the next slot (waiting while the ring is full), fills it and
 * publishes it. Safe from any number of threads.
 */
final class RingInput
{
    private final RingBuffer<FrameEvent> ring;

    RingInput(final RingBuffer<FrameEvent> ring)
    {
        this.ring = ring;
    }

    void frame(
        final Venue venue, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setFrame(venue, buffer, offset, length, receiveTimeNs);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    void frame(final Venue venue, final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setFrame(venue, bytes, offset, length, receiveTimeNs);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    void liquidation(
        final Venue venue, final String symbol, final Side side, final long quantityE8, final long priceE8,
        final long tradeTimeMs, final long eventTimeMs)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setLiquidation(
                venue, symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs, System.nanoTime());
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    void gap(final long fromMs, final long toMs, final GapKind kind, final Venue venue)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setGap(fromMs, toMs, kind, venue);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    void history(final long fromMs, final long toMs)
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setHistory(fromMs, toMs);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    void heartbeat()
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).setHeartbeat();
        }
        finally
        {
            ring.publish(sequence);
        }
    }
}
