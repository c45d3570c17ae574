package io.liqvol.engine;

import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.RecordingVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JournalStageTest
{
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldJournalEveryLiquidationOfAnEventAndGaps()
    {
        final SymbolTable symbols = new SymbolTable(16);
        final int btc = intern(symbols, "BTCUSDT");
        final int eth = intern(symbols, "ETHUSDT");
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            final JournalStage stage = new JournalStage(journal, symbols);
            final FrameEvent event = new FrameEvent(64);
            event.kind = FrameEvent.KIND_FRAME;
            fill(event, 0, btc, 0, T0);
            fill(event, 1, eth, 1, T0 + 1);
            event.count = 2;
            stage.onEvent(event, 0, false);
            event.setGap(T0 + 10, T0 + 20, GapKind.DOWNTIME, Venue.BINANCE);
            event.count = 0;
            stage.onEvent(event, 1, true);
        }

        final RecordingVisitor replayed = new RecordingVisitor();
        try (Journal journal = Journal.open(context(), replayed))
        {
            assertThat(journal.recovery().liquidations()).isEqualTo(2);
        }
        assertThat(replayed.records()).containsExactly(
            "downtime gap " + (T0 + 10) + ".." + (T0 + 20),
            "ETHUSDT 1 " + (T0 + 1),
            "BTCUSDT 0 " + T0);
    }

    @Test
    void shouldNotAllocateWhileJournaling()
    {
        final SymbolTable symbols = new SymbolTable(16);
        final int btc = intern(symbols, "BTCUSDT");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            final JournalStage stage = new JournalStage(journal, symbols);
            final FrameEvent event = new FrameEvent(64);
            event.kind = FrameEvent.KIND_FRAME;
            event.count = 1;
            long sequence = 0;
            for (; sequence < 50_000; sequence++)
            {
                fill(event, 0, btc, (int)(sequence & 1), T0 + sequence);
                stage.onEvent(event, sequence, (sequence & 15) == 15);
            }
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (; sequence < 150_000; sequence++)
            {
                fill(event, 0, btc, (int)(sequence & 1), T0 + sequence);
                stage.onEvent(event, sequence, (sequence & 15) == 15);
            }
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).isLessThan(1024);
        }
    }

    private EngineContext context()
    {
        return new EngineContext().dataDir(dir).conclude();
    }

    private static int intern(final SymbolTable symbols, final String name)
    {
        return symbols.intern(AsciiText.of(name), 0, name.length());
    }

    private static void fill(final FrameEvent event, final int i, final int symbolId, final int side, final long timeMs)
    {
        event.symbolId[i] = symbolId;
        event.side[i] = side;
        event.quantityE8[i] = 1_000_000L + i;
        event.priceE8[i] = 3_000_000_000_000L;
        event.tradeTimeMs[i] = timeMs;
        event.eventTimeMs[i] = timeMs;
    }
}
