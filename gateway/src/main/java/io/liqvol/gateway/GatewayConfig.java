package io.liqvol.gateway;

import com.lmax.disruptor.WaitStrategy;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.WaitStrategies;
import io.liqvol.gateway.server.ServerConfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's configuration (docs/API.md §5): each setting from its environment variable, overridden by its
 * {@code --flag value} (or {@code --flag=value}). Invalid values are refused with a message naming them.
 */
public final class GatewayConfig
{
    /** One setting: its flag, its environment variable, its default and what it means. */
    private record Setting(String flag, String env, String defaultValue, String help)
    {
    }

    private static final List<Setting> SETTINGS = List.of(
        new Setting("host", "LIQVOL_HTTP_HOST", "127.0.0.1", "address the gateway binds"),
        new Setting("port", "LIQVOL_HTTP_PORT", "8000", "its port (0: chosen by the OS)"),
        new Setting("data-dir", "LIQVOL_DATA_DIR", "./data", "journal and state"),
        new Setting("upstream-mode", "LIQVOL_UPSTREAM_MODE", "all-market",
            "all-market (!forceOrder@arr) or per-symbol (subscribed while a client watches)"),
        new Setting("binance-ws-base-url", "BINANCE_WS_BASE_URL", "wss://fstream.binance.com/market", "upstream streams"),
        new Setting("binance-rest-base-url", "BINANCE_REST_BASE_URL", "https://fapi.binance.com", "upstream REST"),
        new Setting("liquidation-api-base-url", "LIQUIDATION_API_BASE_URL", "",
            "a peer liqvol instance whose REST API fills gaps in history (unset: none)"),
        new Setting("allowed-origins", "LIQVOL_ALLOWED_ORIGINS", "",
            "comma-separated browser origins allowed to open WebSockets besides the gateway's own; * for any"),
        new Setting("max-connections", "LIQVOL_MAX_CONNECTIONS", "10000", "open connections in total"),
        new Setting("max-connections-per-address", "LIQVOL_MAX_CONNECTIONS_PER_ADDRESS", "1000",
            "open connections per remote address"),
        new Setting("requests-per-second", "LIQVOL_REQUESTS_PER_SECOND", "20",
            "HTTP requests or client WebSocket messages per second and connection (bursts of twice that)"),
        new Setting("max-client-frame-bytes", "LIQVOL_MAX_CLIENT_FRAME_BYTES", "4096", "largest client WebSocket frame"),
        new Setting("max-pending-bytes", "LIQVOL_MAX_PENDING_BYTES", "1048576",
            "orders a lagging client may have waiting before it is closed with 1013"),
        new Setting("engine-stage-threads", "LIQVOL_ENGINE_STAGE_THREADS", "",
            "threads the engine runs its stages on: 1, 2 or 4 (unset: from the core count)"),
        new Setting("engine-wait-strategy", "LIQVOL_ENGINE_WAIT_STRATEGY", "blocking",
            "how idle stage threads wait: blocking (no idle CPU), sleeping, yielding or busy-spin (a core each)"));

    private final Map<String, String> values;
    private final boolean simulate;
    private final boolean help;

    private GatewayConfig(final Map<String, String> values, final boolean simulate, final boolean help)
    {
        this.values = values;
        this.simulate = simulate;
        this.help = help;
    }

