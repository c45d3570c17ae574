package io.liqvol.gateway;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.InvalidSettingException;
import io.liqvol.engine.WaitStrategies;
import io.liqvol.gateway.alerts.AlertsConfig;
import io.liqvol.gateway.replication.ReplicationConfig;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.upstream.UpstreamConfig;
import io.liqvol.gateway.upstream.UpstreamMode;
import io.liqvol.gateway.upstream.VenueUpstream;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The gateway's configuration (docs/API.md §5): each setting from its environment variable, overridden by its
 * {@code --flag value} (or {@code --flag=value}), mapped onto the config that owns it ({@link ServerConfig},
 * {@link UpstreamConfig}, {@link EngineContext}). Defaults and ranges live there; an invalid value is refused
 * with that config's message under the flag's name.
 */
public final class GatewayConfig
{
    /** The gateway always journals; the engine alone defaults to no data directory. */
    public static final String DEFAULT_DATA_DIR = "./data";
    static final String SIMULATE_FLAG = "simulate";
    static final String SIMULATE_ENV = "LIQVOL_SIMULATE";
    private static final String JOURNAL_MIN_FREE_PROPERTY = "journalMinFreeBytes";
    private static final String EMBEDDED = "embedded";
    private static final String STANDALONE = "standalone";
    private static final UpstreamConfig BYBIT_DEFAULTS = VenueUpstream.defaults(Venue.BYBIT);
    private static final UpstreamConfig OKX_DEFAULTS = VenueUpstream.defaults(Venue.OKX);

    /**
     * One setting: its flag, its environment variable, its default ("" for unset: the config decides), the name
     * its config's {@code conclude()} reports it under, and what it means.
     */
    record Setting(String flag, String env, String defaultValue, String property, String help)
    {
    }

