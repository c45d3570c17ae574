package io.liqvol.gateway.upstream;

import io.liqvol.engine.counters.CounterDescriptors;
import io.liqvol.engine.counters.CounterSet;

/**
 * What the Binance client saw and did, readable from any thread (for {@code /metrics} and tests). Connections run on
 * several event loops, so every counter is bumped with an atomic add.
 */
public final class UpstreamCounters
{
    private static final CounterDescriptors DESCRIPTORS = new CounterDescriptors();
    static final int FRAMES_RECEIVED = DESCRIPTORS.counter("liqvol_upstream_frames_received_total",
        "Frames received from the upstream");
    static final int MALFORMED_FRAMES = DESCRIPTORS.counter("liqvol_upstream_malformed_frames_total",
        "Upstream frames that could not be read");
    static final int RECONNECTS = DESCRIPTORS.counter("liqvol_upstream_reconnects_total",
        "Upstream reconnections after a loss");
    static final int ROTATIONS = DESCRIPTORS.counter("liqvol_upstream_rotations_total",
        "Planned upstream connection rotations");
    static final int LIQUIDATION_FRAMES = DESCRIPTORS.counter("liqvol_upstream_liquidation_frames_total",
        "Upstream liquidation frames handed to the engine");
    static final int KLINE_FRAMES = DESCRIPTORS.counter("liqvol_upstream_kline_frames_total", "Upstream kline events");
    static final int IGNORED_FRAMES = DESCRIPTORS.counter("liqvol_upstream_ignored_frames_total",
        "Well-formed upstream frames of a stream nobody consumes");
    static final int CONTROL_MESSAGES_SENT = DESCRIPTORS.counter("liqvol_upstream_control_messages_sent_total",
        "Subscribe, unsubscribe and ping messages sent upstream");
    static final int SUBSCRIPTION_ERRORS = DESCRIPTORS.counter("liqvol_upstream_subscription_errors_total",
        "Subscription requests the upstream answered with an error");
    static final int CONNECTIONS_OPENED = DESCRIPTORS.counter("liqvol_upstream_connections_opened_total",
        "Upstream WebSocket handshakes completed");
    static final int IDLE_TIMEOUTS = DESCRIPTORS.counter("liqvol_upstream_idle_timeouts_total",
        "Upstream connections given up because no frame arrived in time");
    static final int CONNECT_FAILURES = DESCRIPTORS.counter("liqvol_upstream_connect_failures_total",
        "Upstream connection attempts that failed before a socket was connected");

    private final CounterSet values = new CounterSet(DESCRIPTORS.list());

    /** Every upstream counter with its description, for {@code /metrics}. */
    public CounterSet counterSet()
    {
        return values;
    }

    /** Text frames received on every connection. */
    public long framesReceived()
    {
        return values.get(FRAMES_RECEIVED);
    }

    /** forceOrder events handed to the frame sink. */
    public long liquidationFrames()
    {
        return values.get(LIQUIDATION_FRAMES);
    }

    public long klineFrames()
    {
        return values.get(KLINE_FRAMES);
    }

    /** Frames that were not a recognisable envelope, answer or kline event; counted and skipped. */
    public long malformedFrames()
    {
        return values.get(MALFORMED_FRAMES);
    }

    /** Well-formed frames of a stream this client does not consume. */
    public long ignoredFrames()
    {
        return values.get(IGNORED_FRAMES);
    }

    /** SUBSCRIBE / UNSUBSCRIBE messages and pings sent, all paced. */
    public long controlMessagesSent()
    {
        return values.get(CONTROL_MESSAGES_SENT);
    }

    public long subscriptionErrors()
    {
        return values.get(SUBSCRIPTION_ERRORS);
    }

    /** WebSocket handshakes completed. */
    public long connectionsOpened()
    {
        return values.get(CONNECTIONS_OPENED);
    }

    public long reconnects()
    {
        return values.get(RECONNECTS);
    }

    /** Make-before-break replacements completed. */
    public long rotations()
    {
        return values.get(ROTATIONS);
    }

    /** Connections given up because no frame arrived within the idle timeout. */
    public long idleTimeouts()
    {
        return values.get(IDLE_TIMEOUTS);
    }

    /** Attempts that failed before a socket was connected: refused, unresolvable, no socket to be had. */
    public long connectFailures()
    {
        return values.get(CONNECT_FAILURES);
    }

    void increment(final int id)
    {
        values.increment(id);
    }
}
