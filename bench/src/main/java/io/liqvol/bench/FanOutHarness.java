package io.liqvol.bench;

import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.server.GatewayMetrics;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gateway CPU per delivered client message, beside the floor measured in the same run. This process runs the
 * gateway (simulator, upstream client, engine, server) and injects forceOrder frames on a fixed schedule, event k
 * on symbol {@code k % symbols}; the clients are {@link LoadClients} in a process of their own, so that every CPU
 * figure of this process's threads is the gateway's. Per-thread CPU (user + system, ThreadMXBean) is read at the
 * end of the warm-up and once the clients have read everything; the floor ({@link LoopbackFloor}) is a bare loopback
 * write of as many bytes as the average message, one and eight per write, over one socket and over as many
 * sockets as clients (at most 1,000). With {@code --stream market} the clients read the all-symbols stream instead,
 * and with {@code --pass-every N} > 1 ask for {@code min_usdt=}{@value #MIN_USDT}, which every Nth event passes
 * (price 100,000) and no other (price 0.0001): the cost per client of a filtered firehose.
 * <pre>
 * flock /work/bench.lock java -Xmx512m -cp bench/target/benchmarks.jar io.liqvol.bench.FanOutHarness \
 *     --clients 100 --symbols 1 --rate 1000 --seconds 20 --warmup-seconds 5
 * </pre>
 */
public final class FanOutHarness
{
    static final String MIN_USDT = "100000";
    private static final int FLOOR_WRITES = 100_000;

    private FanOutHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final int clients = options.integer("clients", 100);
        final int symbolCount = options.integer("symbols", 1);
        final long rate = options.number("rate", 1000);
        final long warmupEvents = rate * options.number("warmup-seconds", 5);
        final long events = warmupEvents + rate * options.number("seconds", 20);
        final String clientHeap = options.text("client-heap", "1g");
        final String stream = options.text("stream", "symbol");
        final int passEvery = options.integer("pass-every", 1);
        final List<String> symbols = symbols(symbolCount);

        System.out.println("conditions: " + LatencyReport.conditions() + "; gateway heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; " + clients + " clients over " + symbolCount
            + " symbols, " + rate + " liquidations/s in total");
        final Path dataDir = Files.createTempDirectory("liqvol-fanout");
        boolean complete = false;
        final List<String> flags = new ArrayList<>(List.of("--simulate", "--port", "0", "--data-dir",
            dataDir.toString()));
        flags.addAll(clientLimits(clients));
        final GatewayConfig config = GatewayConfig.parse(flags.toArray(new String[0]), Map.of());
        try (Gateway gateway = Gateway.start(config, new SimulatorConfig().generateFlow(false), config.serverConfig()))
        {
            final ExchangeSimulator simulator = gateway.simulator();
            record(gateway, simulator, symbols);
            final LoadClientsProcess load = LoadClientsProcess.start(clientHeap, List.of(
                "--port", String.valueOf(gateway.port()), "--clients", String.valueOf(clients),
                "--symbols", String.join(",", symbols), "--stream", stream, "--pass-every", String.valueOf(passEvery)));
            final String ready = load.awaitReady();
            System.out.println("load generator (pid " + load.pid() + "): " + ready + "; heap after connecting "
                + usedHeapMb() + " MB");
            while ("market".equals(stream) && gateway.metrics().marketClients() < clients)
            {
                Thread.sleep(10);
            }

            final Pacer pacer = new Pacer(System.nanoTime() + 200_000_000L, rate);
            final long intervalNs = 1_000_000_000L / rate;
            load.go(pacer.plannedNs(0), intervalNs, events, warmupEvents);
            final long startMs = System.currentTimeMillis();
            Map<String, long[]> cpuBefore = null;
            long processCpuBefore = 0;
            long sentBefore = 0;
            String loadBefore = "";
            for (long i = 0; i < events; i++)
            {
                if (i == warmupEvents)
                {
                    cpuBefore = threadCpu();
                    processCpuBefore = LoadClients.processCpuNs();
                    sentBefore = messagesSent(gateway.metrics());
                    loadBefore = LatencyReport.loadAverage();
                }
                pacer.awaitPlanned(i);
                simulator.injectFrame("!forceOrder@arr", ForceOrderFrames.event(symbols.get((int)(i % symbolCount)),
                    (i & 1) == 0 ? "BUY" : "SELL", String.valueOf(i + 1), price(i, passEvery), startMs + i / 50,
                    false));
            }
            final String done = load.awaitDone();
            final Map<String, long[]> cpuAfter = threadCpu();
            final long processCpu = LoadClients.processCpuNs() - processCpuBefore;
            final long sent = messagesSent(gateway.metrics()) - sentBefore;
            System.out.println("load average during / after: " + loadBefore + " / " + LatencyReport.loadAverage());
            System.out.println("load generator: " + done);
            System.out.printf(Locale.ROOT, "gateway: messages written in the measured window %,d; bytes per message %d;"
                    + " slow clients closed %d; heap %d MB%n", sent, bytesPerMessage(gateway.metrics()),
                gateway.metrics().slowClientsClosed(), usedHeapMb());
            report(cpuBefore, cpuAfter, sent, bytesPerMessage(gateway.metrics()), Math.min(clients, 1000));
            System.out.printf(Locale.ROOT, "whole harness process (with GC, JIT, simulator, pacer) %.2f µs per client"
                + " message%n", sent == 0 ? 0 : processCpu / 1000.0 / sent);
            load.close();
            complete = done != null && LoadClientsProcess.Done.parse(done).complete();
        }
        finally
        {
            TempDirs.delete(dataDir);
        }
        if (!complete)
        {
            System.out.println("INCOMPLETE: rows lost or clients closed (see the load generator's line)");
            System.exit(1);
        }
    }

    /** 100 for every event, or with a filter 100,000 for every {@code passEvery}th and 0.0001 for the others. */
    static String price(final long event, final int passEvery)
    {
        if (passEvery <= 1)
        {
            return "100";
        }
        return event % passEvery == 0 ? "100000" : "0.0001";
    }

    /**
     * Server settings for {@code clients} clients that all come from one address, with every client's snapshot at
     * once: no connection reserve for others, and a query budget that holds them all.
     */
    static List<String> clientLimits(final int clients)
    {
        return List.of("--max-connections", String.valueOf(clients + 100),
            "--max-connections-per-address", String.valueOf(clients + 100),
            "--reserved-connections", "0", "--query-budget", "1000000000", "--query-budget-per-address",
            "1000000000");
    }

    /** Symbols the engine knows before clients subscribe: one liquidation each (it is in their snapshot). */
    static void record(final Gateway gateway, final ExchangeSimulator simulator, final List<String> symbols)
        throws InterruptedException
    {
        awaitUpstream(simulator);
        final long timeMs = System.currentTimeMillis();
        final long before = gateway.engine().counters().published();
        for (final String symbol : symbols)
        {
            simulator.injectFrame("!forceOrder@arr", ForceOrderFrames.event(symbol, "SELL", "0.5", "100", timeMs,
                false));
        }
        while (gateway.engine().counters().published() < before + symbols.size())
        {
            Thread.sleep(10);
        }
    }

    private static void awaitUpstream(final ExchangeSimulator simulator) throws InterruptedException
    {
        while (simulator.subscriberCount("!forceOrder@arr") == 0)
        {
            Thread.sleep(10);
        }
    }

    static List<String> symbols(final int count)
    {
        final List<String> symbols = new ArrayList<>();
        if (count == 1)
        {
            symbols.add("BTCUSDT");
            return symbols;
        }
        for (int i = 0; i < count; i++)
        {
            symbols.add("LQ" + i + "USDT");
        }
        return symbols;
    }

    /** CPU (user + system) and user time per thread group, in ns: event loops, engine stages, upstream, others. */
    private static Map<String, long[]> threadCpu()
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<String, long[]> groups = new TreeMap<>();
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds()))
        {
            if (info == null)
            {
                continue;
            }
            final long[] sums = groups.computeIfAbsent(group(info.getThreadName()), name -> new long[2]);
            sums[0] += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            sums[1] += Math.max(0, threads.getThreadUserTime(info.getThreadId()));
        }
        return groups;
    }

    private static String group(final String thread)
    {
        if (thread.startsWith("liqvol-io"))
        {
            return "event loops (liqvol-io)";
        }
        if (thread.startsWith("liqvol-sim"))
        {
            return "simulator (not the gateway)";
        }
        if (thread.startsWith("liqvol-upstream"))
        {
            return "upstream client";
        }
        if (thread.startsWith("liqvol-stages") || thread.startsWith("liqvol-decode")
            || thread.startsWith("liqvol-journal") || thread.startsWith("liqvol-aggregate")
            || thread.startsWith("liqvol-publish"))
        {
            return "engine stages";
        }
        if (thread.equals("main"))
        {
            return "harness (pacer, not the gateway)";
        }
        return "other JVM threads";
    }

    private static void report(final Map<String, long[]> before, final Map<String, long[]> after, final long sent,
        final int bytesPerMessage, final int floorSockets) throws Exception
    {
        System.out.println("| threads | CPU ms | of it user | µs per delivered client message |");
        System.out.println("|---|---|---|---|");
        double gatewayNs = 0;
        for (final Map.Entry<String, long[]> entry : after.entrySet())
        {
            final long[] was = before.getOrDefault(entry.getKey(), new long[2]);
            final long cpuNs = entry.getValue()[0] - was[0];
            final long userNs = entry.getValue()[1] - was[1];
            System.out.printf(Locale.ROOT, "| %s | %,d | %d%% | %.2f |%n", entry.getKey(), cpuNs / 1_000_000,
                cpuNs == 0 ? 0 : 100 * userNs / cpuNs, sent == 0 ? 0 : cpuNs / 1000.0 / sent);
            if (entry.getKey().startsWith("event loops") || entry.getKey().startsWith("engine")
                || entry.getKey().startsWith("upstream"))
            {
                gatewayNs += cpuNs;
            }
        }
        final double gatewayUs = sent == 0 ? 0 : gatewayNs / 1000.0 / sent;
        System.out.printf(Locale.ROOT, "gateway (event loops + engine + upstream) %.2f µs per client message%n",
            gatewayUs);
        System.out.println("| floor: bare loopback writes of " + bytesPerMessage + " bytes | sockets | µs per message"
            + " | gateway ÷ floor |");
        System.out.println("|---|---|---|---|");
        for (final int sockets : new int[] {1, floorSockets})
        {
            for (final int perWrite : new int[] {1, 8})
            {
                final double floorUs = LoopbackFloor.nsPerMessage(bytesPerMessage, perWrite, sockets) / 1000.0;
                System.out.printf(Locale.ROOT, "| %d per write | %d | %.2f | %.2f× |%n", perWrite, sockets, floorUs,
                    gatewayUs / floorUs);
            }
        }
    }

    private static long messagesSent(final GatewayMetrics metrics)
    {
        return metrics.counterSet().descriptors().stream()
            .filter(descriptor -> descriptor.name().equals("liqvol_ws_messages_sent_total"))
            .mapToLong(descriptor -> metrics.counterSet().get(descriptor.id()))
            .sum();
    }

    private static int bytesPerMessage(final GatewayMetrics metrics)
    {
        final long sent = messagesSent(metrics);
        final long bytes = metrics.counterSet().descriptors().stream()
            .filter(descriptor -> descriptor.name().equals("liqvol_ws_bytes_sent_total"))
            .mapToLong(descriptor -> metrics.counterSet().get(descriptor.id()))
            .sum();
        return sent == 0 ? 0 : (int)(bytes / sent);
    }

    private static long usedHeapMb()
    {
        final Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
