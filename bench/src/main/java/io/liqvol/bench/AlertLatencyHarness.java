package io.liqvol.bench;

import com.sun.net.httpserver.HttpServer;
import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatorConfig;
import org.HdrHistogram.Histogram;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert latency over loopback: from handing a forceOrder frame to the simulator (a moment before the gateway receives
 * it) to an alert event's arrival at a WebSocket client of {@code /api/v1/ws/alerts} and at a webhook receiver, for a
 * rule that fires on every liquidation. Frames go at {@code --rate} per second; the first {@code --warmup} are not
 * recorded.
 * <pre>
 * java -cp bench/target/benchmarks.jar io.liqvol.bench.AlertLatencyHarness --rate 200 --events 6000 --warmup 1000
 * </pre>
 */
public final class AlertLatencyHarness
{
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final String STREAM = "!forceOrder@arr";

    private AlertLatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final long rate = options.number("rate", 200);
        final int total = (int)options.number("events", 6000);
        final int warmup = (int)options.number("warmup", 1000);
        final long[] sentNs = new long[total + 1];
        final Histogram toClientNs = new Histogram(3);
        final Histogram toWebhookNs = new Histogram(3);
        final AtomicInteger clientEvents = new AtomicInteger();
        final AtomicInteger webhookEvents = new AtomicInteger();
        final HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange ->
        {
            final long nowNs = System.nanoTime();
            final String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            record(sentNs, warmup, Integer.parseInt(key.substring(key.lastIndexOf('-') + 1)), nowNs, toWebhookNs);
            webhookEvents.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        final Path dataDir = Files.createTempDirectory("liqvol-alert-latency");
        System.out.println("conditions: " + LatencyReport.conditions());
        try (Gateway gateway = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0",
            "--data-dir", dataDir.toString(), "--alert-webhook-hosts", "127.0.0.1"}, Map.of()),
            new SimulatorConfig().generateFlow(false), GatewayConfig.parse(new String[0], Map.of()).serverConfig()
                .port(0)))
        {
            final ExchangeSimulator simulator = gateway.simulator();
            while (simulator.subscriberCount(STREAM) == 0)
            {
                Thread.sleep(10);
            }
            gateway.alerts().create(("{\"name\":\"every\",\"condition\":\"liquidation\",\"threshold\":\"1\","
                + "\"webhook_url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                .getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            final WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + gateway.port() + "/api/v1/ws/alerts"), new WebSocket.Listener()
                {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(final WebSocket socket, final CharSequence data,
                        final boolean last)
                    {
                        text.append(data);
                        if (last)
                        {
                            final long nowNs = System.nanoTime();
                            final Matcher id = ID.matcher(text);
                            if (text.indexOf("\"type\":\"alert\"") >= 0 && id.find())
                            {
                                record(sentNs, warmup, Integer.parseInt(id.group(1)), nowNs, toClientNs);
                                clientEvents.incrementAndGet();
                            }
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            final Pacer pacer = new Pacer(System.nanoTime() + 200_000_000L, rate);
            final long timeMs = System.currentTimeMillis();
            for (int i = 1; i <= total; i++)
            {
                pacer.awaitPlanned(i);
                sentNs[i] = System.nanoTime();
                simulator.injectFrame(STREAM, ForceOrderFrames.event("BTCUSDT", (i & 1) == 0 ? "BUY" : "SELL",
                    String.valueOf(i), "100", timeMs + i, false));
            }
            final long deadlineNs = System.nanoTime() + 60_000_000_000L;
            while ((clientEvents.get() < total || webhookEvents.get() < total) && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }
            client.abort();
            System.out.printf("events %,d (%,d warm-up); client got %,d, webhook got %,d; load average %s%n", total,
                warmup, clientEvents.get(), webhookEvents.get(), LatencyReport.loadAverage());
            System.out.println(LatencyReport.header());
            System.out.println(LatencyReport.row(String.format("frame → alerts WebSocket client, %,d/s", rate),
                toClientNs));
            System.out.println(LatencyReport.row(String.format("frame → webhook receiver, %,d/s", rate),
                toWebhookNs));
        }
        finally
        {
            receiver.stop(0);
            TempDirs.delete(dataDir);
        }
    }

    private static void record(final long[] sentNs, final int warmup, final int id, final long nowNs,
        final Histogram histogramNs)
    {
        if (id > warmup && id < sentNs.length && sentNs[id] != 0)
        {
            synchronized (histogramNs)
            {
                histogramNs.recordValue(Math.max(0, nowNs - sentNs[id]));
            }
        }
    }
}
