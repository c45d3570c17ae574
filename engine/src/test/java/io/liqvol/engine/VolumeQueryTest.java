package io.liqvol.engine;

import io.liqvol.engine.journal.JournalDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeQueryTest
{
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final int COUNT = 6_000;
    private static final long STEP_MS = 47_000L;
    private static final long END_MS = T0 + COUNT * STEP_MS;

    @TempDir
    Path dir;

    @Test
    void shouldServeBucketsOlderThanTheInMemoryWindowFromTheJournalAsIfAllWereInMemory()
    {
        final EngineContext windowed = context().dataDir(dir).bucketsPerTimeframe(16)
            .segmentBytes(JournalDescriptor.recordOffset(1024));
        try (LiqvolEngine engine = LiqvolEngine.launch(windowed);
            LiqvolEngine reference = LiqvolEngine.launch(context().bucketsPerTimeframe(8192)))
        {
            ingest(engine);
            ingest(reference);
            engine.drain();
            reference.drain();
            assertSameVolume(engine, reference);
            engine.journal().history().awaitRollups();
            assertSameVolume(engine, reference);
        }
    }

    @Test
    void shouldAnswerZerosBeyondTheInMemoryWindowWithoutAJournal()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().bucketsPerTimeframe(16)))
        {
            ingest(engine);
            engine.drain();
            assertThat(engine.volume("BTCUSDT", Timeframe.M1, T0, T0 + 3_600_000L))
                .allSatisfy(bucket -> assertThat(bucket.count()).isZero());
            assertThat(engine.volume("BTCUSDT", Timeframe.H1, END_MS - 1, END_MS).get(0).count()).isPositive();
        }
    }

    private static EngineContext context()
    {
        return new EngineContext().maxFutureSkewMs(Long.MAX_VALUE / 4);
    }

    private static void assertSameVolume(final LiqvolEngine engine, final LiqvolEngine reference)
    {
        for (final Timeframe timeframe : Timeframe.values())
        {
            for (final String symbol : new String[] {"BTCUSDT", "ETHUSDT", "NOPEUSDT"})
            {
                assertThat(engine.volume(symbol, timeframe, T0, END_MS))
                    .as(symbol + " " + timeframe.code())
                    .isEqualTo(reference.volume(symbol, timeframe, T0, END_MS));
            }
        }
    }

    private static void ingest(final LiqvolEngine engine)
    {
        for (int i = 0; i < COUNT; i++)
        {
            final long timeMs = T0 + i * STEP_MS;
            engine.ingestLiquidation(i % 3 == 2 ? "ETHUSDT" : "BTCUSDT", i % 5 < 2 ? Side.BUY : Side.SELL,
                100_000L + 13L * i, 4_200_000_000_000L + 99_991L * i, timeMs, timeMs);
        }
    }
}
