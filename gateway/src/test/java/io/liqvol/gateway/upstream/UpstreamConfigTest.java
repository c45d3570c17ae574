package io.liqvol.gateway.upstream;

import io.liqvol.engine.InvalidSettingException;
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
        assertThat(config.mode()).isEqualTo(UpstreamMode.ALL_MARKET).isEqualTo(UpstreamConfig.DEFAULT_MODE);
        assertThat(1_000 / config.controlIntervalMs()).isLessThan(10);
        assertThat(config.maxStreamsPerConnection()).isEqualTo(1024);
        assertThat(config.rotateAfterMs()).isLessThan(24 * 3_600_000L);
        assertThat(config.pingIntervalMs()).isLessThan(config.idleTimeoutMs());
    }

    @Test
    void shouldRejectBadSettingsByName()
    {
        assertThatThrownBy(() -> new UpstreamConfig().wsBaseUrl("http://x/market").conclude())
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("wsBaseUrl must be a ws:// or wss:// URL, was http://x/market");
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
    void shouldAcceptAUrlOnlyWithItsSchemesAndAHost()
    {
        assertThat(UpstreamConfig.requireUrl("peer", "HTTP://peer.desk:8000", "http", "https"))
            .isEqualTo(URI.create("HTTP://peer.desk:8000"));
        assertThatThrownBy(() -> UpstreamConfig.requireUrl("peer", "https://", "http", "https"))
            .hasMessage("peer must be a http:// or https:// URL, was https://");
        assertThatThrownBy(() -> UpstreamConfig.requireUrl("peer", "http://a b", "http", "https"))
            .hasMessage("peer must be a http:// or https:// URL, was http://a b");
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
        assertThat(UpstreamMode.named("all-market")).isEqualTo(UpstreamMode.ALL_MARKET);
        assertThat(UpstreamMode.named("per-symbol")).isEqualTo(UpstreamMode.PER_SYMBOL);
        assertThatThrownBy(() -> UpstreamMode.named("PER_SYMBOL"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("mode must be all-market or per-symbol, was PER_SYMBOL");
        assertThat(UpstreamMode.PER_SYMBOL.code()).isEqualTo("per-symbol");
    }
}
