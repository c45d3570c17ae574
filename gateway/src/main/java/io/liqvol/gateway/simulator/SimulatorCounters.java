package io.liqvol.gateway.simulator;

import io.liqvol.engine.counters.CounterDescriptors;
import io.liqvol.engine.counters.CounterSet;

/**
 * What the simulator did, readable from any thread (tests assert on it). Event loops and the market generator write
 * them, so every counter is bumped with an atomic add.
 */
public final class SimulatorCounters
{
    private static final CounterDescriptors DESCRIPTORS = new CounterDescriptors();
    static final int CONNECTIONS_ACCEPTED = DESCRIPTORS.counter("liqvol_simulator_connections_accepted_total",
        "WebSocket connections the simulator accepted");
    static final int CONTROL_MESSAGES = DESCRIPTORS.counter("liqvol_simulator_control_messages_total",
        "Text messages clients sent the simulator");
    static final int INVALID_REQUESTS = DESCRIPTORS.counter("liqvol_simulator_invalid_requests_total",
        "Client messages the simulator answered with an error");
    static final int RATE_LIMIT_DISCONNECTS = DESCRIPTORS.counter("liqvol_simulator_rate_limit_disconnects_total",
        "Connections dropped for sending messages too fast");
    static final int PONG_TIMEOUT_DISCONNECTS = DESCRIPTORS.counter("liqvol_simulator_pong_timeout_disconnects_total",
        "Connections dropped for not answering a ping in time");
    static final int AGE_CUTS = DESCRIPTORS.counter("liqvol_simulator_age_cuts_total",
        "Connections cut for reaching the maximum age");
    static final int PINGS_SENT = DESCRIPTORS.counter("liqvol_simulator_pings_sent_total", "Pings sent to clients");
    static final int PONGS_RECEIVED = DESCRIPTORS.counter("liqvol_simulator_pongs_received_total",
        "Pongs received from clients");
    static final int LIQUIDATIONS_PUBLISHED = DESCRIPTORS.counter("liqvol_simulator_liquidations_published_total",
        "Liquidations pushed to their streams");
    static final int FRAMES_SENT = DESCRIPTORS.counter("liqvol_simulator_frames_sent_total",
        "Data frames written to clients");
    static final int KLINES_REQUESTS = DESCRIPTORS.counter("liqvol_simulator_klines_requests_total",
        "REST klines requests answered");

    private final CounterSet values = new CounterSet(DESCRIPTORS.list());

    /** Every simulator counter with its description. */
    public CounterSet counterSet()
    {
        return values;
    }

    public long connectionsAccepted()
    {
        return values.get(CONNECTIONS_ACCEPTED);
    }

    /** SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS and anything else clients sent as text. */
    public long controlMessages()
    {
        return values.get(CONTROL_MESSAGES);
    }

    public long invalidRequests()
    {
        return values.get(INVALID_REQUESTS);
    }

    /** Connections dropped for sending more messages per window than the rule allows. */
    public long rateLimitDisconnects()
    {
        return values.get(RATE_LIMIT_DISCONNECTS);
    }

    public long pongTimeoutDisconnects()
    {
        return values.get(PONG_TIMEOUT_DISCONNECTS);
    }

    /** Connections cut for reaching the maximum age (Binance's 24 hours). */
    public long ageCuts()
    {
        return values.get(AGE_CUTS);
    }

    public long pingsSent()
    {
        return values.get(PINGS_SENT);
    }

    public long pongsReceived()
    {
        return values.get(PONGS_RECEIVED);
    }

    /** Liquidations that passed the snapshot rule and were pushed to their streams. */
    public long liquidationsPublished()
    {
        return values.get(LIQUIDATIONS_PUBLISHED);
    }

    /** Data frames written to clients (one per subscribed connection and stream). */
    public long framesSent()
    {
        return values.get(FRAMES_SENT);
    }

    /** {@code GET /fapi/v1/klines} requests the simulator received. */
    public long klinesRequests()
    {
        return values.get(KLINES_REQUESTS);
    }

    void increment(final int id)
    {
        values.increment(id);
    }
}
