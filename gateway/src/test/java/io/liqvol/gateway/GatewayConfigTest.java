package io.liqvol.gateway;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import io.liqvol.engine.EngineContext;
import io.liqvol.gateway.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayConfigTest
{
    @Test
    void shouldUseTheContractDefaults()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[0], Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.upstreamMode()).isEqualTo("all-market");
        assertThat(config.binanceWsBaseUrl()).isEqualTo("wss://fstream.binance.com/market");
        assertThat(config.binanceRestBaseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(config.liquidationApiBaseUrl()).isNull();
        assertThat(config.simulate()).isFalse();
        assertThat(config.help()).isFalse();
    }

    @Test
    void shouldLetFlagsOverrideTheEnvironment()
    {
        final GatewayConfig config = GatewayConfig.parse(
            new String[] {"--port", "0", "--upstream-mode=per-symbol", "--simulate", "--allowed-origins", "https://a.example, *"},
            Map.of("LIQVOL_HTTP_PORT", "9000", "LIQVOL_HTTP_HOST", "0.0.0.0", "LIQVOL_DATA_DIR", "/tmp/x",
                "LIQUIDATION_API_BASE_URL", "http://peer:8000"));

        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.upstreamMode()).isEqualTo("per-symbol");
        assertThat(config.liquidationApiBaseUrl()).isEqualTo("http://peer:8000");
        assertThat(config.simulate()).isTrue();
        final ServerConfig server = config.serverConfig();
        assertThat(server.allowedOrigins()).isEqualTo(List.of("https://a.example", "*"));
        assertThat(server.port()).isZero();
    }

    @Test
    void shouldRefuseInvalidValuesNamingTheFlag()
    {
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--port", "70000"}, Map.of()))
            .hasMessageContaining("--port");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[0], Map.of("LIQVOL_HTTP_PORT", "eighty")))
            .hasMessageContaining("--port");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--upstream-mode", "some"}, Map.of()))
            .hasMessageContaining("--upstream-mode");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--binance-ws-base-url", "http://x"}, Map.of()))
            .hasMessageContaining("--binance-ws-base-url");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--bogus", "1"}, Map.of()))
            .hasMessageContaining("unknown flag: --bogus");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--port"}, Map.of()))
            .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--max-connections-per-address", "20000"}, Map.of()))
            .hasMessageContaining("maxConnectionsPerAddress");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[] {"--engine-stage-threads", "3"}, Map.of()))
            .hasMessageContaining("--engine-stage-threads");
        assertThatThrownBy(() -> GatewayConfig.parse(new String[0], Map.of("LIQVOL_ENGINE_WAIT_STRATEGY", "fast")))
            .hasMessageContaining("--engine-wait-strategy");
    }

    @Test
    void shouldConfigureTheEngineThreads()
    {
        final GatewayConfig defaults = GatewayConfig.parse(new String[0], Map.of());
        final GatewayConfig tuned = GatewayConfig.parse(
            new String[] {"--engine-stage-threads", "4", "--engine-wait-strategy", "busy-spin"}, Map.of());

        assertThat(defaults.engineStageThreads()).isEqualTo(EngineContext.DEFAULT_STAGE_THREADS);
        assertThat(defaults.engineWaitStrategy()).isInstanceOf(BlockingWaitStrategy.class);
        assertThat(tuned.engineStageThreads()).isEqualTo(4);
        assertThat(tuned.engineWaitStrategy()).isInstanceOf(BusySpinWaitStrategy.class);
    }

    @Test
    void shouldAnswerHelpWithoutValidating()
    {
        final GatewayConfig config = GatewayConfig.parse(new String[] {"--port", "x", "--help"}, Map.of());

        assertThat(config.help()).isTrue();
        assertThat(GatewayConfig.usage()).contains("--simulate", "--port", "LIQVOL_HTTP_PORT", "BINANCE_WS_BASE_URL",
            "LIQUIDATION_API_BASE_URL", "[127.0.0.1]");
    }
}