    private static final Setting HOST = new Setting("host", "LIQVOL_HTTP_HOST", ServerConfig.DEFAULT_HOST,
        "host", "address the gateway binds");
    private static final Setting PORT = new Setting("port", "LIQVOL_HTTP_PORT",
        String.valueOf(ServerConfig.DEFAULT_PORT), "port", "its port (0: chosen by the OS)");
    private static final Setting DATA_DIR = new Setting("data-dir", "LIQVOL_DATA_DIR", DEFAULT_DATA_DIR,
        "dataDir", "journal and state");
    private static final Setting UPSTREAM_MODE = new Setting("upstream-mode", "LIQVOL_UPSTREAM_MODE",
        UpstreamConfig.DEFAULT_MODE.code(), "mode",
        "all-market (!forceOrder@arr) or per-symbol (subscribed while a client watches)");
    private static final Setting BINANCE_WS_BASE_URL = new Setting("binance-ws-base-url", "BINANCE_WS_BASE_URL",
        UpstreamConfig.DEFAULT_WS_BASE_URL, "wsBaseUrl", "upstream streams");
    private static final Setting BINANCE_REST_BASE_URL = new Setting("binance-rest-base-url",
        "BINANCE_REST_BASE_URL", UpstreamConfig.DEFAULT_REST_BASE_URL, "restBaseUrl", "upstream REST");
    private static final Setting VENUES = new Setting("venues", "LIQVOL_VENUES", Venue.BINANCE.code(), "venues",
        "comma-separated venues recorded: binance, bybit, okx");
    private static final Setting BYBIT_WS_BASE_URL = new Setting("bybit-ws-base-url", "BYBIT_WS_BASE_URL",
        BYBIT_DEFAULTS.wsBaseUrl(), "bybitWsBaseUrl", "Bybit v5 public linear stream");
    private static final Setting BYBIT_REST_BASE_URL = new Setting("bybit-rest-base-url", "BYBIT_REST_BASE_URL",
        BYBIT_DEFAULTS.restBaseUrl(), "bybitRestBaseUrl", "Bybit REST (instruments-info)");
    private static final Setting BYBIT_SYMBOLS = new Setting("bybit-symbols", "BYBIT_SYMBOLS", "", "bybitSymbols",
        "comma-separated Bybit symbols to record (unset: every trading USDT perpetual)");
    private static final Setting OKX_WS_BASE_URL = new Setting("okx-ws-base-url", "OKX_WS_BASE_URL",
        OKX_DEFAULTS.wsBaseUrl(), "okxWsBaseUrl", "OKX v5 public stream");
    private static final Setting OKX_REST_BASE_URL = new Setting("okx-rest-base-url", "OKX_REST_BASE_URL",
        OKX_DEFAULTS.restBaseUrl(), "okxRestBaseUrl", "OKX REST (public instruments, contract values)");
    private static final Setting LIQUIDATION_API_BASE_URL = new Setting("liquidation-api-base-url",
        "LIQUIDATION_API_BASE_URL", "", "liquidationApiBaseUrl",
        "a peer liqvol instance whose REST API fills gaps in history (unset: none)");
    private static final Setting ALLOWED_ORIGINS = new Setting("allowed-origins", "LIQVOL_ALLOWED_ORIGINS", "",
        "allowedOrigins",
        "comma-separated browser origins allowed to open WebSockets besides the gateway's own; * for any");
    private static final Setting ALLOWED_HOSTS = new Setting("allowed-hosts", "LIQVOL_ALLOWED_HOSTS", "",
        "allowedHosts", "comma-separated host names requests may name (Host header) besides the loopback names and the"
            + " bound address; * for any");
    private static final Setting API_TOKEN = new Setting("api-token", "LIQVOL_API_TOKEN", "", "apiToken",
        "a token clients must present (REST: Authorization: Bearer; WebSocket also subprotocol liqvol.token.<token>"
            + " or ?token=); prefer the variable or the file, a flag shows in the process list (unset: none)");
    private static final Setting API_TOKENS_FILE = new Setting("api-tokens-file", "LIQVOL_API_TOKENS_FILE", "",
        "apiTokensFile", "tokens clients must present, one a line, read again every second: removing a line revokes"
            + " the token and closes its streams (unset: none)");
    private static final Setting ADMIN_HOST = new Setting("admin-host", "LIQVOL_ADMIN_HOST", ServerConfig.DEFAULT_HOST,
        "adminHost", "address of the admin port");
    private static final Setting ADMIN_PORT = new Setting("admin-port", "LIQVOL_ADMIN_PORT", "", "adminPort",
        "a port for /metrics and the full /health, which the main port then no longer serves (unset: none)");
    private static final Setting TLS_CERT = new Setting("tls-cert", "LIQVOL_TLS_CERT", "", "tlsCert",
        "PEM certificate chain: the main port then speaks only TLS (https, wss); with --tls-key");
    private static final Setting TLS_KEY = new Setting("tls-key", "LIQVOL_TLS_KEY", "", "tlsKey",
        "its PKCS#8 PEM private key, unencrypted");
    private static final Setting TRUSTED_PROXIES = new Setting("trusted-proxies", "LIQVOL_TRUSTED_PROXIES", "",
        "trustedProxies", "comma-separated IP addresses of reverse proxies: their X-Forwarded-For names the client the"
            + " per-address query budget counts, their connections count only toward --max-connections");
    private static final Setting MAX_CONNECTIONS = new Setting("max-connections", "LIQVOL_MAX_CONNECTIONS",
        String.valueOf(ServerConfig.DEFAULT_MAX_CONNECTIONS), "maxConnections", "open connections in total");
    private static final Setting MAX_CONNECTIONS_PER_ADDRESS = new Setting("max-connections-per-address",
        "LIQVOL_MAX_CONNECTIONS_PER_ADDRESS", String.valueOf(ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS),
        "maxConnectionsPerAddress", "open connections per remote address");
    private static final Setting RESERVED_CONNECTIONS = new Setting("reserved-connections",
        "LIQVOL_RESERVED_CONNECTIONS", "", "reservedConnections",
        "the last of --max-connections, only for addresses holding fewer than " + ServerConfig.RESERVE_PER_ADDRESS
            + " (unset: a tenth)");
    private static final Setting REQUEST_HEADER_TIMEOUT_MS = new Setting("request-header-timeout-ms",
        "LIQVOL_REQUEST_HEADER_TIMEOUT_MS", String.valueOf(ServerConfig.DEFAULT_HEADER_TIMEOUT_MS), "headerTimeoutMs",
        "a request's headers must arrive within this long of its first byte, else 408 and the connection closed");
    private static final Setting REQUESTS_PER_SECOND = new Setting("requests-per-second",
        "LIQVOL_REQUESTS_PER_SECOND", String.valueOf(ServerConfig.DEFAULT_REQUESTS_PER_SECOND), "requestsPerSecond",
        "HTTP requests or client WebSocket messages per second and connection (bursts of twice that)");
    private static final Setting MAX_CLIENT_FRAME_BYTES = new Setting("max-client-frame-bytes",
        "LIQVOL_MAX_CLIENT_FRAME_BYTES", String.valueOf(ServerConfig.DEFAULT_MAX_CLIENT_FRAME_BYTES),
        "maxClientFrameBytes", "largest client WebSocket frame");
    private static final Setting MAX_PENDING_BYTES = new Setting("max-pending-bytes", "LIQVOL_MAX_PENDING_BYTES",
        String.valueOf(ServerConfig.DEFAULT_MAX_PENDING_BYTES), "maxPendingBytes",
        "orders a lagging client may have waiting before it is closed with 1013");
    private static final Setting WS_PING_INTERVAL_MS = new Setting("ws-ping-interval-ms", "LIQVOL_WS_PING_INTERVAL_MS",
        String.valueOf(ServerConfig.DEFAULT_PING_INTERVAL_MS), "pingIntervalMs",
        "how often every WebSocket client is pinged, whatever else it is sent");
    private static final Setting WS_PONG_TIMEOUT_MS = new Setting("ws-pong-timeout-ms", "LIQVOL_WS_PONG_TIMEOUT_MS",
        String.valueOf(ServerConfig.DEFAULT_PONG_TIMEOUT_MS), "pongTimeoutMs",
        "a WebSocket client from which nothing, not even a pong, arrived for this long is closed");
    private static final Setting QUERY_THREADS = new Setting("query-threads", "LIQVOL_QUERY_THREADS",
        String.valueOf(ServerConfig.DEFAULT_QUERY_THREADS), "queryThreads",
        "threads that run history queries; one address runs on at most half of them");
    private static final Setting QUERY_BUDGET = new Setting("query-budget", "LIQVOL_QUERY_BUDGET",
        String.valueOf(ServerConfig.DEFAULT_QUERY_BUDGET), "queryBudget",
        "buckets and rows of history queries under way at once (admitted, not yet written); beyond: 503"
            + " overloaded");
    private static final Setting QUERY_BUDGET_PER_ADDRESS = new Setting("query-budget-per-address",
        "LIQVOL_QUERY_BUDGET_PER_ADDRESS", String.valueOf(ServerConfig.DEFAULT_QUERY_BUDGET_PER_ADDRESS),
        "queryBudgetPerAddress", "the same per remote address; beyond: 429 rate_limited");
    private static final Setting UPSTREAM_WEIGHT_PER_MINUTE = new Setting("upstream-weight-per-minute",
        "LIQVOL_UPSTREAM_WEIGHT_PER_MINUTE", String.valueOf(ServerConfig.DEFAULT_UPSTREAM_WEIGHT_PER_MINUTE),
        "upstreamWeightPerMinute",
        "Binance request weight that kline requests may use per minute (Binance bans an IP above 2400); beyond:"
            + " 503 upstream_budget");
    private static final Setting ENGINE_STAGE_THREADS = new Setting("engine-stage-threads",
        "LIQVOL_ENGINE_STAGE_THREADS", "", "stageThreads",
        "threads the engine runs its stages on: 1, 2 or 4 (unset: from the core count)");
    private static final Setting ENGINE_WAIT_STRATEGY = new Setting("engine-wait-strategy",
        "LIQVOL_ENGINE_WAIT_STRATEGY", "", "waitStrategy",
        "how idle stage threads wait: blocking (no idle CPU), spin-park (spin 50 us, then park), phased (spin, yield,"
            + " then block), sleeping, yielding or busy-spin (a core each); unset: spin-park with 4 or more cores,"
            + " else blocking");
    private static final Setting ENGINE_MEMORY_BUDGET_BYTES = new Setting("engine-memory-budget-bytes",
        "LIQVOL_ENGINE_MEMORY_BUDGET_BYTES", "", "memoryBudgetBytes",
        "off-heap bytes the engine's symbols may take; a new symbol beyond them is refused (unset: half the JVM's"
            + " direct-memory limit)");
    private static final Setting JOURNAL_FSYNC_INTERVAL_MS = new Setting("journal-fsync-interval-ms",
        "LIQVOL_JOURNAL_FSYNC_INTERVAL_MS", String.valueOf(EngineContext.DEFAULT_FSYNC_INTERVAL_MS), "fsyncIntervalMs",
        "how often journaled records are forced to the device (a power loss loses up to this much); 0: every batch"
            + " before it is published");
    private static final Setting JOURNAL_RETENTION_MS = new Setting("journal-retention-ms",
        "LIQVOL_JOURNAL_RETENTION_MS", String.valueOf(EngineContext.DEFAULT_RETENTION_MS), "retentionMs",
        "journal segments whose newest liquidation is older than this are removed; 0: keep everything");
    private static final Setting JOURNAL_MIN_FREE_BYTES = new Setting("journal-min-free-bytes",
        "LIQVOL_JOURNAL_MIN_FREE_BYTES", "0", JOURNAL_MIN_FREE_PROPERTY,
        "below this much free on the data directory's filesystem /health is degraded (journal_low_space); 0: never");

