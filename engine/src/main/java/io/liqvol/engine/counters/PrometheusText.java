package io.liqvol.engine.counters;

import java.util.function.Predicate;

/** Writes metrics in the Prometheus text exposition format, {@code text/plain; version=0.0.4}. */
public final class PrometheusText
{
    private PrometheusText()
    {
    }

    /** Every counter of the set in id order, with one HELP and TYPE header per metric. */
    public static void write(final StringBuilder out, final CounterSet counters)
    {
        write(out, counters, descriptor -> true);
    }

    /** The counters of the set that {@code included} selects, in id order, with one header per metric. */
    public static void write(
        final StringBuilder out, final CounterSet counters, final Predicate<CounterDescriptor> included)
    {
        CounterDescriptor previous = null;
        for (final CounterDescriptor descriptor : counters.descriptors())
        {
            if (!included.test(descriptor))
            {
                continue;
            }
            if (previous == null || !descriptor.sameMetric(previous))
            {
                header(out, descriptor.name(), descriptor.help(), descriptor.kind().text());
            }
            sample(out, descriptor.name(), descriptor.labels(), counters.get(descriptor.id()));
            previous = descriptor;
        }
    }

    /** A metric without labels whose value is computed when written rather than counted. */
    public static void write(
        final StringBuilder out, final String name, final String help, final CounterDescriptor.Kind kind,
        final long value)
    {
        header(out, name, help, kind.text());
        sample(out, name, null, value);
    }

    public static void header(final StringBuilder out, final String name, final String help, final String type)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(final StringBuilder out, final String name, final String labels, final long value)
    {
        out.append(name);
        if (labels != null)
        {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }
}
