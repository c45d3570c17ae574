package io.liqvol.engine.counters;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One counter: its index in its {@link CounterSet}, the Prometheus metric it is exposed as, the help text and, for a
 * member of a family such as rejected-by-reason, its labels ({@code reason="overflow"}). Members of a family share
 * name, help and kind and sit next to each other in their set.
 */
public record CounterDescriptor(int id, String name, String help, Kind kind, String labels)
{
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABELS =
        Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\")*");

    /** A Prometheus metric type: a counter only goes up, a gauge (a count of open things) goes both ways. */
    public enum Kind
    {
        COUNTER,
        GAUGE;

        /** The word in a {@code # TYPE} line. */
        public String text()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CounterDescriptor
    {
        if (id < 0)
        {
            throw new IllegalArgumentException("counter id must not be negative: " + id);
        }
        if (name == null || !NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        if (help == null || help.isBlank() || help.indexOf('\n') >= 0 || help.indexOf('\\') >= 0)
        {
            throw new IllegalArgumentException("help of " + name + " must be one line without backslashes");
        }
        if (kind == null)
        {
            throw new IllegalArgumentException("kind of " + name + " missing");
        }
        if (labels != null && !LABELS.matcher(labels).matches())
        {
            throw new IllegalArgumentException("labels of " + name + " are not name=\"value\" pairs: " + labels);
        }
    }

    /** Whether this and {@code other} are samples of one metric and so share its HELP and TYPE lines. */
    public boolean sameMetric(final CounterDescriptor other)
    {
        return name.equals(other.name);
    }
}
