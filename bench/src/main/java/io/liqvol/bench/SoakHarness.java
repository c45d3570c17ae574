package io.liqvol.bench;

import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatedSymbol;
import io.liqvol.gateway.simulator.SimulatorConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak and fault campaign against a real gateway process: the exchange simulator runs here (flow with cascades) and
 * the gateway jar in a child process (its own fd limit) records from it, while faults are injected in turn until
 * {@code --duration} is over: client churn, upstream drops, SIGSTOP/SIGCONT of the gateway, a file-descriptor
 * shortage with an upstream drop inside it and, with {@code --tmpfs true} as root, a data directory on a tmpfs that
 * fills and frees. Then the gateway is stopped, its journal read, and every liquidation the simulator pushed must be
 * journaled or inside a disclosed gap. Reports liquidations lost, heap, direct memory and fds at start and end, and
 * the longest delivery stall a client saw (apart from the injected pauses). Exit code 1 on any loss.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.SoakHarness --gateway-jar gateway/target/liqvol.jar --duration-seconds 600 --tmpfs true
 * </pre>
 */
public final class SoakHarness
{
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern METRIC = Pattern.compile("(?m)^(\\w+) (-?\\d+)$");
    private static final long PAUSE_MS = 5_000;
    private static final long SETTLE_NS = TimeUnit.SECONDS.toNanos(2);

    private final HarnessArgs options;
    private final ExchangeSimulator simulator;
    private final GatewayProcess gateway;
    private final DeliveryProbe probe;
    private final Path dataDir;
    private final FaultWindows faults = new FaultWindows();
    private long longestFdRecoveryMs;
    private int faultsInjected;

    private SoakHarness(final HarnessArgs options, final ExchangeSimulator simulator, final GatewayProcess gateway,
        final DeliveryProbe probe, final Path dataDir)
    {
        this.options = options;
        this.simulator = simulator;
        this.gateway = gateway;
        this.probe = probe;
        this.dataDir = dataDir;
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final long durationNs = TimeUnit.SECONDS.toNanos(options.number("duration-seconds", 600));
        final int fdLimit = options.integer("fd-limit", 1024);
        final boolean tmpfs = Boolean.parseBoolean(options.text("tmpfs", "false"));
        System.out.println("conditions: " + LatencyReport.conditions() + "; gateway -Xmx512m, ulimit -n " + fdLimit
            + "; data directory on " + (tmpfs ? "a 256 MiB tmpfs" : "the temp directory's filesystem"));
        final Path dataDir = Files.createTempDirectory("liqvol-soak");
        if (tmpfs && run("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", dataDir.toString()) != 0)
        {
            throw new IllegalStateException("--tmpfs needs root: cannot mount a tmpfs on " + dataDir);
        }
        final DeliveryProbe probe = new DeliveryProbe();
        final ExchangeSimulator simulator = ExchangeSimulator.start(new SimulatorConfig()
            .quietLiquidationsPerSecond(options.number("quiet-per-second", 8)).meanCascadeGapMs(30_000));
        simulator.addLiquidationListener(probe::onPushed);
        final int exitCode;
        try (GatewayProcess gateway = GatewayProcess.start(options.text("gateway-jar", "gateway/target/liqvol.jar"),
            List.of("-Xmx512m", "-XX:NativeMemoryTracking=summary", "-XX:+ExitOnOutOfMemoryError"),
            List.of("--port", "0", "--data-dir", dataDir.toString(), "--binance-ws-base-url", simulator.wsBaseUrl(),
                "--binance-rest-base-url", simulator.restBaseUrl(), "--max-connections", "100000",
                "--max-connections-per-address", "100000"), fdLimit))
        {
            exitCode = new SoakHarness(options, simulator, gateway, probe, dataDir).campaign(durationNs, tmpfs);
        }
        finally
        {
            probe.close();
            simulator.close();
            if (tmpfs)
            {
                run("umount", "-l", dataDir.toString());
            }
        }
        System.exit(exitCode);
    }

