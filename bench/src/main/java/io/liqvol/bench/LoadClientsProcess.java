package io.liqvol.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LoadClients} run as a child process with this JVM's class path: its {@code ready} line once the clients are
 * connected, the {@code go} line that starts the schedule, its {@code done} line, parsed into {@link Done}.
 */
final class LoadClientsProcess implements AutoCloseable
{
    private final Process process;
    private final BufferedReader fromLoad;
    private final PrintStream toLoad;

    private LoadClientsProcess(final Process process)
    {
        this.process = process;
        this.fromLoad = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.toLoad = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
    }

    /** Starts {@code LoadClients args} with the given heap; its stderr goes to this process's. */
    static LoadClientsProcess start(final String heap, final List<String> args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
            "-cp", System.getProperty("java.class.path"), LoadClients.class.getName()));
        command.addAll(args);
        return new LoadClientsProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
            .start());
    }

    long pid()
    {
        return process.pid();
    }

    /** Waits for the clients to connect: {@code ready N}, N the clients that have their snapshot (null: it died). */
    String awaitReady() throws IOException
    {
        return fromLoad.readLine();
    }

    /** Event k (quantity k + 1) is planned at {@code startNs + k × intervalNs}; the first warmupEvents unrecorded. */
    void go(final long startNs, final long intervalNs, final long events, final long warmupEvents)
    {
        toLoad.println("go " + startNs + " " + intervalNs + " " + events + " " + warmupEvents);
    }

    /** The {@code done …} line, once the clients read every row or stopped receiving (null: it died). */
    String awaitDone() throws IOException
    {
        return fromLoad.readLine();
    }

    /** Waits up to 30 s for the process to exit after its done line, then kills it. */
    @Override
    public void close()
    {
        try
        {
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The figures of a {@code done} line; latencies in µs from each row's planned send time. */
    record Done(long rows, long expectedRows, long messages, long slowCloses, long otherCloses, long p50Us,
        long p99Us, long p999Us, long maxUs, long samples, long spanMs)
    {
        private static final Pattern LINE = Pattern.compile("done rows (\\d+) of (\\d+); messages (\\d+); .*closed "
            + "\\{([^}]*)}; .*latency us p50 (\\d+) p90 \\d+ p99 (\\d+) p99\\.9 (\\d+) max (\\d+) count (\\d+);"
            + " span ms (\\d+)");
        private static final Pattern CLOSE = Pattern.compile("(-?\\d+)=(\\d+)");
        /** The close code of a client that read too slowly (docs/API.md §3.5). */
        private static final String SLOW_CLIENT_CODE = "1013";

        static Done parse(final String line)
        {
            final Matcher matcher = LINE.matcher(line == null ? "" : line);
            if (!matcher.matches())
            {
                throw new IllegalArgumentException("not a done line of LoadClients: " + line);
            }
            long slow = 0;
            long other = 0;
            final Matcher close = CLOSE.matcher(matcher.group(4));
            while (close.find())
            {
                if (close.group(1).equals(SLOW_CLIENT_CODE))
                {
                    slow += Long.parseLong(close.group(2));
                }
                else
                {
                    other += Long.parseLong(close.group(2));
                }
            }
            return new Done(number(matcher, 1), number(matcher, 2), number(matcher, 3), slow, other,
                number(matcher, 5), number(matcher, 6), number(matcher, 7), number(matcher, 8), number(matcher, 9),
                number(matcher, 10));
        }

        /** Every row read and no client closed. */
        boolean complete()
        {
            return rows == expectedRows && slowCloses == 0 && otherCloses == 0;
        }

        private static long number(final Matcher matcher, final int group)
        {
            return Long.parseLong(matcher.group(group));
        }
    }
}