    private static final Setting ALERT_WEBHOOK_HOSTS = new Setting("alert-webhook-hosts",
        "LIQVOL_ALERT_WEBHOOK_HOSTS", "", "alertWebhookHosts",
        "comma-separated host names alert webhooks may POST to; * for any (unset: none, rules with a webhook refused)");
    private static final Setting ALERT_RETENTION_MS = new Setting("alert-retention-ms", "LIQVOL_ALERT_RETENTION_MS",
        String.valueOf(AlertsConfig.DEFAULT_RETENTION_MS), "alertRetentionMs",
        "alert events older than this leave the event log; 0 keeps the newest 100000");
    private static final Setting ALERT_WEBHOOK_TIMEOUT_MS = new Setting("alert-webhook-timeout-ms",
        "LIQVOL_ALERT_WEBHOOK_TIMEOUT_MS", String.valueOf(AlertsConfig.DEFAULT_WEBHOOK_TIMEOUT_MS),
        "alertWebhookTimeoutMs", "how long one webhook attempt may take before it counts as failed and is retried");
    private static final Setting REPLICATION_ARCHIVE_ENDPOINT = new Setting("replication-archive-endpoint",
        "LIQVOL_REPLICATION_ARCHIVE_ENDPOINT", "", "replicationArchiveEndpoint",
        "host:port of an Aeron Archive recording the journal for edges (--from names it); unset: no replication");
    private static final Setting REPLICATION_LIVE_ENDPOINT = new Setting("replication-live-endpoint",
        "LIQVOL_REPLICATION_LIVE_ENDPOINT", "", "replicationLiveEndpoint",
        "host:port edges follow the live stream at (unset: the archive's host, its port + 1)");
    private static final Setting REPLICATION_RECORDER_ID = new Setting("replication-recorder-id",
        "LIQVOL_REPLICATION_RECORDER_ID", String.valueOf(ReplicationConfig.DEFAULT_RECORDER_ID),
        "replicationRecorderId", "this recorder's number in every message; give each of a pair its own");
    private static final Setting REPLICATION_ARCHIVE_DIR = new Setting("replication-archive-dir",
        "LIQVOL_REPLICATION_ARCHIVE_DIR", "", "replicationArchiveDir",
        "the archive's directory, emptied at each start (unset: archive in the data directory)");
    private static final Setting REPLICATION_FROM = new Setting("from", "LIQVOL_REPLICATION_FROM", "", "from",
        "liqvol edge: comma-separated archive endpoints (host:port or aeron:udp?endpoint=host:port) of the recorders"
            + " to follow");
    private static final Setting REPLICATION_FROM_HTTP = new Setting("from-http", "LIQVOL_REPLICATION_FROM_HTTP", "",
        "fromHttp", "liqvol edge: comma-separated client API base URLs (http://host:port) of the recorders, for the"
            + " symbols' precisions and klines (unset: none, klines empty)");
    private static final Setting REPLICATION_STREAM_ID = new Setting("replication-stream-id",
        "LIQVOL_REPLICATION_STREAM_ID", String.valueOf(ReplicationConfig.DEFAULT_STREAM_ID), "replicationStreamId",
        "the Aeron stream id of the replicated journal");
    private static final Setting REPLICATION_TERM_LENGTH = new Setting("replication-term-length",
        "LIQVOL_REPLICATION_TERM_LENGTH", String.valueOf(ReplicationConfig.DEFAULT_TERM_LENGTH),
        "replicationTermLength", "bytes of an Aeron term of the live stream (a power of 2, 64 KiB to 1 GiB)");
    private static final Setting REPLICATION_LOCAL_HOST = new Setting("replication-local-host",
        "LIQVOL_REPLICATION_LOCAL_HOST", ReplicationConfig.DEFAULT_LOCAL_HOST, "replicationLocalHost",
        "the address this process receives replication traffic on (replays, live stream, archive answers)");
    private static final Setting REPLICATION_CHANNEL = new Setting("replication-channel",
        "LIQVOL_REPLICATION_CHANNEL", ReplicationConfig.UDP_CHANNEL, "replicationChannel",
        "liqvol edge: aeron:udp (any machine) or aeron:ipc (on its recorder's machine, sharing its standalone media"
            + " driver)");
    private static final Setting AERON_DIR = new Setting("aeron-dir", "LIQVOL_AERON_DIR", "", "aeronDir",
        "the media driver's directory (unset: a new one in /dev/shm, embedded driver only)");
    private static final Setting AERON_DRIVER = new Setting("aeron-driver", "LIQVOL_AERON_DRIVER", EMBEDDED,
        "aeronDriver", "embedded (run in this process) or standalone (one runs at --aeron-dir)");

