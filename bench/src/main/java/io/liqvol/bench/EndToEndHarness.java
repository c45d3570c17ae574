package io.liqvol.bench;

import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.netty.buffer.ByteBuf;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End to end over loopback: the exchange simulator pushes a forceOrder frame → the gateway (upstream client,
 * engine with its journal, fan-out) → N WebSocket clients read the {@code liquidation_order} message. Everything
 * runs in this process on 127.0.0.1 with real sockets. Event {@code k} carries quantity {@code k + 1}, so a client
 * finds each row's planned send time; latency = client read time − planned time (fixed schedule, no coordinated
 * omission). The simulator's own flow is off; the frames are injected on its market thread. A {@link ClockGapProbe}
 * reads the clock on its own thread while events are sent and received ({@code --probe off} leaves it out).
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/benchmarks.jar \
 *     io.liqvol.bench.EndToEndHarness --clients 1000 --rate 1000 --seconds 20 --warmup-seconds 5
 * </pre>
 */
public final class EndToEndHarness
{
    private static final String SYMBOL = "BTCUSDT";
    private static final byte[] LIVE_ORDERS = "\"initial\":false".getBytes(StandardCharsets.US_ASCII);

    private EndToEndHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final int clients = options.integer("clients", 100);
        final long rate = options.number("rate", 1000);
        final int warmupEvents = Math.toIntExact(rate * options.number("warmup-seconds", 5));
        final int total = warmupEvents + Math.toIntExact(rate * options.number("seconds", 20));
        final int clientThreads = options.integer("client-threads", 2);
        final boolean probeOn = !"off".equals(options.text("probe", "on"));

        System.out.println("conditions: " + LatencyReport.conditions() + "; clients " + clients
            + " on " + clientThreads + " client threads; ulimit -n must exceed 2 × clients");
        final Path dataDir = Files.createTempDirectory("liqvol-e2e");
        final GatewayConfig config = GatewayConfig.parse(new String[] {
            "--simulate", "--port", "0", "--data-dir", dataDir.toString(),
            "--max-connections", String.valueOf(clients + 100),
            "--max-connections-per-address", String.valueOf(clients + 100),
            // every client comes from one address, with every client's snapshot at once: no connection reserve
            // for others, and a query budget that holds them all
            "--reserved-connections", "0", "--query-budget", "1000000000", "--query-budget-per-address",
            "1000000000"}, Map.of());
        final long[] plannedNs = new long[total];
        final Receiver receiver = new Receiver(plannedNs, warmupEvents);
        boolean complete = true;
        try (Gateway gateway = Gateway.start(config, new SimulatorConfig().generateFlow(false), config.serverConfig());
             WebSocketClients pool = new WebSocketClients(clientThreads))
        {
            final ExchangeSimulator simulator = gateway.simulator();
            awaitUpstream(simulator);
            final URI uri = URI.create("ws://127.0.0.1:" + gateway.port() + "/api/v1/ws/liquidations/" + SYMBOL);
            final int ready = pool.open(uri, 0, clients, 250, receiver, 60_000);
            if (ready < clients)
            {
                throw new IllegalStateException("only " + ready + " of " + clients + " clients got their snapshot");
            }

            final ClockGapProbe probe = probeOn ? new ClockGapProbe().start() : null;
            final long timeMs = System.currentTimeMillis();
            final Pacer pacer = new Pacer(System.nanoTime() + 100_000_000L, rate);
            for (int i = 0; i < total; i++)
            {
                plannedNs[i] = pacer.plannedNs(i);
            }
            for (int i = 0; i < total; i++)
            {
                pacer.awaitPlanned(i);
                simulator.injectFrame("!forceOrder@arr",
                    ForceOrderFrames.event(SYMBOL, (i & 1) == 0 ? "BUY" : "SELL", String.valueOf(i + 1), "100",
                        timeMs + i / 50, false));
            }
            final long expectedRows = (long)clients * total;
            final long deadlineNs = System.nanoTime() + 60_000_000_000L;
            while (receiver.rows.get() < expectedRows && System.nanoTime() < deadlineNs
                && pool.closedByServer() == 0)
            {
                Thread.sleep(10);
            }
            final Histogram histogramNs = receiver.recorder.getIntervalHistogram();
            System.out.println("conditions after: load average " + LatencyReport.loadAverage());
            if (probe != null)
            {
                System.out.println(probe.stop().summary());
            }
            System.out.printf("events %,d (%,d warm-up); rows read %,d of %,d; clients closed by the gateway %d;"
                    + " engine published %,d%n",
                total, warmupEvents, receiver.rows.get(), expectedRows, pool.closedByServer(),
                gateway.engine().counters().published());
            System.out.println(LatencyReport.header());
            System.out.println(LatencyReport.row(String.format("end to end, %,d clients, %,d/s", clients, rate),
                histogramNs));
            if (receiver.rows.get() != expectedRows)
            {
                System.out.println("INCOMPLETE: clients read " + receiver.rows.get() + " of " + expectedRows + " rows");
                complete = false;
            }
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

    private static void awaitUpstream(final ExchangeSimulator simulator) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + 30_000_000_000L;
        while (simulator.subscriberCount("!forceOrder@arr") == 0)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("the gateway did not subscribe to the simulator");
            }
            Thread.sleep(10);
        }
    }

    /** Finds every row of a live order message and records its latency from the row's planned send time. */
    private static final class Receiver implements WebSocketClients.TextListener
    {
        private final Recorder recorder = new Recorder(60_000_000_000L, 3);
        private final AtomicLong rows = new AtomicLong();
        private final long[] plannedNs;
        private final int warmupEvents;

        Receiver(final long[] plannedNs, final int warmupEvents)
        {
            this.plannedNs = plannedNs;
            this.warmupEvents = warmupEvents;
        }

        @Override
        public void onText(final int client, final ByteBuf content, final long receivedNs)
        {
            final int end = content.writerIndex();
            if (indexOf(content, LIVE_ORDERS, content.readerIndex(), end) < 0)
            {
                return;
            }
            int at = content.readerIndex();
            int found = 0;
            while ((at = QuantityFields.next(content, at, end)) >= 0)
            {
                final int event = (int)(QuantityFields.integerAt(content, at, end) - 1);
                if (event >= warmupEvents && event < plannedNs.length)
                {
                    recorder.recordValue(Math.max(0, receivedNs - plannedNs[event]));
                }
                found++;
            }
            rows.addAndGet(found);
        }

        private static int indexOf(final ByteBuf content, final byte[] pattern, final int from, final int end)
        {
            outer:
            for (int i = from; i <= end - pattern.length; i++)
            {
                for (int j = 0; j < pattern.length; j++)
                {
                    if (content.getByte(i + j) != pattern[j])
                    {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
