package io.liqvol.gateway.alerts;

import io.liqvol.engine.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertsConfigTest
{
    @Test
    void shouldAllowWebhooksOnlyToListedHostsOverHttp()
    {
        final AlertsConfig config = AlertsConfig.of(Path.of("data"), List.of("hooks.example", "127.0.0.1"), 0, 5000);

        assertThat(config.allowsWebhook("https://HOOKS.example/a")).isTrue();
        assertThat(config.allowsWebhook("http://127.0.0.1:9000/hook")).isTrue();
        assertThat(config.allowsWebhook("http://evil.example/hook")).isFalse();
        assertThat(config.allowsWebhook("http://hooks.example.evil.example/")).isFalse();
        assertThat(config.allowsWebhook("ftp://hooks.example/")).isFalse();
        assertThat(config.allowsWebhook("http://hooks example/")).isFalse();
        assertThat(AlertsConfig.of(Path.of("data"), List.of("*"), 0, 5000).allowsWebhook("http://x.example/"))
            .isTrue();
        assertThat(AlertsConfig.of(Path.of("data"), List.of(), 0, 5000).allowsWebhook("http://x.example/"))
            .isFalse();
        assertThat(config.directory()).isEqualTo(Path.of("data", "alerts"));
    }

    @Test
    void shouldRefuseAnInvalidSetting()
    {
        assertThatThrownBy(() -> AlertsConfig.of(Path.of("d"), List.of("a/b"), 0, 5000))
            .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> AlertsConfig.of(Path.of("d"), List.of(), -1, 5000))
            .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> AlertsConfig.of(Path.of("d"), List.of(), 0, 99))
            .isInstanceOf(InvalidSettingException.class);
    }
}
