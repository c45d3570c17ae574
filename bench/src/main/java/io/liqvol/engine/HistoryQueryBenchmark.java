package io.liqvol.engine;

import io.liqvol.engine.journal.HistoryRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code volume()} over ranges entirely older than the in-memory window (1024 buckets), so every bucket comes from
 * the journal's roll-ups: the busiest symbol of a 10-million-liquidation, two-year journal, ranges of
 * {@code buckets} buckets ending a week (1m), 60 days (1h) or a year (1d) before the end of the history.
 * Sampled latency per query (JMH reports p50/p99); {@code rollupSums} measures the journal's part alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx2g", "-XX:MaxDirectMemorySize=8g"})
public class HistoryQueryBenchmark
{
    private static final long DAY_MS = 86_400_000L;

    @Param({"10000000"})
    public long liquidations;

    @Param({"1m", "1h", "1d"})
    public String timeframe;

    @Param({"500", "5000"})
    public int buckets;

    private Path dir;
    private LiqvolEngine engine;
    private Timeframe tf;
    private long startMs;
    private long endMs;

    @Setup(Level.Trial)
    public void setUp()
    {
        dir = BenchJournal.generate(liquidations);
        engine = LiqvolEngine.launch(BenchJournal.context(dir));
        engine.journal().history().awaitRollups();
        tf = Timeframe.fromCode(timeframe);
        final long backMs = tf == Timeframe.M1 ? 7 * DAY_MS : tf == Timeframe.H1 ? 60 * DAY_MS : 365 * DAY_MS;
        endMs = tf.alignDownMs(BenchJournal.END_MS - backMs);
        startMs = endMs - buckets * tf.sizeMs();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.close();
        BenchJournal.delete(dir);
    }

    /** What a client gets: the buckets as exact {@code BucketSnapshot}s (BigDecimal totals). */
    @Benchmark
    public List<BucketSnapshot> volume()
    {
        return engine.volume(BenchJournal.BUSY_SYMBOL, tf, startMs, endMs);
    }

    /** The journal's part alone: summing the roll-ups' base buckets into the range, without snapshots. */
    @Benchmark
    public HistoryRange rollupSums()
    {
        return engine.journal().history().volume(
            BenchJournal.BUSY_SYMBOL, tf, tf.bucketIndex(startMs), tf.bucketIndex(endMs - 1));
    }
}
