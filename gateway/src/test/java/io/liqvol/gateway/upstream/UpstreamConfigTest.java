package io.liqvol.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamConfigTest
{
    @Test
    void shouldDefaultToBinanceWithinItsLimits()
    {
        final UpstreamConfig config = new UpstreamConfig().conclude();

        assertThat(config.wsBaseUrl()).isEqualTo("wss://fstream.binance.com/market");
        assertThat(config.restBaseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(config.mode()).isEqualTo(UpstreamMode.ALL_MARKET);
        assertThat(1_000 / config.controlIntervalMs()).isLessThan(10);
        assertThat(config.maxStreamsPerConnection()).isEqualTo(1024);
        assertThat(config.rotateAfterMs()).isLessThan(24 * 3_600_000L);
        assertThat(config.pingIntervalMs()).isLessThan(config.idleTimeoutMs());
    }

    @Test
    void shouldRejectBadSettingsByName()
    {
        assertThatThrownBy(() -> new UpstreamConfig().wsBaseUrl("http://x/market").conclude())
            .hasMessageContaining("wsBaseUrl");
        assertThatThrownBy(() -> new UpstreamConfig().restBaseUrl("ftp://x").conclude())
            .hasMessageContaining("restBaseUrl");
        assertThatThrownBy(() -> new UpstreamConfig().pingIntervalMs(60_000).idleTimeoutMs(30_000).conclude())
            .hasMessageContaining("pingIntervalMs");
        assertThatThrownBy(() -> new UpstreamConfig().maxBackoffMs(10).conclude())
            .hasMessageContaining("maxBackoffMs");
        assertThatThrownBy(() -> new UpstreamConfig().proxy(URI.create("http://proxy")).conclude())
            .hasMessageContaining("proxy");
    }

    @Test
    void shouldReadTheProxyFromTheEnvironment()
    {
        assertThat(UpstreamConfig.proxyFromEnvironment(Map.of())).isNull();
        assertThat(UpstreamConfig.proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://u:p@proxy.desk:3128")))
            .isEqualTo(URI.create("http://u:p@proxy.desk:3128"));
        assertThat(UpstreamConfig.proxyFromEnvironment(Map.of("https_proxy", "proxy.desk:8080")))
            .isEqualTo(URI.create("http://proxy.desk:8080"));
    }

    @Test
    void shouldNameModesAsTheContractDoes()
    {
        assertThat(UpstreamMode.fromCode("all-market")).isEqualTo(UpstreamMode.ALL_MARKET);
        assertThat(UpstreamMode.fromCode("per-symbol")).isEqualTo(UpstreamMode.PER_SYMBOL);
        assertThat(UpstreamMode.fromCode("PER_SYMBOL")).isNull();
        assertThat(UpstreamMode.PER_SYMBOL.code()).isEqualTo("per-symbol");
    }
}
