package io.liqvol.engine.journal;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTailerTest
{
    private static final long NOW_MS = 1_732_000_000_000L;

    @TempDir
    Path dataDir;

    private final List<String> read = new ArrayList<>();
    private final List<Long> positions = new ArrayList<>();
    private final JournalTailHandler handler = new JournalTailHandler()
    {
        @Override
        public void onLiquidation(
            final long segment, final int record, final int venue, final int side, final byte[] symbol,
            final int symbolLength, final long tradeTimeMs, final long eventTimeMs, final long quantityE8,
            final long priceE8)
        {
            read.add(new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII) + " " + side + " " + tradeTimeMs
                + " " + quantityE8 + " " + priceE8 + " v" + venue);
            positions.add(segment << 32 | record);
        }

        @Override
        public void onGap(
            final long segment, final int record, final int venue, final int kind, final long fromMs, final long toMs)
        {
            read.add("gap " + kind + " " + fromMs + " " + toMs + " v" + venue);
            positions.add(segment << 32 | record);
        }
    };

    @Test
    void shouldReadEveryRecordInJournalOrderAcrossRollsWhileItIsWritten()
    {
        final List<String> written = new ArrayList<>();
        try (LiqvolEngine engine = LiqvolEngine.launch(context());
            JournalTailer tailer = new JournalTailer(dataDir))
        {
            for (int i = 0; i < 3000; i++)
            {
                if (i == 1500)
                {
                    engine.recordGap(Venue.BYBIT, NOW_MS - 10_000, NOW_MS - 9_000);
                    written.add("gap " + GapKind.UPSTREAM.ordinal() + " " + (NOW_MS - 10_000) + " " + (NOW_MS - 9_000)
                        + " v" + Venue.BYBIT.ordinal());
                }
                final String symbol = "S" + (i % 40) + "USDT";
                engine.ingestLiquidation(symbol, Side.fromOrdinal(i % 2), 1_000 + i, 5_000_000 + i, NOW_MS - i, 0);
                written.add(symbol + " " + i % 2 + " " + (NOW_MS - i) + " " + (1_000 + i) + " " + (5_000_000 + i)
                    + " v0");
                tailer.poll(handler, 7);
            }
            final long deadlineMs = System.currentTimeMillis() + 10_000;
            while (read.size() < written.size() && System.currentTimeMillis() < deadlineMs)
            {
                tailer.poll(handler, 100);
            }

            assertThat(read).containsExactlyElementsOf(written);
            assertThat(positions).isSorted().doesNotHaveDuplicates();
            assertThat(tailer.segment()).isGreaterThan(2);
            assertThat(tailer.poll(handler, 100)).isZero();
        }
    }

    @Test
    void shouldReadTheJournalOfEarlierRunsFromItsOldestSegment()
    {
        for (int run = 0; run < 2; run++)
        {
            try (LiqvolEngine engine = LiqvolEngine.launch(context()))
            {
                for (int i = 0; i < 700; i++)
                {
                    engine.ingestLiquidation("BTCUSDT", Side.BUY, 1 + i + run * 1_000, 100, NOW_MS - i, 0);
                }
            }
        }

        try (JournalTailer tailer = new JournalTailer(dataDir))
        {
            while (tailer.poll(handler, 64) > 0)
            {
                assertThat(positions).isSorted();
            }
        }

        assertThat(read).hasSize(1_400).allMatch(line -> line.startsWith("BTCUSDT 0 "));
        assertThat(read.get(0)).isEqualTo("BTCUSDT 0 " + NOW_MS + " 1 100 v0");
        assertThat(read.get(1_399)).isEqualTo("BTCUSDT 0 " + (NOW_MS - 699) + " 1700 100 v0");
    }

    @Test
    void shouldReadNothingUntilThereIsAJournal()
    {
        try (JournalTailer tailer = new JournalTailer(dataDir.resolve("none")))
        {
            assertThat(tailer.poll(handler, 10)).isZero();
            assertThat(tailer.segment()).isEqualTo(-1);
        }
    }

    private EngineContext context()
    {
        return new EngineContext().epochClock(() -> NOW_MS).dataDir(dataDir).liveRecording(false)
            .segmentBytes(JournalDescriptor.recordOffset(1024));
    }
}
