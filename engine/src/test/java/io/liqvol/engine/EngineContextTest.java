package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineContextTest
{
    @Test
    void shouldConcludeWithDefaults()
    {
        final EngineContext context = new EngineContext().conclude();

        assertThat(context.ringSize()).isEqualTo(EngineContext.DEFAULT_RING_SIZE);
        assertThat(context.waitStrategy())
            .isInstanceOf(WaitStrategies.named(EngineContext.DEFAULT_WAIT_STRATEGY).getClass());
    }

    @Test
    void shouldSpinOnlyWhereTheCoresLeaveRoomForIt()
    {
        assertThat(EngineContext.defaultWaitStrategy(2)).isEqualTo("blocking");
        assertThat(EngineContext.defaultWaitStrategy(4)).isEqualTo("spin-park");
    }

    @Test
    void shouldRunFewerStageThreadsOnFewerCores()
    {
        assertThat(EngineContext.defaultStageThreads(2)).isEqualTo(1);
        assertThat(EngineContext.defaultStageThreads(4)).isEqualTo(2);
        assertThat(EngineContext.defaultStageThreads(16)).isEqualTo(4);
        assertThat(new EngineContext().conclude().stageThreads()).isIn(1, 2, 4);
    }

    @Test
    void shouldSizeWindowsPerTimeframe()
    {
        final EngineContext context = new EngineContext().bucketsPerTimeframe(Timeframe.H4, 1000);

        assertThat(context.bucketsPerTimeframe(Timeframe.M1)).isEqualTo(512);
        assertThat(context.bucketsPerTimeframe(Timeframe.H1)).isEqualTo(256);
        assertThat(context.bucketsPerTimeframe(Timeframe.D1)).isEqualTo(128);
        assertThat(context.bucketsPerTimeframe(Timeframe.MN1)).isEqualTo(32);
        assertThat(context.bucketsPerTimeframe(Timeframe.H4)).isEqualTo(1000);
        assertThat(context.bucketsPerTimeframe(64).windowBuckets()).containsOnly(64);
    }

    @Test
    void shouldAcceptNoFurtherAheadThanEveryWindowReaches()
    {
        assertThat(new EngineContext().acceptedFutureMs()).isEqualTo(EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS);
        final EngineContext lenient = new EngineContext().maxFutureSkewMs(24 * 3_600_000L);
        assertThat(lenient.acceptedFutureMs()).as("512 1m buckets").isEqualTo(510 * 60_000L);
        assertThat(lenient.bucketsPerTimeframe(Timeframe.M3, 100).acceptedFutureMs()).isEqualTo(98 * 180_000L);
        assertThat(lenient.bucketsPerTimeframe(Timeframe.MN1, 2).acceptedFutureMs()).isZero();
    }

    @Test
    void shouldTakeHalfTheDirectMemoryLimitAsTheDefaultBudget()
    {
        assertThat(new EngineContext().memoryBudgetBytes()).isEqualTo(DirectMemoryLimit.bytes() / 2).isPositive();
        assertThat(DirectMemoryLimit.orHeap(64L << 20)).isEqualTo(64L << 20);
        assertThat(DirectMemoryLimit.orHeap(0)).isEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void shouldNameTheFirstInvalidValue()
    {
        assertThatThrownBy(() -> new EngineContext().ringSize(1000).conclude()).hasMessageContaining("ringSize");
        assertThatThrownBy(() -> new EngineContext().bucketsPerTimeframe(0).conclude())
            .hasMessageContaining("bucketsPerTimeframe");
        assertThatThrownBy(() -> new EngineContext().bucketsPerTimeframe(Timeframe.W1, 0).conclude())
            .hasMessageContaining("bucketsPerTimeframe 1w");
        assertThatThrownBy(() -> new EngineContext().maxFrameBytes(10).conclude())
            .hasMessageContaining("maxFrameBytes");
        assertThatThrownBy(() -> new EngineContext().maxSymbols(0).conclude()).hasMessageContaining("maxSymbols");
        assertThatThrownBy(() -> new EngineContext().recentLiquidationsPerSymbol(0).conclude())
            .hasMessageContaining("recentLiquidationsPerSymbol");
        assertThatThrownBy(() -> new EngineContext().epochClock(null).conclude()).hasMessageContaining("epochClock");
        assertThatThrownBy(() -> new EngineContext().stageThreads(3).conclude())
            .isInstanceOfSatisfying(InvalidSettingException.class, e ->
            {
                assertThat(e.setting()).isEqualTo("stageThreads");
                assertThat(e.problem()).isEqualTo("must be 1, 2 or 4, was 3");
            })
            .hasMessage("stageThreads must be 1, 2 or 4, was 3");
        assertThatThrownBy(() -> new EngineContext().memoryBudgetBytes(0).conclude())
            .hasMessageContaining("memoryBudgetBytes");
        assertThatThrownBy(() -> new EngineContext().minTimeMs(-1).conclude()).hasMessageContaining("minTimeMs");
        assertThatThrownBy(() -> new EngineContext().maxFutureSkewMs(-1).conclude())
            .hasMessageContaining("maxFutureSkewMs");
    }

    @Test
    void shouldValidateTheJournalSettings(@TempDir final Path dir) throws IOException
    {
        final EngineContext defaults = new EngineContext().conclude();
        assertThat(defaults.dataDir()).isNull();
        assertThat(defaults.segmentBytes()).isEqualTo(EngineContext.DEFAULT_SEGMENT_BYTES);
        assertThat(defaults.fsyncIntervalMs()).isEqualTo(EngineContext.DEFAULT_FSYNC_INTERVAL_MS);
        assertThat(defaults.retentionMs()).isZero();

        assertThatThrownBy(() -> new EngineContext().segmentBytes(4096).conclude())
            .hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> new EngineContext().segmentBytes(1L << 31).conclude())
            .hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> new EngineContext().fsyncIntervalMs(-1).conclude())
            .hasMessageContaining("fsyncIntervalMs");
        assertThatThrownBy(() -> new EngineContext().retentionMs(-1).conclude()).hasMessageContaining("retentionMs");
        final Path file = Files.createFile(dir.resolve("not-a-directory"));
        assertThatThrownBy(() -> new EngineContext().dataDir(file).conclude()).hasMessageContaining("dataDir");
    }
}
