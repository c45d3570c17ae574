package io.liqvol.gateway.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulator did, readable from any thread (tests assert on it). */
public final class SimulatorCounters
{
    final AtomicLong connectionsAccepted = new AtomicLong();
    final AtomicLong controlMessages = new AtomicLong();
    final AtomicLong invalidRequests = new AtomicLong();
    final AtomicLong rateLimitDisconnects = new AtomicLong();
    final AtomicLong pongTimeoutDisconnects = new AtomicLong();
    final AtomicLong ageCuts = new AtomicLong();
    final AtomicLong pingsSent = new AtomicLong();
    final AtomicLong pongsReceived = new AtomicLong();
    final AtomicLong liquidationsPublished = new AtomicLong();
    final AtomicLong framesSent = new AtomicLong();

    public long connectionsAccepted()
    {
        return connectionsAccepted.get();
    }

    /** SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS and anything else clients sent as text. */
    public long controlMessages()
    {
        return controlMessages.get();
    }

    public long invalidRequests()
    {
        return invalidRequests.get();
    }

    /** Connections dropped for sending more messages per window than the rule allows. */
    public long rateLimitDisconnects()
    {
        return rateLimitDisconnects.get();
    }

    public long pongTimeoutDisconnects()
    {
        return pongTimeoutDisconnects.get();
    }

    /** Connections cut for reaching the maximum age (Binance's 24 hours). */
    public long ageCuts()
    {
        return ageCuts.get();
    }

    public long pingsSent()
    {
        return pingsSent.get();
    }

    public long pongsReceived()
    {
        return pongsReceived.get();
    }

    /** Liquidations that passed the snapshot rule and were pushed to their streams. */
    public long liquidationsPublished()
    {
        return liquidationsPublished.get();
    }

    /** Data frames written to clients (one per subscribed connection and stream). */
    public long framesSent()
    {
        return framesSent.get();
    }
}
