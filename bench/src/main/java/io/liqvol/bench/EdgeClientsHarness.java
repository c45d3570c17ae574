package io.liqvol.bench;

import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Clients served by one edge versus two (issue 19). This process runs a recorder (the gateway with its simulator and
 * Aeron replication) and injects forceOrder frames on a fixed schedule, as {@link FanOutHarness} does; the same
 * {@code --clients} {@link LoadClients} (a process of their own) then read the same input three times: from the
 * recorder itself (the baseline), from one edge, and split half and half over two edges. Edges are gateway processes
 * ({@code liqvol edge --from}) with this JVM's class path. Latency is taken from each row's planned send time.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Xmx512m -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.EdgeClientsHarness --clients 100 --rate 500 --seconds 20 --warmup-seconds 5
 * </pre>
 */
public final class EdgeClientsHarness
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long EDGE_READY_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    private final int clients;
    private final long rate;
    private final long warmupEvents;
    private final long events;
    private final List<String> symbols;
    private final String clientHeap;
    private final PrintStream out;

    private EdgeClientsHarness(final HarnessArgs options, final PrintStream out)
    {
        this.clients = options.integer("clients", 100);
        this.rate = options.number("rate", 500);
        this.warmupEvents = rate * options.number("warmup-seconds", 5);
        this.events = warmupEvents + rate * options.number("seconds", 20);
        this.symbols = FanOutHarness.symbols(options.integer("symbols", 1));
        this.clientHeap = options.text("client-heap", "1g");
        this.out = out;
    }

    public static void main(final String[] args) throws Exception
    {
        if (!run(args, System.out))
        {
            System.out.println("INCOMPLETE: rows lost or clients closed (see the table)");
            System.exit(1);
        }
    }

    /** Runs the three configurations and prints their table to {@code out}; whether every row arrived. */
    static boolean run(final String[] args, final PrintStream out) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final EdgeClientsHarness harness = new EdgeClientsHarness(options, out);
        out.println("conditions: " + LatencyReport.conditions() + "; " + harness.clients + " clients over "
            + harness.symbols.size() + " symbols, " + harness.rate + " liquidations/s in total");
        final Path dir = Files.createTempDirectory("liqvol-edge-clients");
        try
        {
            return harness.runAll(dir, options.text("edge-heap", "512m"));
        }
        finally
        {
            TempDirs.delete(dir);
        }
    }

    private boolean runAll(final Path dir, final String edgeHeap) throws Exception
    {
        final List<String> flags = new ArrayList<>(List.of("--simulate", "--port", "0", "--data-dir",
            dir.resolve("recorder").toString(),
            "--replication-archive-endpoint", "localhost:" + ReplicationHarness.freeUdpPort(),
            "--replication-live-endpoint", "localhost:" + ReplicationHarness.freeUdpPort()));
        flags.addAll(FanOutHarness.clientLimits(clients));
        final GatewayConfig config = GatewayConfig.parse(flags.toArray(new String[0]), Map.of());
        final List<Row> rows = new ArrayList<>();
        final String loadBefore;
        try (Gateway recorder = Gateway.start(config, new SimulatorConfig().generateFlow(false),
            config.serverConfig()))
        {
            FanOutHarness.record(recorder, recorder.simulator(), symbols);
            loadBefore = LatencyReport.loadAverage();
            rows.add(measure(recorder.simulator(), "recorder itself (baseline)", List.of(recorder.port()), List.of()));
            final List<String> edgeFlags = new ArrayList<>(List.of("edge", "--from",
                config.replicationConfig().archiveEndpoint(), "--from-http",
                "http://" + recorder.host() + ":" + recorder.port(), "--port", "0"));
            edgeFlags.addAll(FanOutHarness.clientLimits(clients));
            try (GatewayProcess first = startEdge(edgeFlags, dir.resolve("edge-1"), edgeHeap))
            {
                rows.add(measure(recorder.simulator(), "one edge", List.of(port(first)), List.of(first)));
                try (GatewayProcess second = startEdge(edgeFlags, dir.resolve("edge-2"), edgeHeap))
                {
                    rows.add(measure(recorder.simulator(), "two edges, half each", List.of(port(first), port(second)),
                        List.of(first, second)));
                }
            }
        }
        out.println("load average before / after: " + loadBefore + " / " + LatencyReport.loadAverage());
        out.println(Row.HEADER);
        rows.forEach(row -> out.println(row.format()));
        return rows.stream().allMatch(row -> row.done().complete());
    }

    /** One configuration: the clients spread over {@code ports}, the whole schedule injected at the recorder. */
    private Row measure(final ExchangeSimulator simulator, final String label, final List<Integer> ports,
        final List<GatewayProcess> edges) throws Exception
    {
        final LoadClientsProcess.Done done;
        final long[] edgeCpuNs = new long[edges.size()];
        final long recorderCpuNs;
        try (LoadClientsProcess load = LoadClientsProcess.start(clientHeap, List.of(
            "--port", ports.stream().map(String::valueOf).collect(Collectors.joining(",")),
            "--clients", String.valueOf(clients), "--symbols", String.join(",", symbols))))
        {
            out.println(label + ": load generator " + load.awaitReady());
            final Pacer pacer = new Pacer(System.nanoTime() + 200_000_000L, rate);
            load.go(pacer.plannedNs(0), 1_000_000_000L / rate, events, warmupEvents);
            final long startMs = System.currentTimeMillis();
            long recorderBeforeNs = 0;
            for (long i = 0; i < events; i++)
            {
                if (i == warmupEvents)
                {
                    recorderBeforeNs = LoadClients.processCpuNs();
                    for (int e = 0; e < edges.size(); e++)
                    {
                        edgeCpuNs[e] = edges.get(e).cpuNs();
                    }
                }
                pacer.awaitPlanned(i);
                simulator.injectFrame("!forceOrder@arr", ForceOrderFrames.event(symbols.get((int)(i % symbols.size())),
                    (i & 1) == 0 ? "BUY" : "SELL", String.valueOf(i + 1), FanOutHarness.price(i, 1), startMs + i / 50,
                    false));
            }
            final String line = load.awaitDone();
            recorderCpuNs = LoadClients.processCpuNs() - recorderBeforeNs;
            for (int e = 0; e < edges.size(); e++)
            {
                final long afterNs = edges.get(e).cpuNs();
                edgeCpuNs[e] = afterNs < 0 ? -1 : afterNs - edgeCpuNs[e];
            }
            out.println(label + ": load generator " + line);
            done = LoadClientsProcess.Done.parse(line);
        }
        return new Row(label, clients / ports.size(), done, recorderCpuNs, edgeCpuNs);
    }

    private static GatewayProcess startEdge(final List<String> flags, final Path dataDir, final String heap)
        throws IOException, InterruptedException
    {
        final List<String> all = new ArrayList<>(flags);
        all.addAll(List.of("--data-dir", dataDir.toString()));
        final GatewayProcess edge = GatewayProcess.startMain(List.of("-Xmx" + heap), all);
        final URI ready = URI.create("http://" + edge.address() + "/health/ready");
        final long deadlineNs = System.nanoTime() + EDGE_READY_TIMEOUT_NS;
        while (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() != 200)
        {
            if (System.nanoTime() > deadlineNs || !edge.isAlive())
            {
                edge.close();
                throw new IllegalStateException("the edge did not catch up within 60 s");
            }
            Thread.sleep(50);
        }
        return edge;
    }

    private static int port(final GatewayProcess gateway)
    {
        final String address = gateway.address();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** One configuration's line of the table. */
    record Row(String label, int clientsPerServer, LoadClientsProcess.Done done, long recorderCpuNs,
        long[] edgeCpuNs)
    {
        static final String HEADER = "| configuration | clients per server | rows read / expected | messages/s | rows/s"
            + " | p50 µs | p99 µs | p99.9 µs | max µs | samples | slow-client closes | other closes"
            + " | recorder process CPU ms | edge CPU ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

        String format()
        {
            final long spanMs = Math.max(1, done.spanMs());
            return String.format(Locale.ROOT, "| %s | %d | %d / %d | %d | %d | %s | %s | %s | %s | %d | %d | %d | %d"
                    + " | %s |", label, clientsPerServer, done.rows(), done.expectedRows(),
                done.messages() * 1000 / spanMs, done.rows() * 1000 / spanMs, LatencyReport.micros(done.p50Us() * 1000),
                LatencyReport.micros(done.p99Us() * 1000), LatencyReport.micros(done.p999Us() * 1000),
                LatencyReport.micros(done.maxUs() * 1000), done.samples(), done.slowCloses(), done.otherCloses(),
                recorderCpuNs / 1_000_000, edgeCpu());
        }

        private String edgeCpu()
        {
            if (edgeCpuNs.length == 0)
            {
                return "—";
            }
            final List<String> each = new ArrayList<>();
            for (final long cpuNs : edgeCpuNs)
            {
                each.add(cpuNs < 0 ? "n/a" : String.valueOf(cpuNs / 1_000_000));
            }
            return String.join(" + ", each);
        }
    }
}