    /** In the order --help and the README list them. */
    static final List<Setting> SETTINGS = List.of(HOST, PORT, DATA_DIR, UPSTREAM_MODE, BINANCE_WS_BASE_URL,
        BINANCE_REST_BASE_URL, VENUES, BYBIT_WS_BASE_URL, BYBIT_REST_BASE_URL, BYBIT_SYMBOLS, OKX_WS_BASE_URL,
        OKX_REST_BASE_URL, LIQUIDATION_API_BASE_URL, ALLOWED_ORIGINS, ALLOWED_HOSTS, API_TOKEN,
        API_TOKENS_FILE, ADMIN_HOST, ADMIN_PORT, TLS_CERT, TLS_KEY, TRUSTED_PROXIES,
        MAX_CONNECTIONS,
        MAX_CONNECTIONS_PER_ADDRESS, RESERVED_CONNECTIONS, REQUEST_HEADER_TIMEOUT_MS, REQUESTS_PER_SECOND,
        MAX_CLIENT_FRAME_BYTES, MAX_PENDING_BYTES, WS_PING_INTERVAL_MS, WS_PONG_TIMEOUT_MS, QUERY_THREADS,
        QUERY_BUDGET, QUERY_BUDGET_PER_ADDRESS, UPSTREAM_WEIGHT_PER_MINUTE, ENGINE_STAGE_THREADS,
        ENGINE_WAIT_STRATEGY, ENGINE_MEMORY_BUDGET_BYTES, JOURNAL_FSYNC_INTERVAL_MS, JOURNAL_RETENTION_MS,
        JOURNAL_MIN_FREE_BYTES, ALERT_WEBHOOK_HOSTS, ALERT_RETENTION_MS, ALERT_WEBHOOK_TIMEOUT_MS,
        REPLICATION_ARCHIVE_ENDPOINT, REPLICATION_LIVE_ENDPOINT, REPLICATION_RECORDER_ID, REPLICATION_ARCHIVE_DIR,
        REPLICATION_FROM, REPLICATION_FROM_HTTP, REPLICATION_STREAM_ID, REPLICATION_TERM_LENGTH,
        REPLICATION_LOCAL_HOST, REPLICATION_CHANNEL, AERON_DIR, AERON_DRIVER);

