package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine in a JVM whose direct memory is limited to 64 MiB: its default budget follows the limit, symbols beyond
 * it are refused and counted while the admitted ones flow without a stall, and a restart on that journal in the same
 * limit recovers (issue 14, defect 3, end to end).
 */
class DirectMemoryLimitTest
{
    private static final long DIRECT_MEMORY_BYTES = 64L << 20;
    /**
     * A failed direct allocation used to stall the stage thread about a second for each of the refused symbols; a
     * loaded machine may hold up one hand-in that long now and then, never one per refused symbol.
     */
    private static final long MOST_SLOW_INGESTS = 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldRefuseSymbolsBeyondTheBudgetOfASmallDirectMemoryLimitWithoutStallingAndRecoverInIt() throws Exception
    {
        final Map<String, Long> fill = runChild("fill");
        assertThat(fill.get("budget_bytes")).isEqualTo(DIRECT_MEMORY_BYTES / 2);
        final long admitted = fill.get("admitted_symbols");
        assertThat(admitted).isPositive();
        assertThat(fill.get("offered_symbols")).isEqualTo(admitted + DirectMemoryLimitedEngineMain.EXTRA_SYMBOLS);
        final long perSymbol = fill.get("liquidations_per_symbol");
        assertThat(fill.get("symbols_refused")).isEqualTo(DirectMemoryLimitedEngineMain.EXTRA_SYMBOLS);
        assertThat(fill.get("budget_rejects")).isEqualTo(DirectMemoryLimitedEngineMain.EXTRA_SYMBOLS * perSymbol);
        assertThat(fill.get("accepted")).isEqualTo(admitted * perSymbol);
        assertThat(fill.get("published")).isEqualTo(admitted * perSymbol);
        assertThat(fill.get("stage_errors")).isZero();
        assertThat(fill.get("slow_ingests")).as("hand-ins that waited on a stalled stage")
            .isLessThanOrEqualTo(MOST_SLOW_INGESTS);

        final Map<String, Long> recover = runChild("recover");
        assertThat(recover.get("budget_bytes")).isEqualTo(DIRECT_MEMORY_BYTES / 2);
        assertThat(recover.get("recovered_liquidations")).isEqualTo(admitted * perSymbol);
        assertThat(recover.get("recovered_symbols")).isEqualTo(admitted);
        assertThat(recover.get("accepted")).isEqualTo(1);
        assertThat(recover.get("symbols_refused")).isEqualTo(1);
        assertThat(recover.get("stage_errors")).isZero();
    }

    /** Runs the child to its end under the limit; its {@code name=value} lines. */
    private Map<String, Long> runChild(final String phase) throws IOException, InterruptedException
    {
        final Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:MaxDirectMemorySize=" + DIRECT_MEMORY_BYTES, "-Xmx256m",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"),
            DirectMemoryLimitedEngineMain.class.getName(), dir.toString(), phase)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        final Map<String, Long> figures = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final int equals = line.indexOf('=');
                figures.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(phase + " exit code").isZero();
        return figures;
    }
}
