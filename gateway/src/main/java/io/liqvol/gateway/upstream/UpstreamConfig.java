package io.liqvol.gateway.upstream;

import io.liqvol.engine.InvalidSettingException;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the Binance client: fluent setters, then {@link #conclude()} validates. Defaults keep
 * Binance's rules with margin (5 control messages per second against a limit of 10, rotation an hour before
 * the 24-hour cut); tests shorten the intervals.
 */
public final class UpstreamConfig
{
    public static final String DEFAULT_WS_BASE_URL = "wss://fstream.binance.com/market";
    public static final String DEFAULT_REST_BASE_URL = "https://fapi.binance.com";
    public static final UpstreamMode DEFAULT_MODE = UpstreamMode.ALL_MARKET;

    private String wsBaseUrl = DEFAULT_WS_BASE_URL;
    private String restBaseUrl = DEFAULT_REST_BASE_URL;
    private UpstreamMode mode = DEFAULT_MODE;
    private URI proxy;
    private long connectTimeoutMs = 10_000;
    private long liveTimeoutMs = 30_000;
    private long idleTimeoutMs = 60_000;
    private long pingIntervalMs = 20_000;
    private long initialBackoffMs = 250;
    private long maxBackoffMs = 30_000;
    private long healthyAfterMs = 60_000;
    private long rotateAfterMs = 23 * 3_600_000L;
    private long closeTimeoutMs = 5_000;
    private long controlIntervalMs = 200;
    private int maxStreamsPerConnection = 1024;
    private int maxStreamsPerMessage = 200;
    private int maxFrameBytes = 1 << 20;
    private int maxGapsKept = 1000;
    private long exchangeInfoRefreshMs = 3_600_000;
    private long requestTimeoutMs = 10_000;
    private boolean concluded;

    /** The stream base, {@code BINANCE_WS_BASE_URL}; {@code ws://} (the simulator) or {@code wss://}. */
    public UpstreamConfig wsBaseUrl(final String wsBaseUrl)
    {
        this.wsBaseUrl = wsBaseUrl;
        return this;
    }

    public String wsBaseUrl()
    {
        return wsBaseUrl;
    }

    /** The REST base, {@code BINANCE_REST_BASE_URL}; {@code http://} or {@code https://}. */
    public UpstreamConfig restBaseUrl(final String restBaseUrl)
    {
        this.restBaseUrl = restBaseUrl;
        return this;
    }

    public String restBaseUrl()
    {
        return restBaseUrl;
    }

    public UpstreamConfig mode(final UpstreamMode mode)
    {
        this.mode = mode;
        return this;
    }

    public UpstreamMode mode()
    {
        return mode;
    }

    /** An HTTP CONNECT proxy such as {@code http://user:pass@proxy:3128}, or null for direct connections. */
    public UpstreamConfig proxy(final URI proxy)
    {
        this.proxy = proxy;
        return this;
    }

    public URI proxy()
    {
        return proxy;
    }

    /** The proxy named by {@code HTTPS_PROXY} (or {@code https_proxy}) in the environment, or null. */
    public static URI proxyFromEnvironment(final Map<String, String> environment)
    {
        String value = environment.get("HTTPS_PROXY");
        if (value == null || value.isBlank())
        {
            value = environment.get("https_proxy");
        }
        if (value == null || value.isBlank())
        {
            return null;
        }
        final String trimmed = value.strip();
        return URI.create(trimmed.contains("://") ? trimmed : "http://" + trimmed);
    }

    public UpstreamConfig connectTimeoutMs(final long connectTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        return this;
    }

    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /** A connection whose subscriptions are not all acknowledged this long after it was opened is given up. */
    public UpstreamConfig liveTimeoutMs(final long liveTimeoutMs)
    {
        this.liveTimeoutMs = liveTimeoutMs;
        return this;
    }

    public long liveTimeoutMs()
    {
        return liveTimeoutMs;
    }

    /** A connection that received no frame (data, ping or pong) for this long is treated as dead. */
    public UpstreamConfig idleTimeoutMs(final long idleTimeoutMs)
    {
        this.idleTimeoutMs = idleTimeoutMs;
        return this;
    }

    public long idleTimeoutMs()
    {
        return idleTimeoutMs;
    }

    /** How often the client pings, so that a quiet but healthy connection still shows traffic (pongs). */
    public UpstreamConfig pingIntervalMs(final long pingIntervalMs)
    {
        this.pingIntervalMs = pingIntervalMs;
        return this;
    }

    public long pingIntervalMs()
    {
        return pingIntervalMs;
    }

    public UpstreamConfig initialBackoffMs(final long initialBackoffMs)
    {
        this.initialBackoffMs = initialBackoffMs;
        return this;
    }

    public long initialBackoffMs()
    {
        return initialBackoffMs;
    }

    public UpstreamConfig maxBackoffMs(final long maxBackoffMs)
    {
        this.maxBackoffMs = maxBackoffMs;
        return this;
    }

    public long maxBackoffMs()
    {
        return maxBackoffMs;
    }

    /** The backoff starts again from its initial delay only after a connection stayed live this long. */
    public UpstreamConfig healthyAfterMs(final long healthyAfterMs)
    {
        this.healthyAfterMs = healthyAfterMs;
        return this;
    }

    public long healthyAfterMs()
    {
        return healthyAfterMs;
    }

    /** Age at which a connection is replaced (make before break), before the exchange's own cut. */
    public UpstreamConfig rotateAfterMs(final long rotateAfterMs)
    {
        this.rotateAfterMs = rotateAfterMs;
        return this;
    }

