package io.liqvol.gateway.server;

import java.util.Arrays;

/**
 * Messages, bytes and end-to-end latencies written by one event loop, counted in plain fields and summed
 * into the shared {@link GatewayMetrics} once per drain, so that no write to a client touches a cache line
 * that other threads write. Single thread.
 */
final class SentTally
{
    private final long[] latencyCounts = new long[LatencyHistogram.BUCKETS];
    private long latencySumNs;
    private long latencies;
    private long messages;
    private long bytes;

    /** One message written; {@code receiveTimeNs} 0 when it carries no liquidation. */
    void sent(final int sizeBytes, final long receiveTimeNs)
    {
        messages++;
        bytes += sizeBytes;
        if (receiveTimeNs != 0)
        {
            final long latencyNs = Math.max(0, System.nanoTime() - receiveTimeNs);
            latencyCounts[LatencyHistogram.bucket(latencyNs)]++;
            latencySumNs += latencyNs;
            latencies++;
        }
    }

    void flushTo(final GatewayMetrics metrics)
    {
        if (messages == 0)
        {
            return;
        }
        metrics.add(GatewayMetrics.MESSAGES_SENT, messages);
        metrics.add(GatewayMetrics.BYTES_SENT, bytes);
        messages = 0;
        bytes = 0;
        if (latencies > 0)
        {
            metrics.endToEndLatency.add(latencyCounts, latencySumNs);
            Arrays.fill(latencyCounts, 0);
            latencySumNs = 0;
            latencies = 0;
        }
    }
}
