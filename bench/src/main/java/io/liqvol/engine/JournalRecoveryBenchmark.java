package io.liqvol.engine;

import io.liqvol.engine.journal.RecoveryReport;
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
import java.util.concurrent.TimeUnit;

/**
 * Launching an engine on a journal of {@code liquidations} records: checksum every record, rebuild the buckets of
 * every timeframe, the recent liquidations and the duplicate filter, then close. One shot per iteration; the
 * journal's pages are in the page cache (written in the trial's setup), as after a process restart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx2g", "-XX:MaxDirectMemorySize=8g"})
public class JournalRecoveryBenchmark
{
    @Param({"10000000"})
    public long liquidations;

    private Path dir;

    @Setup(Level.Trial)
    public void setUp()
    {
        dir = BenchJournal.generate(liquidations);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        BenchJournal.delete(dir);
    }

    @Benchmark
    public RecoveryReport recover()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(BenchJournal.context(dir)))
        {
            final RecoveryReport report = engine.recovery();
            if (report.liquidations() != liquidations)
            {
                throw new IllegalStateException("recovered " + report.liquidations() + " of " + liquidations);
            }
            return report;
        }
    }
}
