package io.liqvol.bench;

import io.liqvol.engine.Side;
import io.liqvol.gateway.Gateway;
import io.liqvol.gateway.GatewayConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The latency of {@code GET /api/v1/overview} (issue 17 item 1) over a market of many symbols, beside a baseline
 * measured in the same run: one symbol's volume query ({@code /api/v1/liquidation-volume/{symbol}/1m}, 60 buckets),
 * each timed from request to whole answer over loopback by one client, one request at a time. The gateway runs in
 * this process with a quiet simulator; {@code --orders} liquidations over {@code --symbols} symbols (a few symbols
 * take most, as in a real market) spread over the last {@code --hours} are handed to its engine first.
 * <pre>
 * flock /work/bench.lock java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -Xmx1g \
 *     -cp bench/target/benchmarks.jar io.liqvol.bench.OverviewLatencyHarness --symbols 600 --orders 200000
 * </pre>
 */
public final class OverviewLatencyHarness
{
    private static final long HOUR_MS = 3_600_000L;

    private OverviewLatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final int symbols = options.integer("symbols", 600);
        final int orders = options.integer("orders", 200_000);
        final int hours = options.integer("hours", 24);
        final int warmup = options.integer("warmup", 200);
        final int requests = options.integer("requests", 1_000);
        System.out.println("conditions: " + LatencyReport.conditions() + "; " + orders + " liquidations over "
            + symbols + " symbols in the last " + hours + " h");
        final Path dataDir = Files.createTempDirectory("liqvol-overview");
        final GatewayConfig config = GatewayConfig.parse(new String[] {"--simulate", "--port", "0", "--data-dir",
            dataDir.toString(), "--engine-memory-budget-bytes", "4000000000", "--query-budget", "1000000000",
            "--query-budget-per-address", "1000000000", "--requests-per-second", "1000000"}, Map.of());
        try (Gateway gateway = Gateway.start(config, new SimulatorConfig().generateFlow(false), config.serverConfig()))
        {
            final long nowMs = System.currentTimeMillis();
            final SplittableRandom random = new SplittableRandom(17);
            for (int i = 0; i < orders; i++)
            {
                final String symbol = "S" + (int)Math.floor(Math.pow(random.nextDouble(), 3) * symbols) + "USDT";
                final long timeMs = nowMs - random.nextLong(hours * HOUR_MS);
                gateway.engine().ingestLiquidation(symbol, random.nextBoolean() ? Side.BUY : Side.SELL,
                    1 + random.nextLong(100_000_000_000L), 1 + random.nextLong(10_000_000_000_000L), timeMs, timeMs);
            }
            while (gateway.engine().counters().published() < orders)
            {
                Thread.sleep(10);
            }
            final HttpClient http = HttpClient.newHttpClient();
            final String base = "http://127.0.0.1:" + gateway.port();
            final String volume = base + "/api/v1/liquidation-volume/S0USDT/1m?start=" + (nowMs - HOUR_MS)
                + "&end=" + nowMs;
            System.out.println(LatencyReport.header());
            final Histogram baseline = measure(http, volume, warmup, requests);
            System.out.println(LatencyReport.row("one symbol's volume, 60 × 1m (baseline)", baseline));
            for (final String window : new String[] {"1h", "4h", "24h"})
            {
                final Histogram overview = measure(http, base + "/api/v1/overview?window=" + window, warmup, requests);
                System.out.println(LatencyReport.row("overview " + window + ", " + symbols + " symbols", overview));
                System.out.println(LatencyReport.ratioRow("÷ baseline", overview, baseline));
            }
            System.out.println(LatencyReport.row("one symbol's volume again (baseline)",
                measure(http, volume, 0, requests)));
        }
        finally
        {
            TempDirs.delete(dataDir);
        }
    }

    private static Histogram measure(final HttpClient http, final String uri, final int warmup, final int requests)
        throws Exception
    {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).build();
        final Histogram histogramNs = new Histogram(3);
        for (int i = 0; i < warmup + requests; i++)
        {
            final long startNs = System.nanoTime();
            final HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            final long tookNs = System.nanoTime() - startNs;
            if (response.statusCode() != 200)
            {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            if (i >= warmup)
            {
                histogramNs.recordValue(tookNs);
            }
        }
        return histogramNs;
    }
}
