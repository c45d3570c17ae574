package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeClientsHarnessTest
{
    private static final int CLIENTS = 4;
    private static final int RATE = 50;
    private static final int WARMUP_SECONDS = 1;
    private static final int SECONDS = 2;

    @Test
    void shouldReportTheRecorderOneEdgeAndTwoEdgesWithEveryRowCounted() throws Exception
    {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final boolean complete;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8))
        {
            complete = EdgeClientsHarness.run(new String[] {"--clients", String.valueOf(CLIENTS), "--rate",
                String.valueOf(RATE), "--warmup-seconds", String.valueOf(WARMUP_SECONDS), "--seconds",
                String.valueOf(SECONDS), "--client-heap", "128m", "--edge-heap", "256m"}, out);
        }
        final String text = output.toString(StandardCharsets.UTF_8);

        assertThat(complete).as(text).isTrue();
        assertThat(text).contains("load average before / after: ");
        final List<String[]> rows = text.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| config"))
            .map(line -> Arrays.stream(line.substring(2, line.length() - 2).split(" \\| ")).map(String::trim)
                .toArray(String[]::new))
            .toList();
        assertThat(rows).extracting(row -> row[0])
            .containsExactly("recorder itself (baseline)", "one edge", "two edges, half each");
        assertThat(rows).extracting(row -> row[1]).containsExactly("4", "4", "2");
        final int events = RATE * (WARMUP_SECONDS + SECONDS);
        final int measured = RATE * SECONDS;
        for (final String[] row : rows)
        {
            assertThat(row).hasSize(14);
            assertThat(row[2]).isEqualTo(CLIENTS * events + " / " + CLIENTS * events);
            assertThat(row[9]).isEqualTo(String.valueOf(CLIENTS * measured));
            assertThat(row[10]).isEqualTo("0");
            assertThat(row[11]).isEqualTo("0");
            assertThat(Long.parseLong(row[3])).isPositive().isLessThanOrEqualTo(Long.parseLong(row[4]));
        }
        assertThat(rows.get(0)[13]).isEqualTo("—");
        assertThat(rows.get(1)[13]).matches("\\d+");
        assertThat(rows.get(2)[13]).matches("\\d+ \\+ \\d+");
    }
}
