package io.liqvol.engine.counters;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the descriptors of one {@link CounterSet}, giving each the next id, so that a counter's id, name and help
 * are written in one declaration: {@code static final int SENT = DESCRIPTORS.counter("x_sent_total", "Sent");}.
 */
public final class CounterDescriptors
{
    private final List<CounterDescriptor> descriptors = new ArrayList<>();

    /** Adds a counter and returns its id. */
    public int counter(final String name, final String help)
    {
        return add(name, help, CounterDescriptor.Kind.COUNTER, null);
    }

    /** Adds one member of a labelled counter family and returns its id. */
    public int counter(final String name, final String help, final String labels)
    {
        return add(name, help, CounterDescriptor.Kind.COUNTER, labels);
    }

    /** Adds a gauge and returns its id. */
    public int gauge(final String name, final String help)
    {
        return add(name, help, CounterDescriptor.Kind.GAUGE, null);
    }

    /** Adds one member of a labelled gauge family and returns its id. */
    public int gauge(final String name, final String help, final String labels)
    {
        return add(name, help, CounterDescriptor.Kind.GAUGE, labels);
    }

    /** The id the next counter will get. */
    public int size()
    {
        return descriptors.size();
    }

    public List<CounterDescriptor> list()
    {
        return List.copyOf(descriptors);
    }

    private int add(
        final String name, final String help, final CounterDescriptor.Kind kind, final String labels)
    {
        final int id = descriptors.size();
        descriptors.add(new CounterDescriptor(id, name, help, kind, labels));
        return id;
    }
}
