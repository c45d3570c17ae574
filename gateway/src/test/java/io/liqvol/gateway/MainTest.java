package io.liqvol.gateway;

import io.liqvol.gateway.testing.LiqvolProcess;
import io.liqvol.gateway.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the main program as its own process, as a user does. */
class MainTest
{
    private static final Pattern LISTENING = Pattern.compile("liqvol listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void shouldPrintHelpAndExitZero() throws Exception
    {
        final Process process = LiqvolProcess.java("--help").start();

        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).contains("--simulate", "LIQVOL_HTTP_PORT", "--binance-ws-base-url");
    }

    @Test
    void shouldRefuseAnInvalidValueWithExitCodeTwo() throws Exception
    {
        final Process process = LiqvolProcess.java("--port", "not-a-port").start();

        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).contains("--port must be an integer");
    }

    @Test
    void shouldRunTheImportCommandOnTheDataDirectory() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-import-main-test");
        final Path missing = dataDir.resolve("missing.csv");
        final Process process =
            LiqvolProcess.java("import", "--data-dir", dataDir.toString(), missing.toString()).start();

        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).contains("not a file: " + missing);
    }

    @Test
    void shouldServeWithTheSimulatorAndStopGracefullyOnSigterm() throws Exception
    {
        final Path dataDir = TempDirs.create("liqvol-main-test");
        final Process process = LiqvolProcess.java("--simulate", "--port", "0", "--data-dir", dataDir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            final BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            final String line = out.readLine();
            assertThat(line).isNotNull();
            final Matcher matcher = LISTENING.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();

            final HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(matcher.group(1) + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"upstream\"");

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
        }
        finally
        {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldExitWithAMessageWhenThePortIsTaken() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final Path dataDir = TempDirs.create("liqvol-main-port-test");
            final Path stderr = dataDir.resolve("stderr.txt");
            final Process process = LiqvolProcess.java("--simulate", "--port", String.valueOf(taken.getLocalPort()),
                "--data-dir", dataDir.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
            try
            {
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited, not hung on started threads").isTrue();
                assertThat(process.exitValue()).isEqualTo(1);
                assertThat(Files.readString(stderr))
                    .contains("could not start on 127.0.0.1:" + taken.getLocalPort(), "Address already in use");
            }
            finally
            {
                process.destroyForcibly();
            }
        }
    }
}
