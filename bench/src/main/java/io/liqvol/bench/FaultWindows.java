package io.liqvol.bench;

import java.util.ArrayList;
import java.util.List;

/** The intervals ({@link System#nanoTime()}) in which a fault was injected and its effects had not yet passed. */
final class FaultWindows
{
    private final List<long[]> windows = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /** A fault from {@code fromNs} whose effects have passed at {@code toNs}; logged with epoch milliseconds. */
    synchronized void add(final String fault, final long fromNs, final long toNs)
    {
        windows.add(new long[] {fromNs, toNs});
        final long offsetMs = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        log.add(fault + " " + (fromNs / 1_000_000 + offsetMs) + ".." + (toNs / 1_000_000 + offsetMs));
    }

    synchronized List<String> log()
    {
        return List.copyOf(log);
    }

    synchronized boolean contains(final long timeNs)
    {
        for (final long[] window : windows)
        {
            if (timeNs >= window[0] && timeNs <= window[1])
            {
                return true;
            }
        }
        return false;
    }
}
