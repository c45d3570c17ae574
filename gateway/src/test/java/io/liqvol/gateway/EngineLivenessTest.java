package io.liqvol.gateway;

import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.gateway.testing.Await;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class EngineLivenessTest
{
    private static final long STALL_LIMIT_MS = 5_000;
    private static final long T0 = 1_700_000_000_000L;

    private final AtomicLong nowMs = new AtomicLong(T0);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);

    @Test
    void shouldStayLiveWhileTheRingIsEmptyAndReportAStuckStageUntilItMovesAgain() throws Exception
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().epochClock(nowMs::get)
            .stageThreads(1).listener(new BlockingListener())))
        {
            try
            {
                assertLivenessFollowsTheStages(engine);
            }
            finally
            {
                release.countDown();
            }
        }
    }

    private void assertLivenessFollowsTheStages(final LiqvolEngine engine) throws InterruptedException
    {
        final EngineLiveness liveness = new EngineLiveness(engine, nowMs::get, STALL_LIMIT_MS);
        assertThat(liveness.live()).isTrue();
        nowMs.addAndGet(STALL_LIMIT_MS * 10);
        assertThat(liveness.live()).as("an idle engine is alive").isTrue();

        ingest(engine, nowMs.get());
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        ingest(engine, nowMs.get() + 1);
        assertThat(liveness.stalledMs()).isZero();
        nowMs.addAndGet(STALL_LIMIT_MS - 1);
        assertThat(liveness.live()).as("not yet past the limit").isTrue();
        nowMs.addAndGet(1);
        assertThat(liveness.live()).isFalse();
        assertThat(liveness.stalledMs()).isEqualTo(STALL_LIMIT_MS);

        release.countDown();
        Await.until("drained", () -> engine.processedSequence() == engine.inputSequence());
        assertThat(liveness.live()).isTrue();
        assertThat(liveness.stalledMs()).isZero();
    }

    private static void ingest(final LiqvolEngine engine, final long timeMs)
    {
        engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, timeMs, timeMs);
    }

    /** Blocks the publish stage in its first liquidation until released. */
    private final class BlockingListener implements EngineListener
    {
        @Override
        public void onLiquidation(final LiquidationView liquidation)
        {
            blocked.countDown();
            try
            {
                release.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onBucketChanged(final BucketView bucket)
        {
        }
    }
}
