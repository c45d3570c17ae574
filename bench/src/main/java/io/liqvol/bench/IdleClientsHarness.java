package io.liqvol.bench;

import io.netty.buffer.ByteBuf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many idle WebSocket clients one gateway holds within a given heap. Starts the gateway jar as a separate process
 * ({@code --simulate}, {@code -Xmx512m} by default, its own file-descriptor budget), then opens clients on
 * {@code /api/v1/ws/liquidations/BTCUSDT} in steps, each waiting for its initial snapshot; after every step the
 * gateway's heap in use after a full GC is read with {@code jcmd}. At the end, every client must still receive the
 * simulator's live liquidations. Clients only read (idle: they send nothing).
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.IdleClientsHarness --gateway-jar gateway/target/liqvol.jar --heap 512m --target 12000
 * </pre>
 */
public final class IdleClientsHarness
{
    private IdleClientsHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final String jar = options.text("gateway-jar", "gateway/target/liqvol.jar");
        final String heap = options.text("heap", "512m");
        final int target = options.integer("target", 12_000);
        final int step = options.integer("step", 1000);

        System.out.println("conditions: " + LatencyReport.conditions() + "; gateway -Xmx" + heap
            + "; ulimit -n " + GatewayProcess.fileDescriptorLimit() + " per process");
        final Path dataDir = Files.createTempDirectory("liqvol-idle");
        final GatewayProcess gateway = GatewayProcess.start(jar, List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"),
            List.of("--simulate", "--port", "0", "--data-dir", dataDir.toString(),
                "--max-connections", String.valueOf(target + 100),
                "--max-connections-per-address", String.valueOf(target + 100),
                // every client comes from one address: no connection reserve for others
                "--reserved-connections", "0"), 0);
        final AtomicLongArray lastMessageNs = new AtomicLongArray(target + 1);
        int exitCode = 0;
        try (WebSocketClients pool = new WebSocketClients(2))
        {
            final URI uri = URI.create("ws://" + gateway.address() + "/api/v1/ws/liquidations/BTCUSDT");
            System.out.println("| clients | gateway heap after full GC (MB) | open |");
            System.out.println("|---|---|---|");
            final WebSocketClients.TextListener listener =
                (final int client, final ByteBuf content, final long receivedNs) ->
                    lastMessageNs.set(client, receivedNs);
            int opened = 0;
            while (opened < target && gateway.isAlive())
            {
                final int count = Math.min(step, target - opened);
                final int ready = pool.open(uri, opened, count, 250, listener, 60_000);
                opened += ready;
                System.out.printf(Locale.ROOT, "| %,d | %.1f | %,d |%n", opened, gateway.heapUsedMb(),
                    pool.openChannels());
                if (ready < count)
                {
                    System.out.println("stopped: only " + ready + " of " + count + " clients of the step were served;"
                        + " gateway alive: " + gateway.isAlive());
                    break;
                }
            }
            final long checkFromNs = System.nanoTime();
            TimeUnit.SECONDS.sleep(options.integer("live-check-seconds", 10));
            int live = 0;
            for (int client = 0; client < opened; client++)
            {
                live += lastMessageNs.get(client) > checkFromNs ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "held %,d clients; %,d of them received a live message in the last %d s;"
                    + " closed by the gateway %d; gateway alive %b%n", pool.openChannels(), live,
                options.integer("live-check-seconds", 10), pool.closedByServer(), gateway.isAlive());
            System.out.println("conditions after: load average " + LatencyReport.loadAverage());
            if (opened < target || live < opened)
            {
                System.out.println("BELOW TARGET: held " + opened + " of " + target + ", " + live + " live");
                exitCode = 1;
            }
        }
        finally
        {
            gateway.close();
            try (var files = Files.walk(dataDir))
            {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(exitCode);
    }
}
