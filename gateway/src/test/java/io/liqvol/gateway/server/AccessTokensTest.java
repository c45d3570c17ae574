package io.liqvol.gateway.server;

import io.liqvol.engine.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokensTest
{
    private static final String TOKEN = "desk-token-0123456789abcdef";
    private static final String OTHER = "other-token-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAnythingWhenNoTokenIsConfigured()
    {
        final AccessTokens tokens = new AccessTokens("", null);

        assertThat(tokens.required()).isFalse();
        assertThat(tokens.accepts(null)).isTrue();
    }

    @Test
    void shouldAcceptOnlyTheConfiguredTokens() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("tokens"), "# comment\n\n  " + OTHER + "  \n");
        final AccessTokens tokens = new AccessTokens(TOKEN, file);

        assertThat(tokens.required()).isTrue();
        assertThat(tokens.accepts(TOKEN)).isTrue();
        assertThat(tokens.accepts(OTHER)).isTrue();
        assertThat(tokens.accepts(null)).isFalse();
        assertThat(tokens.accepts(TOKEN.substring(1))).isFalse();
        assertThat(tokens.accepts("# comment")).isFalse();
    }

    @Test
    void shouldReportAChangeOnReloadAndFailClosedWithoutTheFile() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        final AccessTokens tokens = new AccessTokens("", file);

        assertThat(tokens.reload()).isFalse();
        Files.writeString(file, OTHER + "\n");
        assertThat(tokens.reload()).isTrue();
        assertThat(tokens.accepts(TOKEN)).isFalse();
        assertThat(tokens.accepts(OTHER)).isTrue();
        Files.delete(file);
        assertThat(tokens.reload()).isTrue();
        assertThat(tokens.required()).isTrue();
        assertThat(tokens.accepts(OTHER)).isFalse();
    }

    @Test
    void shouldRefuseAShortTokenWithoutShowingIt() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("tokens"), "short-secret\n");

        assertThatThrownBy(() -> new AccessTokens("", file))
            .isInstanceOf(InvalidSettingException.class).hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new AccessTokens("has space in it 0123456789", null))
            .isInstanceOf(InvalidSettingException.class).hasMessageContaining("apiToken");
    }
}
