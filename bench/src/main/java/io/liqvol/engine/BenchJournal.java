package io.liqvol.engine;

import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.JournalVisitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A generated journal for the journal benchmarks: {@code count} liquidations over two years ending at
 * {@link #END_MS}, 30% of them of {@code SYM0} (a BTCUSDT-like symbol, about 4 000 a day at 10 million) and the rest
 * spread over 199 other symbols. Written through the journal's own writer, roll-ups included.
 */
public final class BenchJournal
{
    /** 2026-09-21T13:46:40Z: the end of the recorded history and the engine's clock. */
    public static final long END_MS = 1_790_000_000_000L;
    static final long SPAN_MS = 730L * 86_400_000L;
    static final int SYMBOLS = 200;
    public static final String BUSY_SYMBOL = "SYM0";

    private BenchJournal()
    {
    }

    public static EngineContext context(final Path dir)
    {
        return new EngineContext().dataDir(dir).epochClock(() -> END_MS).fsyncIntervalMs(0);
    }

    public static Path generate(final long count)
    {
        try
        {
            final Path dir = Files.createTempDirectory("liqvol-bench-journal");
            final EngineContext context = context(dir).conclude();
            final String[] names = new String[SYMBOLS];
            for (int s = 0; s < SYMBOLS; s++)
            {
                names[s] = "SYM" + s;
            }
            final IntFunction<String> symbolNames = id -> names[id];
            try (Journal journal = Journal.open(context, new IgnoringVisitor()))
            {
                final long stepMs = SPAN_MS / count;
                for (long i = 0; i < count; i++)
                {
                    final int symbol = i % 10 < 3 ? 0 : 1 + (int)(i % (SYMBOLS - 1));
                    final long timeMs = END_MS - SPAN_MS + i * stepMs;
                    journal.appendLiquidation(symbol, symbolNames, 0, (int)(i & 1), 1_000_000L + (i % 997) * 1_000L,
                        2_500_000_000_000L + (i % 10_007) * 100_000L, timeMs, timeMs, System.nanoTime());
                    if (i % 1024 == 1023)
                    {
                        journal.endOfBatch();
                    }
                }
                journal.endOfBatch();
            }
            return dir;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static void delete(final Path dir)
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static final class IgnoringVisitor implements JournalVisitor
    {
        @Override
        public void onLiquidation(
            final int venue,
            final byte[] symbol,
            final int symbolLength,
            final int side,
            final long quantityE8,
            final long priceE8,
            final long tradeTimeMs,
            final long eventTimeMs)
        {
        }

        @Override
        public void onGap(final long fromMs, final long toMs, final GapKind kind)
        {
        }
    }
}
