package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, kept compiling and true. */
class EmbeddingExampleTest
{
    @Test
    void shouldRunTheReadmeEmbeddingExample() throws Exception
    {
        final long nowMs = System.currentTimeMillis();
        // README example begins
        final EngineContext context = new EngineContext()
            .listener(new EngineListener()
            {
                @Override
                public void onLiquidation(final LiquidationView liquidation)
                {
                    // publisher thread: hand off, never block
                }

                @Override
                public void onBucketChanged(final BucketView bucket)
                {
                    // once per changed bucket per batch, with accumulated totals
                }
            });
        try (LiqvolEngine engine = LiqvolEngine.launch(context))
        {
            engine.ingestLiquidation("BTCUSDT", Side.SELL, 1_400_000L /* 0.014 */, 991_000_000_000L /* 9910 */,
                nowMs, nowMs);
            // ... later, from any thread:
            final List<BucketSnapshot> hour = engine.volume("BTCUSDT", Timeframe.M1, nowMs - 3_600_000L, nowMs + 1);
            final List<LiquidationSnapshot> latest = engine.recentLiquidations("BTCUSDT", 50);
            // README example ends
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.counters().published() < 1 && System.nanoTime() < deadline)
            {
                Thread.sleep(2);
            }
            assertThat(hour).hasSize(61);
            assertThat(engine.volume("BTCUSDT", Timeframe.M1, nowMs, nowMs + 1).get(0).sellNotional())
                .isEqualByComparingTo(new BigDecimal("138.74"));
            assertThat(engine.recentLiquidations("BTCUSDT", 50)).hasSize(1);
            assertThat(latest.size()).isLessThanOrEqualTo(1);
        }
    }
}