    private final Map<Setting, String> values;
    private final boolean simulate;
    private final boolean help;
    private final boolean edge;

    private GatewayConfig(
        final Map<Setting, String> values, final boolean simulate, final boolean help, final boolean edge)
    {
        this.values = values;
        this.simulate = simulate;
        this.help = help;
        this.edge = edge;
    }

    /** Reads the environment, then the flags; throws {@link IllegalArgumentException} for anything invalid. */
    public static GatewayConfig parse(final String[] args, final Map<String, String> env)
    {
        return parse(args, env, false);
    }

    /**
     * {@code liqvol edge}: as {@link #parse(String[], Map)} for a process that follows recorders ({@code --from},
     * required) instead of an exchange.
     */
    public static GatewayConfig parseEdge(final String[] args, final Map<String, String> env)
    {
        return parse(args, env, true);
    }

    private static GatewayConfig parse(final String[] args, final Map<String, String> env, final boolean edge)
    {
        final Map<Setting, String> values = new LinkedHashMap<>();
        for (final Setting setting : SETTINGS)
        {
            values.put(setting, env.getOrDefault(setting.env(), setting.defaultValue()));
        }
        boolean simulate = "true".equalsIgnoreCase(env.get(SIMULATE_ENV));
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h"))
            {
                help = true;
                continue;
            }
            if (arg.equals("--" + SIMULATE_FLAG))
            {
                simulate = true;
                continue;
            }
            if (!arg.startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            final int equals = arg.indexOf('=');
            final Setting setting = setting(equals < 0 ? arg.substring(2) : arg.substring(2, equals));
            if (equals >= 0)
            {
                values.put(setting, arg.substring(equals + 1));
            }
            else if (i + 1 < args.length)
            {
                values.put(setting, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("--" + setting.flag() + " needs a value");
            }
        }
        final GatewayConfig config = new GatewayConfig(values, simulate, help, edge);
        if (!help)
        {
            config.validate();
        }
        return config;
    }

    public static String usage()
    {
        final StringBuilder text = new StringBuilder(2048)
            .append("Usage: java -jar liqvol.jar [--simulate] [--flag value ...]\n")
            .append("       java -jar liqvol.jar import [--data-dir DIR] FILE...   (liquidationSnapshot .csv/.zip)\n")
            .append("       java -jar liqvol.jar edge --from HOST:PORT[,HOST:PORT] [--flag value ...]"
                + "   (follow recorders)\n\n")
            .append("  --simulate  run the built-in exchange simulator and record from it (offline)\n")
            .append("  --help      this text\n\n")
            .append("Each setting is an environment variable, overridden by its flag:\n");
        for (final Setting setting : SETTINGS)
        {
            text.append(String.format("  --%-28s %-36s %s%n", setting.flag(), setting.env(),
                setting.help() + (setting.defaultValue().isEmpty() ? "" : " [" + setting.defaultValue() + "]")));
        }
        return text.toString();
    }

    public boolean help()
    {
        return help;
    }

    public boolean simulate()
    {
        return simulate;
    }

    /** Whether this process is an edge ({@code liqvol edge}): it follows recorders, no exchange. */
    public boolean edge()
    {
        return edge;
    }

    /**
     * Replication's settings, concluded: a recorder's (with an archive endpoint), an edge's, or null when neither
     * (no Aeron at all, exactly as without replication).
     */
    public ReplicationConfig replicationConfig()
    {
        final ReplicationConfig config = replicationSettings();
        return config.isRecorder() || config.isEdge() ? config : null;
    }

    private ReplicationConfig replicationSettings()
    {
        final String driver = values.get(AERON_DRIVER).trim();
        if (!driver.equals(EMBEDDED) && !driver.equals(STANDALONE))
        {
            throw new InvalidSettingException(AERON_DRIVER.property(),
                "must be " + EMBEDDED + " or " + STANDALONE + ", was " + driver);
        }
        final List<String> from = list(REPLICATION_FROM);
        if (!edge && !from.isEmpty())
        {
            throw new InvalidSettingException(REPLICATION_FROM.property(), "is for liqvol edge only");
        }
        if (edge && from.isEmpty())
        {
            throw new InvalidSettingException(REPLICATION_FROM.property(), "must name a recorder's archive");
        }
        final String archiveEndpoint = values.get(REPLICATION_ARCHIVE_ENDPOINT).trim();
        final String archiveDir = values.get(REPLICATION_ARCHIVE_DIR).trim();
        final String liveEndpoint = values.get(REPLICATION_LIVE_ENDPOINT).trim();
        return new ReplicationConfig()
            .archiveEndpoint(archiveEndpoint.isEmpty() ? null : archiveEndpoint)
            .liveEndpoint(liveEndpoint.isEmpty() ? null : liveEndpoint)
            .from(from)
            .recorderId(integer(REPLICATION_RECORDER_ID))
            .streamId(integer(REPLICATION_STREAM_ID))
            .termLength(integer(REPLICATION_TERM_LENGTH))
            .archiveDir(archiveDir.isEmpty()
                ? Path.of(values.get(DATA_DIR)).resolve(ReplicationConfig.ARCHIVE_DIR_NAME)
                : Path.of(archiveDir))
            .localHost(values.get(REPLICATION_LOCAL_HOST).trim())
            .channel(values.get(REPLICATION_CHANNEL).trim())
            .aeronDir(values.get(AERON_DIR).isBlank() ? null : values.get(AERON_DIR).trim())
            .embeddedDriver(driver.equals(EMBEDDED))
            .conclude();
    }

    /** The client-facing server's settings, not yet concluded. */
    public ServerConfig serverConfig()
    {
        final ServerConfig config = new ServerConfig()
            .host(values.get(HOST))
            .port(integer(PORT))
            .allowedOrigins(list(ALLOWED_ORIGINS))
            .allowedHosts(list(ALLOWED_HOSTS))
            .maxConnections(integer(MAX_CONNECTIONS))
            .maxConnectionsPerAddress(integer(MAX_CONNECTIONS_PER_ADDRESS))
            .headerTimeoutMs(integer(REQUEST_HEADER_TIMEOUT_MS))
            .requestsPerSecond(integer(REQUESTS_PER_SECOND))
            .maxClientFrameBytes(integer(MAX_CLIENT_FRAME_BYTES))
            .maxPendingBytes(integer(MAX_PENDING_BYTES))
            .pingIntervalMs(integer(WS_PING_INTERVAL_MS))
            .pongTimeoutMs(integer(WS_PONG_TIMEOUT_MS))
            .queryThreads(integer(QUERY_THREADS))
            .queryBudget(integer(QUERY_BUDGET))
            .queryBudgetPerAddress(integer(QUERY_BUDGET_PER_ADDRESS))
            .upstreamWeightPerMinute(integer(UPSTREAM_WEIGHT_PER_MINUTE))
            .apiToken(values.get(API_TOKEN))
            .apiTokensFile(path(API_TOKENS_FILE))
            .adminHost(values.get(ADMIN_HOST))
            .adminPort(values.get(ADMIN_PORT).isEmpty() ? -1 : integer(ADMIN_PORT))
            .tls(path(TLS_CERT), path(TLS_KEY))
            .trustedProxies(list(TRUSTED_PROXIES));
        return values.get(RESERVED_CONNECTIONS).isEmpty()
            ? config
            : config.reservedConnections(integer(RESERVED_CONNECTIONS));
    }

    /** A file setting's path, or null when unset. */
    private Path path(final Setting setting)
    {
        final String value = values.get(setting).trim();
        return value.isEmpty() ? null : Path.of(value);
    }

    /** A comma-separated setting's entries, blanks left out. */
    private List<String> list(final Setting setting)
    {
        final List<String> entries = new ArrayList<>();
        for (final String entry : values.get(setting).split(","))
        {
            if (!entry.isBlank())
            {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    /** The Binance client's settings, not yet concluded (the gateway adds the proxy, or the simulator's URLs). */
    public UpstreamConfig upstreamConfig()
    {
        return new UpstreamConfig()
            .wsBaseUrl(values.get(BINANCE_WS_BASE_URL))
            .restBaseUrl(values.get(BINANCE_REST_BASE_URL))
            .mode(UpstreamMode.named(values.get(UPSTREAM_MODE)));
    }

    /** The venues to record, Binance first when enabled; by default Binance alone. */
    public Set<Venue> venues()
    {
        final Set<Venue> venues = EnumSet.noneOf(Venue.class);
        for (final String code : list(VENUES))
        {
            final Venue venue = Venue.fromCode(code);
            if (venue == null)
            {
                throw new InvalidSettingException(VENUES.property(), "must name binance, bybit or okx, was " + code);
            }
            venues.add(venue);
        }
        if (!venues.contains(Venue.BINANCE))
        {
            throw new InvalidSettingException(VENUES.property(),
                "must include binance (always recorded), was " + values.get(VENUES));
        }
        return venues;
    }

    /**
     * The client settings of Bybit or OKX, not yet concluded: their base URLs, or the simulator's when one runs
     * ({@code --simulate}); the gateway adds the proxy as for Binance.
     */
    public UpstreamConfig venueUpstreamConfig(final Venue venue, final ExchangeSimulator simulator)
    {
        final boolean bybit = venue == Venue.BYBIT;
        final Setting ws = bybit ? BYBIT_WS_BASE_URL : OKX_WS_BASE_URL;
        final Setting rest = bybit ? BYBIT_REST_BASE_URL : OKX_REST_BASE_URL;
        UpstreamConfig.requireUrl(ws.property(), values.get(ws), "ws", "wss");
        UpstreamConfig.requireUrl(rest.property(), values.get(rest), "http", "https");
        final UpstreamConfig config = VenueUpstream.defaults(venue);
        if (simulator != null)
        {
            return config.wsBaseUrl(bybit ? simulator.bybitWsUrl() : simulator.okxWsUrl())
                .restBaseUrl(simulator.restBaseUrl());
        }
        return config.wsBaseUrl(values.get(ws)).restBaseUrl(values.get(rest));
    }

    /** The Bybit symbols to record; empty: every trading USDT perpetual Bybit lists. */
    public List<String> bybitSymbols()
    {
        final List<String> symbols = list(BYBIT_SYMBOLS);
        for (final String symbol : symbols)
        {
            if (!symbol.matches("[A-Z0-9]{1,32}"))
            {
                throw new InvalidSettingException(BYBIT_SYMBOLS.property(),
                    "must be upper-case symbols such as BTCUSDT, was " + symbol);
            }
        }
        return symbols;
    }

    /** The engine's settings, not yet concluded and without listeners; the stage threads are its default if unset. */
    public EngineContext engineContext()
    {
        final String dataDir = values.get(DATA_DIR);
        if (dataDir.isBlank())
        {
            throw new IllegalArgumentException("--" + DATA_DIR.flag() + " must not be empty");
        }
        // An edge's stops are no holes in what it serves: it catches up from its recorders.
        final EngineContext context = new EngineContext().dataDir(Path.of(dataDir)).liveRecording(!edge)
            .fsyncIntervalMs(parse(JOURNAL_FSYNC_INTERVAL_MS, Long::parseLong))
            .retentionMs(parse(JOURNAL_RETENTION_MS, Long::parseLong));
        if (!values.get(ENGINE_WAIT_STRATEGY).isEmpty())
        {
            context.waitStrategy(WaitStrategies.named(values.get(ENGINE_WAIT_STRATEGY)));
        }
        if (!values.get(ENGINE_MEMORY_BUDGET_BYTES).isEmpty())
        {
            context.memoryBudgetBytes(parse(ENGINE_MEMORY_BUDGET_BYTES, Long::parseLong));
        }
        return values.get(ENGINE_STAGE_THREADS).isEmpty()
            ? context
            : context.stageThreads(integer(ENGINE_STAGE_THREADS));
    }

    /** Free bytes on the data directory's filesystem below which {@code /health} is degraded; 0: never. */
    public long journalMinFreeBytes()
    {
        final long bytes = parse(JOURNAL_MIN_FREE_BYTES, Long::parseLong);
        if (bytes < 0)
        {
            throw new InvalidSettingException(JOURNAL_MIN_FREE_PROPERTY, "must be >= 0, was " + bytes);
        }
        return bytes;
    }

    /** The alerts' settings, with their files under the data directory. */
    public AlertsConfig alertsConfig()
    {
        return AlertsConfig.of(Path.of(values.get(DATA_DIR)), list(ALERT_WEBHOOK_HOSTS),
            parse(ALERT_RETENTION_MS, Long::parseLong), parse(ALERT_WEBHOOK_TIMEOUT_MS, Long::parseLong));
    }

    /** The peer instance's REST base, or null. */
    public URI liquidationApiBaseUrl()
    {
        final String value = values.get(LIQUIDATION_API_BASE_URL);
        return value.isEmpty()
            ? null
            : UpstreamConfig.requireUrl(LIQUIDATION_API_BASE_URL.property(), value, "http", "https");
    }

    /** An edge's recorders' client API base URLs (--from-http), in the order given; empty without. */
    public List<URI> recorderApiUrls()
    {
        final List<String> urls = list(REPLICATION_FROM_HTTP);
        if (!edge && !urls.isEmpty())
        {
            throw new InvalidSettingException(REPLICATION_FROM_HTTP.property(), "is for liqvol edge only");
        }
        final List<URI> uris = new ArrayList<>(urls.size());
        for (final String url : urls)
        {
            uris.add(UpstreamConfig.requireUrl(REPLICATION_FROM_HTTP.property(), url, "http", "https"));
        }
        return uris;
    }

    /** Builds and concludes every config once, so that a bad value is refused before anything starts. */
    private void validate()
    {
        try
        {
            serverConfig().conclude();
            upstreamConfig().conclude();
            venues();
            venueUpstreamConfig(Venue.BYBIT, null).conclude();
            venueUpstreamConfig(Venue.OKX, null).conclude();
            bybitSymbols();
            engineContext().conclude();
            liquidationApiBaseUrl();
            recorderApiUrls();
            journalMinFreeBytes();
            alertsConfig();
            if (edge && simulate)
            {
                throw new IllegalArgumentException("an edge has no exchange: --simulate is for a recorder");
            }
            replicationSettings();
        }
        catch (final InvalidSettingException e)
        {
            for (final Setting setting : SETTINGS)
            {
                if (setting.property().equals(e.setting()))
                {
                    throw new IllegalArgumentException("--" + setting.flag() + " " + e.problem(), e);
                }
            }
            throw e;
        }
    }

    private static Setting setting(final String flag)
    {
        for (final Setting setting : SETTINGS)
        {
            if (setting.flag().equals(flag))
            {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown flag: --" + flag + " (see --help)");
    }

    private int integer(final Setting setting)
    {
        return parse(setting, Integer::parseInt);
    }

    private <T> T parse(final Setting setting, final Function<String, T> parser)
    {
        final String raw = values.get(setting);
        try
        {
            return parser.apply(raw.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("--" + setting.flag() + " must be an integer, was " + raw, e);
        }
    }
}
