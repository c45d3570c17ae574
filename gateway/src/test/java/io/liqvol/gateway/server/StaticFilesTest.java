package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFilesTest
{
    private final StaticFiles files = new StaticFiles("static", StaticFilesTest.class.getClassLoader());

    @Test
    void shouldServeTheIndexAtTheRootWithAStrongEtag()
    {
        final StaticFiles.StaticFile index = files.find("/");

        assertThat(new String(index.content(), StandardCharsets.UTF_8)).contains("liqvol test page");
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(index.immutable()).isFalse();
        assertThat(files.find("/index.html").etag()).isEqualTo(index.etag());
    }

    @Test
    void shouldMarkHashedAssetsImmutable()
    {
        final StaticFiles.StaticFile asset = files.find("/assets/app.js");

        assertThat(asset.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(asset.immutable()).isTrue();
    }

    @Test
    void shouldRefuseEveryPathThatCouldEscape()
    {
        assertThat(files.find("/../static/index.html")).isNull();
        assertThat(files.find("/assets/../index.html")).isNull();
        assertThat(files.find("/./index.html")).isNull();
        assertThat(files.find("//index.html")).isNull();
        assertThat(files.find("/assets\\app.js")).isNull();
        assertThat(files.find("/.hidden.txt")).isNull();
        assertThat(files.find("/io/liqvol/gateway/server/StaticFiles.class")).isNull();
        assertThat(files.find("/missing.html")).isNull();
        assertThat(files.find("/assets/")).isNull();
    }
}
