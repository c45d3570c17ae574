package io.liqvol.gateway.server;

import io.liqvol.engine.InvalidSettingException;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Settings of the client-facing server: address, limits and timers. Fluent setters, then
 * {@link #conclude()} validates. Sizes are in bytes and times in milliseconds, as their names say.
 */
public final class ServerConfig
{
    /** Loopback only: exposing the gateway is a decision. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Well below the total, so that a few addresses cannot take every connection. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
    /** Within the reserve, an address may hold at most this many connections: a browser page's worth. */
    public static final int RESERVE_PER_ADDRESS = 8;
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_MAX_CLIENT_FRAME_BYTES = 4096;
    public static final int DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final int DEFAULT_MAX_PENDING_BYTES = 1 << 20;
    public static final int DEFAULT_PING_INTERVAL_MS = 30_000;
    public static final int DEFAULT_PONG_TIMEOUT_MS = 90_000;
    public static final int DEFAULT_QUERY_THREADS = 2;
    /** Four of the largest ranges per address, twenty for the whole server, at about 300 bytes a bucket. */
    public static final int DEFAULT_QUERY_BUDGET_PER_ADDRESS = 20_000;
    public static final int DEFAULT_QUERY_BUDGET = 100_000;
    /** Half of what Binance allows an IP for USD-M futures (2,400 a minute), leaving room for others on the IP. */
    public static final int DEFAULT_UPSTREAM_WEIGHT_PER_MINUTE = 1_200;
    /** An HTTP connection without a request for this long is closed (WebSocket clients have their own keep-alive). */
    public static final long HTTP_IDLE_MS = 120_000L;

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
    private int maxClientFrameBytes = DEFAULT_MAX_CLIENT_FRAME_BYTES;
    private int maxHttpRequestBytes = 8192;
    private int requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private int maxRangeBuckets = 5000;
    private int defaultRangeBuckets = 500;
    private List<String> allowedOrigins = List.of();
    private List<String> allowedHosts = List.of();
    /** Negative: a tenth of {@link #maxConnections}. */
    private int reservedConnections = -1;
    private int headerTimeoutMs = DEFAULT_HEADER_TIMEOUT_MS;
    private int maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;
    private int writeBufferLowBytes = 128 << 10;
    private int writeBufferHighBytes = 256 << 10;
    private int outboundQueueMessages = 65_536;
    private int socketSendBufferBytes;
    private int pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
    private int pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
    private long closeTimeoutMs = 5_000L;
    private int queryThreads = DEFAULT_QUERY_THREADS;
    private int queryBudget = DEFAULT_QUERY_BUDGET;
    private int queryBudgetPerAddress = DEFAULT_QUERY_BUDGET_PER_ADDRESS;
    private int upstreamWeightPerMinute = DEFAULT_UPSTREAM_WEIGHT_PER_MINUTE;
    private String apiToken = "";
    private Path apiTokensFile;
    private String adminHost = DEFAULT_HOST;
    /** Negative: no admin port; /metrics and /health details stay on the main port. */
    private int adminPort = -1;
    private Path tlsCertFile;
    private List<String> trustedProxies = List.of();
    private BooleanSupplier clientsAdmitted = () -> true;
    private Path tlsKeyFile;

    public ServerConfig host(final String host)
    {
        this.host = host;
        return this;
    }

    public String host()
    {
        return host;
    }

    /** 0 lets the operating system choose. */
    public ServerConfig port(final int port)
    {
        this.port = port;
        return this;
    }

    public int port()
    {
        return port;
    }

    public ServerConfig maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    public int maxConnections()
    {
        return maxConnections;
    }

    public ServerConfig maxConnectionsPerAddress(final int maxConnectionsPerAddress)
    {
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        return this;
    }

    public int maxConnectionsPerAddress()
    {
        return maxConnectionsPerAddress;
    }

    /**
     * The last connections of {@link #maxConnections}, held back for addresses that hold fewer than
     * {@link #RESERVE_PER_ADDRESS}: addresses that took the rest cannot lock newcomers out. Default a tenth.
     */
    public ServerConfig reservedConnections(final int reservedConnections)
    {
        this.reservedConnections = reservedConnections;
        return this;
    }

    public int reservedConnections()
    {
        return reservedConnections < 0 ? maxConnections / 10 : reservedConnections;
    }

    /** A request's headers must have arrived this long after its first byte, else the connection is closed. */
    public ServerConfig headerTimeoutMs(final int headerTimeoutMs)
    {
        this.headerTimeoutMs = headerTimeoutMs;
        return this;
    }

    public int headerTimeoutMs()
    {
        return headerTimeoutMs;
    }

    public ServerConfig maxClientFrameBytes(final int maxClientFrameBytes)
    {
        this.maxClientFrameBytes = maxClientFrameBytes;
        return this;
    }

    public int maxClientFrameBytes()
    {
        return maxClientFrameBytes;
    }

    public int maxHttpRequestBytes()
    {
        return maxHttpRequestBytes;
    }

    /** Requests (HTTP requests or client WebSocket messages) per second and connection; bursts of twice that. */
    public ServerConfig requestsPerSecond(final int requestsPerSecond)
    {
        this.requestsPerSecond = requestsPerSecond;
        return this;
    }

    public int requestsPerSecond()
    {
        return requestsPerSecond;
    }

    public ServerConfig maxRangeBuckets(final int maxRangeBuckets)
    {
        this.maxRangeBuckets = maxRangeBuckets;
        return this;
    }

    public int maxRangeBuckets()
    {
        return maxRangeBuckets;
    }

    /** Buckets sent when a client names no range: the klines endpoint's default window. */
    public int defaultRangeBuckets()
    {
        return defaultRangeBuckets;
    }

    /** Origins (such as {@code https://desk.example}) allowed besides the gateway's own. */
    public ServerConfig allowedOrigins(final List<String> allowedOrigins)
    {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        return this;
    }

    public List<String> allowedOrigins()
    {
        return allowedOrigins;
    }

    /**
     * Host names (such as {@code desk.example}) that requests may name besides the loopback names and the bound
     * address; {@code *} for any. Checked against the Host header, port left out (DNS rebinding).
     */
    public ServerConfig allowedHosts(final List<String> allowedHosts)
    {
        this.allowedHosts = List.copyOf(allowedHosts);
        return this;
    }

    public List<String> allowedHosts()
    {
        return allowedHosts;
    }

    /** Bytes of orders a lagging client may have waiting before it is closed with 1013. */
    public ServerConfig maxPendingBytes(final int maxPendingBytes)
    {
        this.maxPendingBytes = maxPendingBytes;
        return this;
    }

    public int maxPendingBytes()
    {
        return maxPendingBytes;
    }

    public ServerConfig writeBufferWaterMarks(final int lowBytes, final int highBytes)
    {
        this.writeBufferLowBytes = lowBytes;
        this.writeBufferHighBytes = highBytes;
        return this;
    }

    public int writeBufferLowBytes()
    {
        return writeBufferLowBytes;
    }

    public int writeBufferHighBytes()
    {
        return writeBufferHighBytes;
    }

    /** The kernel's send buffer per client socket; 0 keeps the operating system's default (auto-tuned). */
    public ServerConfig socketSendBufferBytes(final int socketSendBufferBytes)
    {
        this.socketSendBufferBytes = socketSendBufferBytes;
        return this;
    }

    public int socketSendBufferBytes()
    {
        return socketSendBufferBytes;
    }

    /** Messages that may wait between the publishers and one event loop (each for all its clients). */
    public int outboundQueueMessages()
    {
        return outboundQueueMessages;
    }

    /** How often every WebSocket client is pinged, whatever else it is sent. */
    public ServerConfig pingIntervalMs(final int pingIntervalMs)
    {
        this.pingIntervalMs = pingIntervalMs;
        return this;
    }

    public int pingIntervalMs()
    {
        return pingIntervalMs;
    }

    /** A WebSocket client from which nothing (not even a pong) arrived for this long is closed. */
    public ServerConfig pongTimeoutMs(final int pongTimeoutMs)
    {
        this.pongTimeoutMs = pongTimeoutMs;
        return this;
    }

    public int pongTimeoutMs()
    {
        return pongTimeoutMs;
    }

    /** How long a closing handshake may take before the connection is cut. */
    public long closeTimeoutMs()
    {
        return closeTimeoutMs;
    }

    /** Threads that run history queries (one address runs on at most half of them). */
    public ServerConfig queryThreads(final int queryThreads)
    {
        this.queryThreads = queryThreads;
        return this;
    }

    public int queryThreads()
    {
        return queryThreads;
    }

    /** Buckets and rows of history queries the server holds at once, from admission until written; beyond: 503. */
    public ServerConfig queryBudget(final int queryBudget)
    {
        this.queryBudget = queryBudget;
        return this;
    }

    public int queryBudget()
    {
        return queryBudget;
    }

    /** As {@link #queryBudget(int)} for one remote address; beyond: 429. */
    public ServerConfig queryBudgetPerAddress(final int queryBudgetPerAddress)
    {
        this.queryBudgetPerAddress = queryBudgetPerAddress;
        return this;
    }

    public int queryBudgetPerAddress()
    {
        return queryBudgetPerAddress;
    }

    /** The exchange's request weight that kline requests may use per minute; beyond it: 503 upstream_budget. */
    public ServerConfig upstreamWeightPerMinute(final int upstreamWeightPerMinute)
    {
        this.upstreamWeightPerMinute = upstreamWeightPerMinute;
        return this;
    }

    public int upstreamWeightPerMinute()
    {
        return upstreamWeightPerMinute;
    }

    /** One API token clients must present (with those of {@link #apiTokensFile}); empty: none. */
    public ServerConfig apiToken(final String apiToken)
    {
        this.apiToken = apiToken == null ? "" : apiToken;
        return this;
    }

    public String apiToken()
    {
        return apiToken;
    }

    /** A file of API tokens, one a line, read again every second: removing a line revokes its token. */
    public ServerConfig apiTokensFile(final Path apiTokensFile)
    {
        this.apiTokensFile = apiTokensFile;
        return this;
    }

    public Path apiTokensFile()
    {
        return apiTokensFile;
    }

    /** The address of the admin port; loopback by default. */
    public ServerConfig adminHost(final String adminHost)
    {
        this.adminHost = adminHost;
        return this;
    }

    public String adminHost()
    {
        return adminHost;
    }

    /** A port serving /metrics and the full /health (0: chosen by the OS, negative: none). */
    public ServerConfig adminPort(final int adminPort)
    {
        this.adminPort = adminPort;
        return this;
    }

    public int adminPort()
    {
        return adminPort;
    }

    public boolean adminPortEnabled()
    {
        return adminPort >= 0;
    }

    /** PEM certificate chain and PKCS#8 PEM key: the main port then speaks only TLS (https, wss). */
    public ServerConfig tls(final Path certFile, final Path keyFile)
    {
        this.tlsCertFile = certFile;
        this.tlsKeyFile = keyFile;
        return this;
    }

    public Path tlsCertFile()
    {
        return tlsCertFile;
    }

    public Path tlsKeyFile()
    {
        return tlsKeyFile;
    }

    public boolean tlsEnabled()
    {
        return tlsCertFile != null;
    }

    /**
     * Addresses (IP literals) of reverse proxies whose {@code X-Forwarded-For} names the client the per-address
     * query budget counts; their own connections count only toward {@link #maxConnections}.
     */
    /**
     * Whether the API (REST and WebSocket) serves clients now; while not, it answers 503 {@code catching_up} with
     * {@code Retry-After} (an edge catching up with its recorder). Health, metrics and the page are always served.
     */
    public ServerConfig clientsAdmitted(final BooleanSupplier clientsAdmitted)
    {
        this.clientsAdmitted = clientsAdmitted;
        return this;
    }

    public boolean clientsAdmitted()
    {
        return clientsAdmitted.getAsBoolean();
    }

    public ServerConfig trustedProxies(final List<String> trustedProxies)
    {
        this.trustedProxies = List.copyOf(trustedProxies);
        return this;
    }

    /** The trusted proxies' addresses; throws {@link InvalidSettingException} for one that is not an IP literal. */
    public List<InetAddress> trustedProxyAddresses()
    {
        final List<InetAddress> addresses = new ArrayList<>();
        for (final String proxy : trustedProxies)
        {
            final InetAddress address = NetUtil.createInetAddressFromIpAddressString(proxy);
            if (address == null)
            {
                throw new InvalidSettingException("trustedProxies", "must be IP addresses, was " + proxy);
            }
            addresses.add(address);
        }
        return addresses;
    }

    /** Validates every value; throws {@link InvalidSettingException} naming the first bad one. */
    public ServerConfig conclude()
    {
        if (host == null || host.isBlank())
        {
            throw new InvalidSettingException("host", "must not be empty");
        }
        requireRange("port", port, 0, 65_535);
        requireRange("adminPort", adminPort, -1, 65_535);
        if (adminHost == null || adminHost.isBlank())
        {
            throw new InvalidSettingException("adminHost", "must not be empty");
        }
        if ((tlsCertFile == null) != (tlsKeyFile == null))
        {
            throw tlsCertFile != null
                ? new InvalidSettingException("tlsCert", "needs --tls-key as well")
                : new InvalidSettingException("tlsKey", "needs --tls-cert as well");
        }
        requireReadable("tlsCert", tlsCertFile);
        requireReadable("tlsKey", tlsKeyFile);
        requireReadable("apiTokensFile", apiTokensFile);
        trustedProxyAddresses();
        // reads and checks the tokens, so that a bad one is refused before anything starts
        new AccessTokens(apiToken, apiTokensFile);
        requireRange("maxConnections", maxConnections, 1, 1_000_000);
        requireRange("maxConnectionsPerAddress", maxConnectionsPerAddress, 1, maxConnections);
        requireRange("reservedConnections", reservedConnections(), 0, maxConnections - 1);
        requireRange("headerTimeoutMs", headerTimeoutMs, 100, 600_000);
        requireRange("maxClientFrameBytes", maxClientFrameBytes, 128, 1 << 20);
        requireRange("requestsPerSecond", requestsPerSecond, 1, 1_000_000);
        requireRange("maxRangeBuckets", maxRangeBuckets, 1, 1_000_000);
        requireRange("queryThreads", queryThreads, 1, 256);
        // the largest query must fit, else it could never run
        final int largestPrice = Math.max(maxRangeBuckets, QueryScheduler.MIN_PRICE);
        requireRange("queryBudget", queryBudget, largestPrice, 1 << 30);
        requireRange("queryBudgetPerAddress", queryBudgetPerAddress, largestPrice, queryBudget);
        requireRange("upstreamWeightPerMinute", upstreamWeightPerMinute, RequestWeightBudget.klinesWeight(1500),
            100_000);
        requireRange("writeBufferLowBytes", writeBufferLowBytes, 1024, writeBufferHighBytes);
        requireRange("maxPendingBytes", maxPendingBytes, 1024, 1 << 30);
        requireRange("socketSendBufferBytes", socketSendBufferBytes, 0, 1 << 30);
        requireRange("pingIntervalMs", pingIntervalMs, 10, 3_600_000);
        if (pongTimeoutMs <= pingIntervalMs || pongTimeoutMs > 86_400_000)
        {
            throw new InvalidSettingException("pongTimeoutMs",
                "must be above pingIntervalMs (" + pingIntervalMs + ") and at most 86400000, was " + pongTimeoutMs);
        }
        return this;
    }

    private static void requireReadable(final String name, final Path file)
    {
        if (file != null && !Files.isReadable(file))
        {
            throw new InvalidSettingException(name, "cannot be read: " + file);
        }
    }

    private static void requireRange(final String name, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw new InvalidSettingException(name, "must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
