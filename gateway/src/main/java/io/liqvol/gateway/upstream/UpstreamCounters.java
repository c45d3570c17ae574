package io.liqvol.gateway.upstream;

import java.util.concurrent.atomic.AtomicLong;

/** What the Binance client saw and did, readable from any thread (for {@code /metrics} and tests). */
public final class UpstreamCounters
{
    final AtomicLong framesReceived = new AtomicLong();
    final AtomicLong liquidationFrames = new AtomicLong();
    final AtomicLong klineFrames = new AtomicLong();
    final AtomicLong malformedFrames = new AtomicLong();
    final AtomicLong ignoredFrames = new AtomicLong();
    final AtomicLong controlMessagesSent = new AtomicLong();
    final AtomicLong subscriptionErrors = new AtomicLong();
    final AtomicLong connectionsOpened = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong rotations = new AtomicLong();
    final AtomicLong idleTimeouts = new AtomicLong();

    /** Text frames received on every connection. */
    public long framesReceived()
    {
        return framesReceived.get();
    }

    /** forceOrder events handed to the frame sink. */
    public long liquidationFrames()
    {
        return liquidationFrames.get();
    }

    public long klineFrames()
    {
        return klineFrames.get();
    }

    /** Frames that were not a recognisable envelope, answer or kline event; counted and skipped. */
    public long malformedFrames()
    {
        return malformedFrames.get();
    }

    /** Well-formed frames of a stream this client does not consume. */
    public long ignoredFrames()
    {
        return ignoredFrames.get();
    }

    /** SUBSCRIBE / UNSUBSCRIBE messages and pings sent, all paced. */
    public long controlMessagesSent()
    {
        return controlMessagesSent.get();
    }

    public long subscriptionErrors()
    {
        return subscriptionErrors.get();
    }

    /** WebSocket handshakes completed. */
    public long connectionsOpened()
    {
        return connectionsOpened.get();
    }

    public long reconnects()
    {
        return reconnects.get();
    }

    /** Make-before-break replacements completed. */
    public long rotations()
    {
        return rotations.get();
    }

    /** Connections given up because no frame arrived within the idle timeout. */
    public long idleTimeouts()
    {
        return idleTimeouts.get();
    }
}
