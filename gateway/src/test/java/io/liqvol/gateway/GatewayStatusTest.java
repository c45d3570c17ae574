package io.liqvol.gateway;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GatewayStatusTest
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldNameTheDataDirectoryWithoutItsPath() throws Exception
    {
        final Path dataDir = dir.resolve("private-parent").resolve("liqvol-data");
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString()}, Map.of()), new SimulatorConfig().generateFlow(false),
            new ServerConfig().port(0)))
        {
            final String health = get(gateway, "/health");

            assertThat(((Map<?, ?>)TestJson.object(health).get("journal")).get("data_dir")).isEqualTo("liqvol-data");
            assertThat(health).doesNotContain("private-parent", dir.toString());
        }
    }

    @Test
    void shouldStartOnAFullDiskServeDegradedAndJournalAGapOnceSpaceReturns() throws Exception
    {
        final Path dataDir = Files.createDirectory(dir.resolve("data"));
        // Smaller than one segment of the gateway's default size: the journal cannot even begin.
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dataDir.toString()) == 0,
            "mounting a tmpfs is not permitted here");
        try
        {
            serveDegradedThenResume(dataDir);
        }
        finally
        {
            // Lazily: the segments stay mapped until their buffers are collected.
            run("umount", "-l", dataDir.toString());
        }
    }

    private static void serveDegradedThenResume(final Path dataDir) throws Exception
    {
        final Gap disclosed;
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString()}, Map.of()), new SimulatorConfig().liquidationIntervalMs(5),
            new ServerConfig().port(0)))
        {
            Await.until("liquidations published", () -> gateway.engine().counters().published() > 20);
            final Map<String, Object> health = TestJson.object(get(gateway, "/health"));
            assertThat(health).containsEntry("status", "degraded")
                .containsEntry("reasons", List.of("journal_unwritable")).containsEntry("ready", false);
            final HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(TestJson.object(ready.body())).containsEntry("reasons", List.of("journal_unwritable"));
            final Map<?, ?> degraded = (Map<?, ?>)((Map<?, ?>)health.get("journal")).get("failure");
            assertThat((String)degraded.get("reason")).contains("No space left on device");
            assertThat((Long)degraded.get("since")).isPositive();
            // The failed allocation is given back: what is free is the whole filesystem, less than a segment.
            assertThat((Long)degraded.get("free_bytes")).isPositive().isLessThanOrEqualTo(16L << 20)
                .isLessThan(EngineContext.DEFAULT_SEGMENT_BYTES);
            final String metrics = get(gateway, "/metrics");
            assertThat(metric(metrics, "liqvol_journal_writable")).isZero();
            assertThat(metric(metrics, "liqvol_journal_failures_total")).isEqualTo(1);
            assertThat(metric(metrics, "liqvol_journal_unjournaled_records_total")).isPositive();
            assertThat(metric(metrics, "liqvol_journal_free_bytes")).isPositive().isLessThanOrEqualTo(16L << 20);
            final long published = gateway.engine().counters().published();
            Await.until("live data flowing while degraded",
                () -> gateway.engine().counters().published() > published + 20);

            final int gapsBefore = journalGaps(gateway).size();
            assertThat(run("mount", "-o", "remount,size=100m", dataDir.toString())).isZero();
            Await.until("journaling resumed", () -> gateway.engine().journalStatus().journalGaps() == 1);
            final List<?> gaps = journalGaps(gateway);
            assertThat(gaps).as("the disclosed gap listed without a restart").hasSize(gapsBefore + 1);
            disclosed = gateway.engine().gaps().get(gapsBefore);
            final Map<Object, Object> expected = new HashMap<>(
                Map.of("from", disclosed.fromMs(), "to", disclosed.toMs(), "kind", "journal"));
            // the engine's own gap is no venue's
            expected.put("exchange", null);
            assertThat(gaps.get(gapsBefore)).isEqualTo(expected);
            Await.until("healthy", () -> TestJson.object(getUnchecked(gateway, "/health")).get("status").equals("ok"));
            assertThat(metric(get(gateway, "/metrics"), "liqvol_journal_writable")).isEqualTo(1);
            Await.until("liquidations journaled",
                () -> gateway.engine().journalStatus().newestSegmentRecords() > 10);
        }

        // Reading back what was journaled, not a recording run: no downtime gap of its own.
        try (LiqvolEngine engine = LiqvolEngine.launch(
            new EngineContext().dataDir(dataDir).liveRecording(false).conclude()))
        {
            assertThat(engine.recovery().gaps()).isEqualTo(1);
            assertThat(engine.recovery().liquidations()).isPositive();
            assertThat(engine.gaps()).containsExactly(disclosed);
            assertThat(disclosed.toMs()).isGreaterThan(disclosed.fromMs());
        }
    }

    private static List<?> journalGaps(final Gateway gateway) throws Exception
    {
        return (List<?>)((Map<?, ?>)TestJson.object(get(gateway, "/health")).get("journal")).get("gaps");
    }

    private static long metric(final String metrics, final String name)
    {
        final Matcher matcher = Pattern.compile("(?m)^" + name + " (-?\\d+)").matcher(metrics);
        assertThat(matcher.find()).as(name).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String get(final Gateway gateway, final String path) throws Exception
    {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String getUnchecked(final Gateway gateway, final String path)
    {
        try
        {
            return get(gateway, path);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static int run(final String... command) throws Exception
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