    private int campaign(final long durationNs, final boolean tmpfs) throws Exception
    {
        probe.startRecording();
        awaitReady(60_000);
        final List<String> symbols = simulator.config().symbols().stream().map(SimulatedSymbol::symbol).toList();
        final int probes = probe.open(gateway.address(), symbols);
        TimeUnit.SECONDS.sleep(10);
        final String start = resources();
        final long deadlineNs = System.nanoTime() + durationNs;
        int step = 0;
        while (System.nanoTime() < deadlineNs && gateway.isAlive())
        {
            switch (step++ % (tmpfs ? 5 : 4))
            {
                case 0 -> churnClients(options.integer("churn-clients", 200));
                case 1 -> dropUpstream();
                case 2 -> pauseGateway(options.integer("stop-seconds", 5));
                case 3 -> fdShortage(options.integer("fd-limit", 1024) + 100);
                default -> fillDisk();
            }
            TimeUnit.MILLISECONDS.sleep(PAUSE_MS);
        }
        TimeUnit.SECONDS.sleep(5);
        simulator.stopFlow();
        TimeUnit.SECONDS.sleep(3);
        final String end = resources();
        final String metrics = get("/metrics").body();
        final boolean alive = gateway.isAlive();
        final int exit = gateway.stop();
        final JournalAudit audit = JournalAudit.read(dataDir);
        final List<LiquidationKey> lost = audit.lost(probe.pushed());
        System.out.printf(Locale.ROOT, "%n| figure | value |%n|---|---|%n");
        row("faults injected (steps)", faultsInjected);
        row("probe clients (one per symbol)", probes + " of " + symbols.size());
        row("liquidations pushed by the simulator", probe.pushed().size());
        row("journaled", audit.liquidations());
        row("not journaled, inside a disclosed gap", audit.disclosed(probe.pushed()));
        row("gaps in the journal", audit.gaps().size());
        row("**liquidations lost** (neither journaled nor in a gap)", lost.size());
        row("delivered to the probe / not delivered / unreadable messages",
            probe.deliveredCount() + " / " + probe.undelivered() + " / " + probe.unparsable());
        row("longest delivery stall outside injected faults (ms)",
            String.format(Locale.ROOT, "%.1f", probe.longestMs(faults, false)));
        row("longest delivery during injected faults (ms)",
            String.format(Locale.ROOT, "%.1f", probe.longestMs(faults, true)));
        row("longest upstream recovery after an fd shortage (ms)", longestFdRecoveryMs);
        row("heap after full GC / direct / fds at start", start);
        row("heap after full GC / direct / fds at end", end);
        row("journal failures / unjournaled records / journal gaps",
            metric(metrics, "liqvol_journal_failures_total") + " / "
                + metric(metrics, "liqvol_journal_unjournaled_records_total") + " / "
                + metric(metrics, "liqvol_journal_gaps_total"));
        row("upstream reconnects / connect failures", metric(metrics, "liqvol_upstream_reconnects_total") + " / "
            + metric(metrics, "liqvol_upstream_connect_failures_total"));
        row("engine stage errors", metric(metrics, "liqvol_engine_stage_errors_total"));
        row("gateway alive at the end / exit code on SIGTERM", alive + " / " + exit);
        faults.log().forEach(fault -> System.out.println("fault: " + fault));
        audit.gaps().forEach(gap -> System.out.println("journal gap: " + gap.fromMs() + ".." + gap.toMs()));
        lost.stream().limit(20).forEach(key -> System.out.println("lost: " + key));
        System.out.println("conditions after: load average " + LatencyReport.loadAverage());
        return lost.isEmpty() && alive ? 0 : 1;
    }

    /** Opens and closes clients on every symbol's stream: the gateway must take and release them cleanly. */
    private void churnClients(final int count) throws InterruptedException
    {
        faultsInjected++;
        try (WebSocketClients churn = new WebSocketClients(1))
        {
            churn.open(URI.create("ws://" + gateway.address() + "/api/v1/ws/liquidations/BTCUSDT?timeframe=1m"), 0,
                count, 50, (client, content, receivedNs) -> { }, 30_000);
            TimeUnit.SECONDS.sleep(3);
        }
    }

    private void dropUpstream() throws Exception
    {
        faultsInjected++;
        final long fromNs = System.nanoTime();
        simulator.dropAllConnections();
        awaitReady(120_000);
        faults.add("upstream drop", fromNs, System.nanoTime() + SETTLE_NS);
    }

    private void pauseGateway(final int seconds) throws Exception
    {
        faultsInjected++;
        final long fromNs = System.nanoTime();
        gateway.signal("STOP");
        TimeUnit.SECONDS.sleep(seconds);
        gateway.signal("CONT");
        awaitReady(60_000);
        faults.add("SIGSTOP", fromNs, System.nanoTime() + SETTLE_NS);
    }

    /**
     * Idle clients until the gateway runs out of descriptors, an upstream drop while it has none, then the clients
     * leave: the upstream must come back by itself.
     */
    private void fdShortage(final int clients) throws Exception
    {
        faultsInjected++;
        final long fromNs = System.nanoTime();
        try (WebSocketClients idle = new WebSocketClients(1))
        {
            idle.open(URI.create("ws://" + gateway.address() + "/api/v1/ws/liquidations/ETHUSDT"), 0, clients, 100,
                (client, content, receivedNs) -> { }, 5_000);
            simulator.dropAllConnections();
            TimeUnit.SECONDS.sleep(10);
        }
        final long leftNs = System.nanoTime();
        awaitReady(180_000);
        longestFdRecoveryMs = Math.max(longestFdRecoveryMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leftNs));
        faults.add("fd shortage and upstream drop", fromNs, System.nanoTime() + SETTLE_NS);
    }

    /** Fills the data directory's tmpfs to the last byte, holds it full, then frees it. */
    private void fillDisk() throws Exception
    {
        faultsInjected++;
        final Path filler = dataDir.resolve("filler");
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        {
            final ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            while (true)
            {
                channel.write(zeros.clear());
            }
        }
        catch (final IOException full)
        {
            TimeUnit.SECONDS.sleep(10);
        }
        finally
        {
            Files.deleteIfExists(filler);
        }
    }

    private void awaitReady(final long timeoutMs) throws Exception
    {
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadlineMs && gateway.isAlive())
        {
            try
            {
                if (get("/health/ready").statusCode() == 200)
                {
                    return;
                }
            }
            catch (final IOException unanswered)
            {
                // Paused or out of descriptors: ask again.
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the gateway did not become ready within " + timeoutMs + " ms");
    }

    private String resources() throws IOException, InterruptedException
    {
        return String.format(Locale.ROOT, "%.1f MB / %.1f MB / %d", gateway.heapUsedMb(), gateway.directMemoryMb(),
            gateway.openFds());
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + gateway.address() + path))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String metric(final String metrics, final String name)
    {
        final Matcher matcher = METRIC.matcher(metrics);
        while (matcher.find())
        {
            if (matcher.group(1).equals(name))
            {
                return matcher.group(2);
            }
        }
        return "?";
    }

    private static void row(final String figure, final Object value)
    {
        System.out.println("| " + figure + " | " + value + " |");
    }

    private static int run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
