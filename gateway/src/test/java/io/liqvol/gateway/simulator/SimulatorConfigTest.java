package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorConfigTest
{
    @Test
    void shouldDefaultToBinancesRules()
    {
        final SimulatorConfig config = new SimulatorConfig().conclude();

        assertThat(config.liquidationIntervalMs()).isEqualTo(1_000);
        assertThat(config.pingIntervalMs()).isEqualTo(180_000);
        assertThat(config.pongTimeoutMs()).isEqualTo(600_000);
        assertThat(config.maxConnectionAgeMs()).isEqualTo(86_400_000);
        assertThat(config.maxMessagesPerWindow()).isEqualTo(10);
        assertThat(config.rateWindowMs()).isEqualTo(1_000);
        assertThat(config.maxStreamsPerConnection()).isEqualTo(1_024);
        assertThat(config.symbols()).hasSize(20);
    }

    @Test
    void shouldRejectBadSettingsByName()
    {
        assertThatThrownBy(() -> new SimulatorConfig().pingIntervalMs(1_000).pongTimeoutMs(500).conclude())
            .hasMessageContaining("pongTimeoutMs");
        assertThatThrownBy(() -> new SimulatorConfig().liquidationIntervalMs(0).conclude())
            .hasMessageContaining("liquidationIntervalMs");
        assertThatThrownBy(() -> new SimulatorConfig().port(70_000).conclude()).hasMessageContaining("port");
    }
}
