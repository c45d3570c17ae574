package io.liqvol.gateway;

import com.lmax.disruptor.BusySpinWaitStrategy;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Venue;
import io.liqvol.engine.WaitStrategies;
import io.liqvol.gateway.alerts.AlertsConfig;
import io.liqvol.gateway.replication.ReplicationConfig;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.upstream.UpstreamConfig;
import io.liqvol.gateway.upstream.UpstreamMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest
{
    private static final String NO_DEFAULT = "";

    @Test
    void shouldTakeTheDefaultsFromTheConfigsConstants()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[0], Map.of());

        final ServerConfig server = config.serverConfig().conclude();
        assertThat(server.host()).isEqualTo(ServerConfig.DEFAULT_HOST);
        assertThat(server.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(server.allowedOrigins()).isEmpty();
        assertThat(server.maxConnections()).isEqualTo(ServerConfig.DEFAULT_MAX_CONNECTIONS);
        assertThat(server.maxConnectionsPerAddress()).isEqualTo(ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
        assertThat(server.reservedConnections()).isEqualTo(ServerConfig.DEFAULT_MAX_CONNECTIONS / 10);
        assertThat(server.allowedHosts()).isEmpty();
        assertThat(server.headerTimeoutMs()).isEqualTo(ServerConfig.DEFAULT_HEADER_TIMEOUT_MS);
        assertThat(server.requestsPerSecond()).isEqualTo(ServerConfig.DEFAULT_REQUESTS_PER_SECOND);
        assertThat(server.maxClientFrameBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_CLIENT_FRAME_BYTES);
        assertThat(server.maxPendingBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_PENDING_BYTES);
        assertThat(server.pingIntervalMs()).isEqualTo(ServerConfig.DEFAULT_PING_INTERVAL_MS);
        assertThat(server.pongTimeoutMs()).isEqualTo(ServerConfig.DEFAULT_PONG_TIMEOUT_MS);
        final UpstreamConfig upstream = config.upstreamConfig().conclude();
        assertThat(upstream.wsBaseUrl()).isEqualTo(UpstreamConfig.DEFAULT_WS_BASE_URL);
        assertThat(upstream.restBaseUrl()).isEqualTo(UpstreamConfig.DEFAULT_REST_BASE_URL);
        assertThat(upstream.mode()).isEqualTo(UpstreamConfig.DEFAULT_MODE);
        final EngineContext engine = config.engineContext();
        assertThat(engine.dataDir()).isEqualTo(Path.of(GatewayConfig.DEFAULT_DATA_DIR));
        assertThat(engine.stageThreads()).isEqualTo(EngineContext.DEFAULT_STAGE_THREADS);
        assertThat(engine.conclude().waitStrategy())
            .isInstanceOf(WaitStrategies.named(EngineContext.DEFAULT_WAIT_STRATEGY).getClass());
        assertThat(engine.fsyncIntervalMs()).isEqualTo(EngineContext.DEFAULT_FSYNC_INTERVAL_MS);
        assertThat(engine.retentionMs()).isEqualTo(EngineContext.DEFAULT_RETENTION_MS);
        assertThat(config.journalMinFreeBytes()).isZero();
        assertThat(config.liquidationApiBaseUrl()).isNull();
        assertThat(config.simulate()).isFalse();
        assertThat(config.help()).isFalse();
    }

    @Test
    void shouldMapEveryFlagOntoItsConfig()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[] {
            "--host", "0.0.0.0", "--port", "9001", "--data-dir", "/tmp/liqvol-flags",
            "--upstream-mode", "per-symbol", "--binance-ws-base-url", "ws://127.0.0.1:9100/market",
            "--binance-rest-base-url", "http://127.0.0.1:9100", "--liquidation-api-base-url", "http://peer:8000",
            "--allowed-origins", "https://a.example", "--allowed-hosts", "desk.example, liqvol.lan",
            "--max-connections", "500", "--max-connections-per-address", "50", "--reserved-connections", "20",
            "--request-header-timeout-ms", "2500", "--requests-per-second", "7", "--max-client-frame-bytes", "2048",
            "--max-pending-bytes", "65536", "--ws-ping-interval-ms", "1000", "--ws-pong-timeout-ms", "5000",
            "--engine-stage-threads", "4", "--engine-wait-strategy", "busy-spin",
            "--engine-memory-budget-bytes", "123456789", "--journal-fsync-interval-ms", "0",
            "--journal-retention-ms", "86400000", "--journal-min-free-bytes", "1073741824",
            "--alert-webhook-hosts", "hooks.example, 127.0.0.1", "--alert-retention-ms", "3600000",
            "--alert-webhook-timeout-ms", "2000"},
            Map.of());

        final ServerConfig server = config.serverConfig();
        assertThat(server.host()).isEqualTo("0.0.0.0");
        assertThat(server.port()).isEqualTo(9001);
        assertThat(server.allowedOrigins()).containsExactly("https://a.example");
        assertThat(server.maxConnections()).isEqualTo(500);
        assertThat(server.maxConnectionsPerAddress()).isEqualTo(50);
        assertThat(server.allowedHosts()).containsExactly("desk.example", "liqvol.lan");
        assertThat(server.reservedConnections()).isEqualTo(20);
        assertThat(server.headerTimeoutMs()).isEqualTo(2500);
        assertThat(server.requestsPerSecond()).isEqualTo(7);
        assertThat(server.maxClientFrameBytes()).isEqualTo(2048);
        assertThat(server.maxPendingBytes()).isEqualTo(65536);
        assertThat(server.pingIntervalMs()).isEqualTo(1000);
        assertThat(server.pongTimeoutMs()).isEqualTo(5000);
        final UpstreamConfig upstream = config.upstreamConfig();
        assertThat(upstream.mode()).isEqualTo(UpstreamMode.PER_SYMBOL);
        assertThat(upstream.wsBaseUrl()).isEqualTo("ws://127.0.0.1:9100/market");
        assertThat(upstream.restBaseUrl()).isEqualTo("http://127.0.0.1:9100");
        final EngineContext engine = config.engineContext();
        assertThat(engine.dataDir()).isEqualTo(Path.of("/tmp/liqvol-flags"));
        assertThat(engine.stageThreads()).isEqualTo(4);
        assertThat(engine.waitStrategy()).isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(engine.memoryBudgetBytes()).isEqualTo(123_456_789L);
        assertThat(engine.fsyncIntervalMs()).isZero();
        assertThat(engine.retentionMs()).isEqualTo(86_400_000L);
        assertThat(config.journalMinFreeBytes()).isEqualTo(1L << 30);
        assertThat(config.liquidationApiBaseUrl()).isEqualTo(URI.create("http://peer:8000"));
        final AlertsConfig alerts = config.alertsConfig();
        assertThat(alerts.directory()).isEqualTo(Path.of("/tmp/liqvol-flags/alerts"));
        assertThat(alerts.webhookHosts()).containsExactly("hooks.example", "127.0.0.1");
        assertThat(alerts.retentionMs()).isEqualTo(3_600_000L);
        assertThat(alerts.webhookTimeoutMs()).isEqualTo(2000L);
    }

    @Test
    void shouldLetFlagsOverrideTheEnvironment()
    {
        final GatewayConfig config = GatewayConfig.parse(
            new String[] {"--port", "0", "--upstream-mode=per-symbol", "--simulate", "--allowed-origins",
                "https://a.example, *"},
            Map.of("LIQVOL_HTTP_PORT", "9000", "LIQVOL_HTTP_HOST", "0.0.0.0", "LIQVOL_DATA_DIR", "/tmp/x",
                "LIQVOL_UPSTREAM_MODE", "all-market", "LIQUIDATION_API_BASE_URL", "http://peer:8000",
                "LIQVOL_JOURNAL_RETENTION_MS", "3600000", "LIQVOL_JOURNAL_MIN_FREE_BYTES", "4096"));

        final ServerConfig server = config.serverConfig();
        assertThat(server.port()).isZero();
        assertThat(server.host()).isEqualTo("0.0.0.0");
        assertThat(server.allowedOrigins()).isEqualTo(List.of("https://a.example", "*"));
        assertThat(config.engineContext().dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.engineContext().retentionMs()).isEqualTo(3_600_000L);
        assertThat(config.journalMinFreeBytes()).isEqualTo(4096);
        assertThat(config.upstreamConfig().mode()).isEqualTo(UpstreamMode.PER_SYMBOL);
        assertThat(config.liquidationApiBaseUrl()).isEqualTo(URI.create("http://peer:8000"));
        assertThat(config.simulate()).isTrue();
    }

    @Test
    void shouldReadTheSimulatorSwitchFromTheEnvironment()
    {
        assertThat(GatewayConfig.parse(new String[0], Map.of("LIQVOL_SIMULATE", "true")).simulate()).isTrue();
        assertThat(GatewayConfig.parse(new String[0], Map.of("LIQVOL_SIMULATE", "no")).simulate()).isFalse();
    }

    /** flag | invalid value | the message it is refused with. */
    private static final String INVALID_VALUES = """
        host |  | --host must not be empty
        port | 70000 | --port must be in [0, 65535], was 70000
        port | eighty | --port must be an integer, was eighty
        data-dir |  | --data-dir must not be empty
        upstream-mode | some | --upstream-mode must be all-market or per-symbol, was some
        binance-ws-base-url | http://x | --binance-ws-base-url must be a ws:// or wss:// URL, was http://x
        binance-rest-base-url | ftp://x | --binance-rest-base-url must be a http:// or https:// URL, was ftp://x
        venues | binance,ftx | --venues must name binance, bybit or okx, was ftx
        venues | bybit,okx | --venues must include binance (always recorded), was bybit,okx
        bybit-ws-base-url | http://x | --bybit-ws-base-url must be a ws:// or wss:// URL, was http://x
        bybit-rest-base-url | ws://x | --bybit-rest-base-url must be a http:// or https:// URL, was ws://x
        bybit-symbols | btcusdt | --bybit-symbols must be upper-case symbols such as BTCUSDT, was btcusdt
        okx-ws-base-url | x | --okx-ws-base-url must be a ws:// or wss:// URL, was x
        okx-rest-base-url | ftp://x | --okx-rest-base-url must be a http:// or https:// URL, was ftp://x
        liquidation-api-base-url | peer:1 | --liquidation-api-base-url must be a http:// or https:// URL, was peer:1
        api-token | short | --api-token a token is 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (the value is not shown)
        api-tokens-file | /nonexistent/tokens | --api-tokens-file cannot be read: /nonexistent/tokens
        admin-host |  | --admin-host must not be empty
        admin-port | 70000 | --admin-port must be in [-1, 65535], was 70000
        tls-cert | /nonexistent/cert.pem | --tls-cert needs --tls-key as well
        tls-key | /nonexistent/key.pem | --tls-key needs --tls-cert as well
        trusted-proxies | proxy.example | --trusted-proxies must be IP addresses, was proxy.example
        max-connections | 0 | --max-connections must be in [1, 1000000], was 0
        max-connections-per-address | 20000 | --max-connections-per-address must be in [1, 10000], was 20000
        reserved-connections | 10000 | --reserved-connections must be in [0, 9999], was 10000
        request-header-timeout-ms | 50 | --request-header-timeout-ms must be in [100, 600000], was 50
        requests-per-second | 0 | --requests-per-second must be in [1, 1000000], was 0
        max-client-frame-bytes | 64 | --max-client-frame-bytes must be in [128, 1048576], was 64
        max-pending-bytes | 1k | --max-pending-bytes must be an integer, was 1k
        max-pending-bytes | 10 | --max-pending-bytes must be in [1024, 1073741824], was 10
        ws-ping-interval-ms | 5 | --ws-ping-interval-ms must be in [10, 3600000], was 5
        ws-pong-timeout-ms | 30000 | --ws-pong-timeout-ms must be above pingIntervalMs (30000) \
        and at most 86400000, was 30000
        query-threads | 0 | --query-threads must be in [1, 256], was 0
        query-budget | 4999 | --query-budget must be in [5000, 1073741824], was 4999
        query-budget-per-address | 100001 | --query-budget-per-address must be in [5000, 100000], was 100001
        upstream-weight-per-minute | 9 | --upstream-weight-per-minute must be in [10, 100000], was 9
        engine-stage-threads | 3 | --engine-stage-threads must be 1, 2 or 4, was 3
        engine-wait-strategy | fast | --engine-wait-strategy must be spin-park, phased, blocking, sleeping, yielding \
        or busy-spin, was fast
        engine-memory-budget-bytes | 1g | --engine-memory-budget-bytes must be an integer, was 1g
        engine-memory-budget-bytes | 0 | --engine-memory-budget-bytes must be >= 1, was 0
        journal-fsync-interval-ms | -1 | --journal-fsync-interval-ms must be >= 0, was -1
        journal-retention-ms | 1d | --journal-retention-ms must be an integer, was 1d
        journal-min-free-bytes | -5 | --journal-min-free-bytes must be >= 0, was -5
        alert-webhook-hosts | hooks.example,a/b | --alert-webhook-hosts must be host names or *, was a/b
        alert-retention-ms | -1 | --alert-retention-ms must be >= 0, was -1
        alert-webhook-timeout-ms | 50 | --alert-webhook-timeout-ms must be in [100, 600000], was 50
        replication-archive-endpoint | localhost | --replication-archive-endpoint must be host:port, was localhost
        replication-live-endpoint | localhost:0 | --replication-live-endpoint port must be in [1, 65534], was 0
        replication-recorder-id | 0 | --replication-recorder-id must be >= 1, was 0
        replication-archive-dir | /dev/null | --replication-archive-dir is not a directory: /dev/null
        from | localhost:9000 | --from is for liqvol edge only
        from-http | http://recorder:8000 | --from-http is for liqvol edge only
        replication-stream-id | 0 | --replication-stream-id must not be 0
        replication-term-length | 1000 | --replication-term-length must be a power of 2 from 65536 to 1073741824, \
        was 1000
        replication-local-host |  | --replication-local-host must not be empty
        replication-channel | aeron:tcp | --replication-channel must be aeron:udp or aeron:ipc, was aeron:tcp
        aeron-dir | /dev/null | --aeron-dir is not a directory: /dev/null
        aeron-driver | shared | --aeron-driver must be embedded or standalone, was shared
        """;

    static Stream<Arguments> invalidValues()
    {
        return INVALID_VALUES.lines().map(line -> line.split("\\|")).map(cells -> Arguments.of(
            cells[0].strip(), cells[1].strip(), cells[2].strip()));
    }

    @ParameterizedTest(name = "--{0} {1}")
    @MethodSource("invalidValues")
    void shouldRefuseAnInvalidValueUnderItsFlag(final String flag, final String value, final String message)
    {
        final GatewayConfig.Setting setting = setting(flag);

        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--" + flag, value}, Map.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message);
        assertThatThrownBy(() -> GatewayConfig.parse(new String[0], Map.of(setting.env(), value)))
            .hasMessage(message);
    }

    @Test
    void shouldHaveAnInvalidValueCaseForEveryFlagThatCanBeInvalid()
    {
        final List<String> covered = invalidValues().map(arguments -> (String)arguments.get()[0]).toList();

        assertThat(GatewayConfig.SETTINGS)
            .filteredOn(setting -> !setting.flag().startsWith("allowed-"))
            .allSatisfy(setting -> assertThat(covered).contains(setting.flag()));
    }

    @Test
    void shouldStartNoReplicationWithoutItsSettings()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[0], Map.of());

        assertThat(config.replicationConfig()).isNull();
        assertThat(config.edge()).isFalse();
        assertThat(config.engineContext().liveRecording()).isTrue();
    }

    @Test
    void shouldMakeARecorderWithDefaultsDerivedFromItsArchiveEndpoint()
    {
        final ReplicationConfig replication = GatewayConfig.parse(
            new String[] {"--replication-archive-endpoint", "10.0.0.5:8010", "--data-dir", "/tmp/rec"}, Map.of())
            .replicationConfig();

        assertThat(replication.isRecorder()).isTrue();
        assertThat(replication.isEdge()).isFalse();
        assertThat(replication.liveEndpoint()).isEqualTo("10.0.0.5:8011");
        assertThat(replication.archiveDir()).isEqualTo(Path.of("/tmp/rec", "archive"));
        assertThat(replication.streamId()).isEqualTo(ReplicationConfig.DEFAULT_STREAM_ID);
        assertThat(replication.termLength()).isEqualTo(ReplicationConfig.DEFAULT_TERM_LENGTH);
        assertThat(replication.embeddedDriver()).isTrue();
        assertThat(replication.aeronDir()).isNotBlank();
    }

    @Test
    void shouldMakeAnEdgeThatFollowsEveryRecorderNamed()
    {
        final GatewayConfig config = GatewayConfig.parseEdge(
            new String[] {"--from", "aeron:udp?endpoint=10.0.0.5:8010, 10.0.0.6:8010", "--from-http",
                "http://10.0.0.5:8000,https://10.0.0.6"}, Map.of());

        assertThat(config.edge()).isTrue();
        assertThat(config.recorderApiUrls()).containsExactly(URI.create("http://10.0.0.5:8000"),
            URI.create("https://10.0.0.6"));
        assertThatThrownBy(() -> GatewayConfig.parseEdge(new String[] {"--from", "h:1", "--from-http", "h:8000"},
            Map.of())).hasMessage("--from-http must be a http:// or https:// URL, was h:8000");
        assertThat(config.replicationConfig().from()).containsExactly("10.0.0.5:8010", "10.0.0.6:8010");
        assertThat(config.replicationConfig().isRecorder()).isFalse();
        assertThat(config.engineContext().liveRecording()).isFalse();
    }

    @Test
    void shouldRefuseAnEdgeWithoutRecordersOrWithAnExchange()
    {
        assertThatThrownBy(() -> GatewayConfig.parseEdge(new String[0], Map.of()))
            .hasMessage("--from must name a recorder's archive");
        assertThatThrownBy(() -> GatewayConfig.parseEdge(new String[] {"--from", "h:1", "--simulate"}, Map.of()))
            .hasMessage("an edge has no exchange: --simulate is for a recorder");
        assertThatThrownBy(() -> GatewayConfig.parseEdge(
            new String[] {"--from", "h:1", "--replication-archive-endpoint", "h:2"}, Map.of()))
            .hasMessage("--from is for an edge, which records no archive");
        assertThatThrownBy(() -> GatewayConfig.parse(
            new String[] {"--replication-archive-endpoint", "h:2", "--aeron-driver", "standalone"}, Map.of()))
            .hasMessage("--aeron-driver standalone needs --aeron-dir, the driver's directory");
    }

    @Test
    void shouldRefuseADataDirectoryThatIsAFile(@TempDir final Path dir) throws IOException
    {
        final Path file = Files.createFile(dir.resolve("file"));

        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--data-dir", file.toString()}, Map.of()))
            .hasMessage("--data-dir is not a directory: " + file);
    }

    @Test
    void shouldRecordBinanceAloneByDefaultAndGiveEachEnabledVenueItsUrls()
    {
        assertThat(GatewayConfig.parse(new String[0], Map.of()).venues()).containsExactly(Venue.BINANCE);

        final GatewayConfig config = GatewayConfig.parse(new String[] {"--venues", "okx, bybit,binance",
            "--bybit-ws-base-url", "ws://127.0.0.1:9200/v5/public/linear", "--bybit-symbols", "BTCUSDT,ETHUSDT"},
            Map.of("OKX_REST_BASE_URL", "http://127.0.0.1:9300"));

        assertThat(config.venues()).containsExactly(Venue.BINANCE, Venue.BYBIT, Venue.OKX);
        assertThat(config.bybitSymbols()).containsExactly("BTCUSDT", "ETHUSDT");
        final UpstreamConfig bybit = config.venueUpstreamConfig(Venue.BYBIT, null).conclude();
        assertThat(bybit.wsBaseUrl()).isEqualTo("ws://127.0.0.1:9200/v5/public/linear");
        assertThat(bybit.restBaseUrl()).isEqualTo("https://api.bybit.com");
        assertThat(bybit.maxStreamsPerMessage()).isEqualTo(10);
        final UpstreamConfig okx = config.venueUpstreamConfig(Venue.OKX, null).conclude();
        assertThat(okx.wsBaseUrl()).isEqualTo("wss://ws.okx.com:8443/ws/v5/public");
        assertThat(okx.restBaseUrl()).isEqualTo("http://127.0.0.1:9300");
    }

    @Test
    void shouldPointEveryVenueAtTheSimulatorWhenSimulating()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[] {"--simulate", "--venues", "binance,bybit,okx"},
            Map.of());
        try (ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig().generateFlow(false)))
        {
            assertThat(config.venueUpstreamConfig(Venue.BYBIT, simulator).wsBaseUrl())
                .isEqualTo(simulator.bybitWsUrl());
            assertThat(config.venueUpstreamConfig(Venue.OKX, simulator).wsBaseUrl()).isEqualTo(simulator.okxWsUrl());
            assertThat(config.venueUpstreamConfig(Venue.OKX, simulator).restBaseUrl())
                .isEqualTo(simulator.restBaseUrl());
        }
    }

    @Test
    void shouldRefuseMalformedArguments()
    {
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--bogus", "1"}, Map.of()))
            .hasMessage("unknown flag: --bogus (see --help)");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--port"}, Map.of()))
            .hasMessage("--port needs a value");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"8000"}, Map.of()))
            .hasMessage("unexpected argument: 8000");
    }

    @Test
    void shouldAnswerHelpWithoutValidating()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[] {"--port", "x", "--help"}, Map.of());

        assertThat(config.help()).isTrue();
        assertThat(GatewayConfig.usage()).contains("--simulate", "--port", "LIQVOL_HTTP_PORT", "BINANCE_WS_BASE_URL",
            "LIQUIDATION_API_BASE_URL", "[" + ServerConfig.DEFAULT_HOST + "]", "[" + ServerConfig.DEFAULT_PORT + "]",
            "[" + UpstreamConfig.DEFAULT_WS_BASE_URL + "]");
        assertThat(GatewayConfig.SETTINGS).allSatisfy(setting ->
            assertThat(GatewayConfig.usage()).contains("--" + setting.flag(), setting.env()));
    }

    @Test
    void shouldMatchTheReadmeConfigurationTable() throws IOException
    {
        assertMatchesTheSettings(configurationTable(Path.of("..", "README.md"), "### Configuration"));
    }

    @Test
    void shouldMatchTheContractsConfigurationTable() throws IOException
    {
        assertMatchesTheSettings(configurationTable(Path.of("..", "docs", "API.md"), "## 5. Configuration"));
    }

    /** Compares env, flag and default of each row; the --simulate switch is no setting but must be listed. */
    private static void assertMatchesTheSettings(final List<List<String>> rows)
    {
        final List<List<String>> settings = rows.stream()
            .filter(row -> !row.get(1).equals("--" + GatewayConfig.SIMULATE_FLAG))
            .collect(Collectors.toList());
        final List<List<String>> expected = new ArrayList<>();
        for (final GatewayConfig.Setting setting : GatewayConfig.SETTINGS)
        {
            expected.add(List.of(setting.env(), "--" + setting.flag(), setting.defaultValue()));
        }

        assertThat(settings).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).contains(List.of(GatewayConfig.SIMULATE_ENV + "=true", "--" + GatewayConfig.SIMULATE_FLAG,
            NO_DEFAULT));
        assertThat(expected).contains(List.of("LIQVOL_HTTP_PORT", "--port", "8000"),
            List.of("LIQVOL_MAX_PENDING_BYTES", "--max-pending-bytes", "1048576"));
    }

    /**
     * The (env, flag, default) columns of the table under that heading; a default not in backquotes ("unset",
     * "from the core count") is a description, read as no default. Rows without a flag (an environment variable
     * only, such as HTTPS_PROXY) are no gateway settings and left out.
     */
    private static List<List<String>> configurationTable(final Path file, final String heading) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        final int start = lines.indexOf(heading);
        assertThat(start).as(file + " has the heading " + heading).isNotNegative();
        final List<List<String>> rows = new ArrayList<>();
        for (final String line : lines.subList(start + 1, lines.size()))
        {
            if (line.startsWith("#"))
            {
                break;
            }
            final String[] cells = line.split("\\|");
            if (line.startsWith("| `") && !unquoted(cells[2]).isEmpty())
            {
                rows.add(List.of(unquoted(cells[1]), unquoted(cells[2]), unquoted(cells[3])));
            }
        }
        assertThat(rows).as("rows of the configuration table in " + file).isNotEmpty();
        return rows;
    }

    private static String unquoted(final String cell)
    {
        final String trimmed = cell.trim();
        return trimmed.startsWith("`") && trimmed.endsWith("`")
            ? trimmed.substring(1, trimmed.length() - 1)
            : NO_DEFAULT;
    }

    private static GatewayConfig.Setting setting(final String flag)
    {
        return GatewayConfig.SETTINGS.stream().filter(setting -> setting.flag().equals(flag)).findFirst().orElseThrow();
    }
}
