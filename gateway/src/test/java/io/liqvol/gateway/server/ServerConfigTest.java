package io.liqvol.gateway.server;

import io.liqvol.engine.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest
{
    @Test
    void shouldConcludeWithItsDefaults()
    {
        final ServerConfig config = new ServerConfig().conclude();

        assertThat(config.host()).isEqualTo(ServerConfig.DEFAULT_HOST).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(config.maxConnections()).isEqualTo(ServerConfig.DEFAULT_MAX_CONNECTIONS);
        assertThat(config.maxConnectionsPerAddress()).isEqualTo(ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
        assertThat(config.requestsPerSecond()).isEqualTo(ServerConfig.DEFAULT_REQUESTS_PER_SECOND);
        assertThat(config.maxClientFrameBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_CLIENT_FRAME_BYTES);
        assertThat(config.maxPendingBytes()).isEqualTo(ServerConfig.DEFAULT_MAX_PENDING_BYTES);
        assertThat(config.allowedOrigins()).isEmpty();
        assertThat(config.allowedHosts()).isEmpty();
        assertThat(config.headerTimeoutMs()).isEqualTo(ServerConfig.DEFAULT_HEADER_TIMEOUT_MS);
        assertThat(config.maxConnectionsPerAddress()).isLessThan(config.maxConnections() / 10);
    }

    @Test
    void shouldReserveATenthOfTheConnectionsUnlessToldOtherwise()
    {
        final ServerConfig fifty = new ServerConfig().maxConnections(50).maxConnectionsPerAddress(10);
        assertThat(fifty.conclude().reservedConnections()).isEqualTo(5);
        assertThat(fifty.reservedConnections(0).conclude().reservedConnections()).isZero();
        assertThatThrownBy(() -> fifty.reservedConnections(50).conclude())
            .hasMessage("reservedConnections must be in [0, 49], was 50");
    }

    @Test
    void shouldNameTheInvalidSetting()
    {
        assertThatThrownBy(() -> new ServerConfig().port(70_000).conclude())
            .isInstanceOfSatisfying(InvalidSettingException.class, e ->
                assertThat(e.setting()).isEqualTo("port"))
            .hasMessage("port must be in [0, 65535], was 70000");
        assertThatThrownBy(() -> new ServerConfig().host(" ").conclude()).hasMessage("host must not be empty");
        assertThatThrownBy(() -> new ServerConfig().maxConnections(10).maxConnectionsPerAddress(11).conclude())
            .hasMessage("maxConnectionsPerAddress must be in [1, 10], was 11");
        assertThatThrownBy(() -> new ServerConfig().maxClientFrameBytes(64).conclude())
            .hasMessageStartingWith("maxClientFrameBytes ");
        assertThatThrownBy(() -> new ServerConfig().maxPendingBytes(0).conclude())
            .hasMessageStartingWith("maxPendingBytes ");
        assertThatThrownBy(() -> new ServerConfig().pingIntervalMs(5).conclude())
            .hasMessage("pingIntervalMs must be in [10, 3600000], was 5");
        assertThatThrownBy(() -> new ServerConfig().headerTimeoutMs(99).conclude())
            .hasMessage("headerTimeoutMs must be in [100, 600000], was 99");
        assertThatThrownBy(() -> new ServerConfig().pingIntervalMs(1_000).pongTimeoutMs(1_000).conclude())
            .hasMessage("pongTimeoutMs must be above pingIntervalMs (1000) and at most 86400000, was 1000");
    }
}
