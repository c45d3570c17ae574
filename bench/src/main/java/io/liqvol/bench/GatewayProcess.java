package io.liqvol.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A gateway jar run as a child process by a harness: started with its JVM options, gateway flags and (optionally) a
 * file-descriptor limit of its own; then its address, heap, direct memory and descriptors read from outside, and
 * signals sent to it.
 */
final class GatewayProcess implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("listening on http://([^:]+):(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    /** Native memory tracking's "Other" category is where NIO direct buffers are counted. */
    private static final Pattern DIRECT_COMMITTED = Pattern.compile("Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    private final Process process;
    private final String address;

    private GatewayProcess(final Process process, final String address)
    {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar [flags]} under {@code ulimit -n fdLimit} (0: the harness's own) and
     * waits until it prints that it listens; its output goes on being read (and dropped) so that it never blocks.
     */
    static GatewayProcess start(final String jar, final List<String> jvmOptions, final List<String> flags,
        final int fdLimit) throws IOException
    {
        final List<String> launch = new ArrayList<>(jvmOptions);
        launch.add("-jar");
        launch.add(jar);
        launch.addAll(flags);
        return start(launch, fdLimit);
    }

    /**
     * Starts {@code io.liqvol.gateway.Main} with this JVM's class path (a harness jar or a test's classes), so that
     * no gateway jar need be built; otherwise as {@link #start(String, List, List, int)}.
     */
    static GatewayProcess startMain(final List<String> jvmOptions, final List<String> flags) throws IOException
    {
        final List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), "io.liqvol.gateway.Main"));
        launch.addAll(flags);
        return start(launch, 0);
    }

    private static GatewayProcess start(final List<String> launch, final int fdLimit) throws IOException
    {
        final List<String> command = new ArrayList<>();
        if (fdLimit > 0)
        {
            command.addAll(List.of("sh", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "gateway"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new GatewayProcess(process, awaitListening(process));
    }

    /** {@code host:port}. */
    String address()
    {
        return address;
    }

    long pid()
    {
        return process.pid();
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    /** CPU (user + system) the process has used so far, in ns; -1 where the platform does not tell. */
    long cpuNs()
    {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Heap in use after a full GC, in MB. */
    double heapUsedMb() throws IOException, InterruptedException
    {
        jcmd("GC.run");
        final Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024.0 : Double.NaN;
    }

    /** Direct (and other native "Other") memory committed, in MB; needs -XX:NativeMemoryTracking=summary. */
    double directMemoryMb() throws IOException, InterruptedException
    {
        final Matcher matcher = DIRECT_COMMITTED.matcher(jcmd("VM.native_memory summary"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024.0 : Double.NaN;
    }

    /** Open file descriptors. */
    long openFds() throws IOException
    {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd")))
        {
            return fds.count();
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}). */
    void signal(final String name) throws IOException, InterruptedException
    {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    }

    /** SIGTERM, then waits for a graceful exit (the engine drains and flushes its journal); its exit code. */
    int stop() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    @Override
    public void close()
    {
        try
        {
            stop();
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The harness's own descriptor limit, as {@code ulimit -n} prints it. */
    static String fileDescriptorLimit() throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder("sh", "-c", "ulimit -n").start();
        final String limit = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return limit;
    }

    private String jcmd(final String command) throws IOException, InterruptedException
    {
        final List<String> commandLine = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid())));
        commandLine.addAll(List.of(command.split(" ")));
        final Process jcmd = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        final String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static String awaitListening(final Process gateway) throws IOException
    {
        final BufferedReader out = new BufferedReader(
            new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null)
        {
            final Matcher matcher = LISTENING.matcher(line);
            if (matcher.find())
            {
                final Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "gateway-output");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1) + ":" + matcher.group(2);
            }
        }
        throw new IllegalStateException("the gateway exited before listening");
    }
}