    /** Reads the environment, then the flags; throws {@link IllegalArgumentException} for anything invalid. */
    public static GatewayConfig parse(final String[] args, final Map<String, String> env)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final Setting setting : SETTINGS)
        {
            final String fromEnv = env.get(setting.env());
            values.put(setting.flag(), fromEnv != null ? fromEnv : setting.defaultValue());
        }
        boolean simulate = "true".equalsIgnoreCase(env.get("LIQVOL_SIMULATE"));
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h"))
            {
                help = true;
                continue;
            }
            if (arg.equals("--simulate"))
            {
                simulate = true;
                continue;
            }
            if (!arg.startsWith("--"))
            {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            final int equals = arg.indexOf('=');
            final String flag = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!values.containsKey(flag))
            {
                throw new IllegalArgumentException("unknown flag: --" + flag + " (see --help)");
            }
            if (equals >= 0)
            {
                values.put(flag, arg.substring(equals + 1));
            }
            else if (i + 1 < args.length)
            {
                values.put(flag, args[++i]);
            }
            else
            {
                throw new IllegalArgumentException("--" + flag + " needs a value");
            }
        }
        final GatewayConfig config = new GatewayConfig(values, simulate, help);
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
            .append("       java -jar liqvol.jar import [--data-dir DIR] FILE...   (liquidationSnapshot .csv/.zip)\n\n")
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

    private void validate()
    {
        intIn("port", 0, 65_535);
        if (!Arrays.asList("all-market", "per-symbol").contains(upstreamMode()))
        {
            throw new IllegalArgumentException("--upstream-mode must be all-market or per-symbol, was " + upstreamMode());
        }
        url("binance-ws-base-url", "ws://", "wss://");
        url("binance-rest-base-url", "http://", "https://");
        if (!values.get("liquidation-api-base-url").isEmpty())
        {
            url("liquidation-api-base-url", "http://", "https://");
        }
        if (!values.get("engine-stage-threads").isEmpty()
            && !Arrays.asList("1", "2", "4").contains(values.get("engine-stage-threads")))
        {
            throw new IllegalArgumentException(
                "--engine-stage-threads must be 1, 2 or 4, was " + values.get("engine-stage-threads"));
        }
        try
        {
            engineWaitStrategy();
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("--engine-wait-strategy: " + e.getMessage(), e);
        }
        if (values.get("data-dir").isBlank())
        {
            throw new IllegalArgumentException("--data-dir must not be empty");
        }
        try
        {
            serverConfig().conclude();
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("invalid server limits: " + e.getMessage(), e);
        }
    }

    public boolean help()
    {
        return help;
    }

    public boolean simulate()
    {
        return simulate;
    }

    public String host()
    {
        return values.get("host");
    }

    public int port()
    {
        return intIn("port", 0, 65_535);
    }

    public Path dataDir()
    {
        return Path.of(values.get("data-dir"));
    }

    /** {@code all-market} or {@code per-symbol}. */
    public String upstreamMode()
    {
        return values.get("upstream-mode");
    }

    public String binanceWsBaseUrl()
    {
        return values.get("binance-ws-base-url");
    }

    public String binanceRestBaseUrl()
    {
        return values.get("binance-rest-base-url");
    }

    /** Threads for the engine's stages: the flag, else the engine's default for this machine's cores. */
    public int engineStageThreads()
    {
        final String value = values.get("engine-stage-threads");
        return value.isEmpty() ? EngineContext.DEFAULT_STAGE_THREADS : Integer.parseInt(value);
    }

    public WaitStrategy engineWaitStrategy()
    {
        return WaitStrategies.named(values.get("engine-wait-strategy"));
    }

    /** The peer instance's REST base, or null. */
    public String liquidationApiBaseUrl()
    {
        final String value = values.get("liquidation-api-base-url");
        return value.isEmpty() ? null : value;
    }

    /** The client-facing server's settings (validated by {@link ServerConfig#conclude()}). */
    public ServerConfig serverConfig()
    {
        final List<String> origins = new ArrayList<>();
        for (final String origin : values.get("allowed-origins").split(","))
        {
            if (!origin.isBlank())
            {
                origins.add(origin.trim());
            }
        }
        return new ServerConfig()
            .host(host())
            .port(port())
            .allowedOrigins(origins)
            .maxConnections(intIn("max-connections", 1, 1_000_000))
            .maxConnectionsPerAddress(intIn("max-connections-per-address", 1, 1_000_000))
            .requestsPerSecond(intIn("requests-per-second", 1, 1_000_000))
            .maxClientFrameBytes(intIn("max-client-frame-bytes", 128, 1 << 20))
            .maxPendingBytes(intIn("max-pending-bytes", 1024, 1 << 30));
    }

    private int intIn(final String flag, final int min, final int max)
    {
        final String raw = values.get(flag);
        try
        {
            final int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // refused below with the flag's name
        }
        throw new IllegalArgumentException("--" + flag + " must be an integer in [" + min + ", " + max + "], was " + raw);
    }

    private void url(final String flag, final String... schemes)
    {
        final String value = values.get(flag);
        for (final String scheme : schemes)
        {
            if (value.startsWith(scheme) && value.length() > scheme.length())
            {
                try
                {
                    URI.create(value);
                    return;
                }
                catch (final IllegalArgumentException e)
                {
                    break;
                }
            }
        }
        throw new IllegalArgumentException(
            "--" + flag + " must be a " + String.join(" or ", schemes) + " URL, was " + value);
    }
}
