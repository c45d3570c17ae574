package io.liqvol.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a latency histogram (recorded in nanoseconds) as the percentiles the results table quotes. */
public final class LatencyReport
{
    private LatencyReport()
    {
    }

    /** One markdown table row: count, mean, p50, p90, p99, p99.9, p99.99, max, in microseconds. */
    public static String row(final String label, final Histogram histogramNs)
    {
        return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s |",
            label,
            histogramNs.getTotalCount(),
            micros((long)histogramNs.getMean()),
            micros(histogramNs.getValueAtPercentile(50)),
            micros(histogramNs.getValueAtPercentile(90)),
            micros(histogramNs.getValueAtPercentile(99)),
            micros(histogramNs.getValueAtPercentile(99.9)),
            micros(histogramNs.getValueAtPercentile(99.99)),
            micros(histogramNs.getMaxValue()));
    }

    /** A row of ratios, column by column, of one histogram's figures to another's (the baseline's). */
    static String ratioRow(final String label, final Histogram histogramNs, final Histogram baselineNs)
    {
        return String.format(Locale.ROOT, "| %s | — | %s | %s | %s | %s | %s | %s | %s |",
            label,
            ratio(histogramNs.getMean(), baselineNs.getMean()),
            ratio(histogramNs.getValueAtPercentile(50), baselineNs.getValueAtPercentile(50)),
            ratio(histogramNs.getValueAtPercentile(90), baselineNs.getValueAtPercentile(90)),
            ratio(histogramNs.getValueAtPercentile(99), baselineNs.getValueAtPercentile(99)),
            ratio(histogramNs.getValueAtPercentile(99.9), baselineNs.getValueAtPercentile(99.9)),
            ratio(histogramNs.getValueAtPercentile(99.99), baselineNs.getValueAtPercentile(99.99)),
            ratio(histogramNs.getMaxValue(), baselineNs.getMaxValue()));
    }

    static String ratio(final double value, final double baseline)
    {
        return baseline <= 0 ? "—" : String.format(Locale.ROOT, "%.1f×", value / baseline);
    }

    public static String header()
    {
        return "| run | samples | mean µs | p50 µs | p90 µs | p99 µs | p99.9 µs | p99.99 µs | max µs |\n"
            + "|---|---|---|---|---|---|---|---|---|";
    }

    static String micros(final long nanos)
    {
        return nanos >= 100_000
            ? String.format(Locale.ROOT, "%,d", nanos / 1000)
            : String.format(Locale.ROOT, "%.2f", nanos / 1000.0);
    }

    /** The one-minute load average and the JVM's arguments, to state the conditions of a run. */
    public static String conditions()
    {
        return "load average (1m 5m 15m): " + loadAverage() + "; cores: " + Runtime.getRuntime().availableProcessors()
            + "; JVM " + System.getProperty("java.vm.version") + " "
            + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