    public long rotateAfterMs()
    {
        return rotateAfterMs;
    }

    /** How long a graceful close waits for the exchange's close answer before dropping the connection. */
    public UpstreamConfig closeTimeoutMs(final long closeTimeoutMs)
    {
        this.closeTimeoutMs = closeTimeoutMs;
        return this;
    }

    public long closeTimeoutMs()
    {
        return closeTimeoutMs;
    }

    /** Minimum time between two outgoing messages (control or ping) on one connection; 200 ms = 5 per second. */
    public UpstreamConfig controlIntervalMs(final long controlIntervalMs)
    {
        this.controlIntervalMs = controlIntervalMs;
        return this;
    }

    public long controlIntervalMs()
    {
        return controlIntervalMs;
    }

    /** Streams per connection; more streams open more connections (Binance allows 1024). */
    public UpstreamConfig maxStreamsPerConnection(final int maxStreamsPerConnection)
    {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
        return this;
    }

    public int maxStreamsPerConnection()
    {
        return maxStreamsPerConnection;
    }

    /** Streams named in one SUBSCRIBE or UNSUBSCRIBE message. */
    public UpstreamConfig maxStreamsPerMessage(final int maxStreamsPerMessage)
    {
        this.maxStreamsPerMessage = maxStreamsPerMessage;
        return this;
    }

    public int maxStreamsPerMessage()
    {
        return maxStreamsPerMessage;
    }

    public UpstreamConfig maxFrameBytes(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /** Gaps kept in memory for the status (all of them go to the gap sink, which persists them). */
    public UpstreamConfig maxGapsKept(final int maxGapsKept)
    {
        this.maxGapsKept = maxGapsKept;
        return this;
    }

    public int maxGapsKept()
    {
        return maxGapsKept;
    }

    public UpstreamConfig exchangeInfoRefreshMs(final long exchangeInfoRefreshMs)
    {
        this.exchangeInfoRefreshMs = exchangeInfoRefreshMs;
        return this;
    }

    public long exchangeInfoRefreshMs()
    {
        return exchangeInfoRefreshMs;
    }

    /** Time allowed for one REST request, connection included. */
    public UpstreamConfig requestTimeoutMs(final long requestTimeoutMs)
    {
        this.requestTimeoutMs = requestTimeoutMs;
        return this;
    }

    public long requestTimeoutMs()
    {
        return requestTimeoutMs;
    }

    /** Validates every value; throws {@link InvalidSettingException} naming the first bad one. */
    public UpstreamConfig conclude()
    {
        if (concluded)
        {
            return this;
        }
        requireUrl("wsBaseUrl", wsBaseUrl, "ws", "wss");
        requireUrl("restBaseUrl", restBaseUrl, "http", "https");
        require(mode != null, "mode", "must be set");
        require(proxy == null || proxy.getHost() != null && proxy.getPort() > 0, "proxy",
            "must name a host and a port, was " + proxy);
        requirePositive("connectTimeoutMs", connectTimeoutMs);
        requirePositive("liveTimeoutMs", liveTimeoutMs);
        requirePositive("idleTimeoutMs", idleTimeoutMs);
        require(pingIntervalMs >= 1 && pingIntervalMs < idleTimeoutMs, "pingIntervalMs",
            "must be >= 1 and below idleTimeoutMs, was " + pingIntervalMs);
        requirePositive("initialBackoffMs", initialBackoffMs);
        require(maxBackoffMs >= initialBackoffMs, "maxBackoffMs",
            "must be >= initialBackoffMs, was " + maxBackoffMs);
        require(healthyAfterMs >= 0, "healthyAfterMs", "must be >= 0, was " + healthyAfterMs);
        requirePositive("rotateAfterMs", rotateAfterMs);
        requirePositive("closeTimeoutMs", closeTimeoutMs);
        requirePositive("controlIntervalMs", controlIntervalMs);
        requirePositive("maxStreamsPerConnection", maxStreamsPerConnection);
        requirePositive("maxStreamsPerMessage", maxStreamsPerMessage);
        require(maxFrameBytes >= 1024, "maxFrameBytes", "must be >= 1024, was " + maxFrameBytes);
        requirePositive("maxGapsKept", maxGapsKept);
        requirePositive("exchangeInfoRefreshMs", exchangeInfoRefreshMs);
        requirePositive("requestTimeoutMs", requestTimeoutMs);
        concluded = true;
        return this;
    }

    /**
     * The URL, if its scheme is one of the two given and it names a host; else an {@link InvalidSettingException}
     * for that setting.
     */
    public static URI requireUrl(final String setting, final String url, final String plainScheme,
        final String secureScheme)
    {
        final String problem = "must be a " + plainScheme + ":// or " + secureScheme + ":// URL, was " + url;
        final URI uri;
        try
        {
            uri = URI.create(url);
        }
        catch (final IllegalArgumentException | NullPointerException ex)
        {
            throw new InvalidSettingException(setting, problem);
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        require((plainScheme.equals(scheme) || secureScheme.equals(scheme)) && uri.getHost() != null, setting, problem);
        return uri;
    }

    private static void requirePositive(final String name, final long value)
    {
        require(value >= 1, name, "must be >= 1, was " + value);
    }

    private static void require(final boolean valid, final String name, final String problem)
    {
        if (!valid)
        {
            throw new InvalidSettingException(name, problem);
        }
    }
}
