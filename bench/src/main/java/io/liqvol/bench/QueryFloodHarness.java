package io.liqvol.bench;

import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A query flood against the gateway (issue 15): this process runs the gateway with its default settings, recording
 * from the simulator, and injects BTCUSDT liquidations at a fixed rate (event k with quantity k + 1, planned at
 * {@code startNs + k × intervalNs}); {@link QueryFloodClients}, in a process of its own, measures a bystander's
 * small queries and a live client's deliveries first without, then with the flood of pipelined large ranges.
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Xmx1g -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.QueryFloodHarness \
 *     --connections 40 --pipeline 40 --buckets 5000 --seconds 20 --rate 20
 * </pre>
 */
public final class QueryFloodHarness
{
    /** Samples the bytes the default Netty allocator has handed out every 5 ms and keeps the peak. */
    private static final class AllocatorPeak
    {
        private final Thread sampler;
        private volatile long peakBytes;
        private volatile boolean running = true;

        AllocatorPeak()
        {
            final ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider)ByteBufAllocator.DEFAULT).metric();
            sampler = new Thread(() ->
            {
                while (running)
                {
                    peakBytes = Math.max(peakBytes, metric.usedDirectMemory() + metric.usedHeapMemory());
                    LockSupport.parkNanos(5_000_000L);
                }
            }, "allocator-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peakBytes()
        {
            return peakBytes;
        }

        void stop() throws InterruptedException
        {
            running = false;
            sampler.join();
        }
    }

    private QueryFloodHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final long rate = options.number("rate", 20);
        final long seconds = options.number("seconds", 20);
        System.out.println("conditions: " + LatencyReport.conditions());
        final Path dataDir = Files.createTempDirectory("liqvol-flood");
        boolean complete = false;
        final GatewayConfig config = GatewayConfig.parse(
            new String[] {"--simulate", "--port", "0", "--data-dir", dataDir.toString()}, Map.of());
        try (Gateway gateway = Gateway.start(config, new SimulatorConfig().generateFlow(false), config.serverConfig()))
        {
            final ExchangeSimulator simulator = gateway.simulator();
            while (simulator.subscriberCount("!forceOrder@arr") == 0)
            {
                Thread.sleep(10);
            }
            final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            final Process clients = new ProcessBuilder(java, "-Xmx512m", "-Dstdout.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                QueryFloodClients.class.getName(),
                "--port", String.valueOf(gateway.port()),
                "--connections", options.text("connections", "40"),
                "--pipeline", options.text("pipeline", "40"),
                "--buckets", options.text("buckets", "5000"),
                "--seconds", String.valueOf(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            final BufferedReader fromClients =
                new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
            final PrintStream toClients = new PrintStream(clients.getOutputStream(), true, StandardCharsets.US_ASCII);
            System.out.println("clients (pid " + clients.pid() + "): " + fromClients.readLine());
            final AllocatorPeak peak = new AllocatorPeak();
            final Pacer pacer = new Pacer(System.nanoTime() + 200_000_000L, rate);
            toClients.println("go " + pacer.plannedNs(0) + " " + 1_000_000_000L / rate);
            // both phases, the flood's warm-up and a margin
            final long events = rate * (2 * seconds + QueryFloodClients.FLOOD_WARMUP_SECONDS + 2);
            for (long k = 0; k < events && clients.isAlive(); k++)
            {
                pacer.awaitPlanned(k);
                final String side = (k & 1) == 0 ? "BUY" : "SELL";
                simulator.injectFrame("!forceOrder@arr", ForceOrderFrames.event("BTCUSDT", side, String.valueOf(k + 1),
                    "100", System.currentTimeMillis(), false));
            }
            String line;
            while ((line = fromClients.readLine()) != null)
            {
                System.out.println(line);
            }
            peak.stop();
            System.out.println("netty buffers in use (direct + heap), peak over the run: "
                + peak.peakBytes() / 1024 + " KiB");
            complete = clients.waitFor(30, TimeUnit.SECONDS) && clients.exitValue() == 0;
            clients.destroyForcibly();
            System.out.println("load average after: " + LatencyReport.loadAverage());
        }
        finally
        {
            TempDirs.delete(dataDir);
        }
        if (!complete)
        {
            System.exit(1);
        }
    }
}
