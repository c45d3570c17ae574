package io.liqvol.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyReportTest
{
    @Test
    void shouldPrintPercentilesInMicroseconds()
    {
        final Histogram histogramNs = new Histogram(3);
        for (int i = 1; i <= 1000; i++)
        {
            histogramNs.recordValue(i * 1_000L);
        }

        final String row = LatencyReport.row("engine", histogramNs);

        assertThat(row).isEqualTo("| engine | 1,000 | 500 | 500 | 900 | 990 | 999 | 1,000 | 1,000 |");
        assertThat(row.split("\\|")).hasSize(LatencyReport.header().split("\n")[0].split("\\|").length);
    }

    @Test
    void shouldKeepTwoDecimalsBelowOneHundredMicroseconds()
    {
        assertThat(LatencyReport.micros(2_150)).isEqualTo("2.15");
        assertThat(LatencyReport.micros(14_900_000)).isEqualTo("14,900");
    }

    @Test
    void shouldDivideEachFigureByTheBaselines()
    {
        final Histogram histogramNs = new Histogram(3);
        final Histogram baselineNs = new Histogram(3);
        for (int i = 1; i <= 1000; i++)
        {
            histogramNs.recordValue(i * 3_000L);
            baselineNs.recordValue(i * 1_000L);
        }

        final String row = LatencyReport.ratioRow("engine / ring", histogramNs, baselineNs);

        assertThat(row).isEqualTo("| engine / ring | — | 3.0× | 3.0× | 3.0× | 3.0× | 3.0× | 3.0× | 3.0× |");
        assertThat(LatencyReport.ratio(5, 0)).isEqualTo("—");
    }
}
