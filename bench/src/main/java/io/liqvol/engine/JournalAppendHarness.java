package io.liqvol.engine;

import io.liqvol.bench.LatencyReport;
import io.liqvol.bench.Pacer;
import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.JournalStatus;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced journal appends, each timed from the call to the end of its batch (one record per batch, as the journal
 * stage sees a paced stream), with the background pre-toucher on and off in turns in one run. Default 32 MiB
 * segments, so a run rolls every 3.5 s at 100,000/s. Arguments: rate per second, seconds per run, rounds.
 */
public final class JournalAppendHarness
{
    private static final int SYMBOLS = 6;

    private JournalAppendHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final long rate = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.println(
            "journal appends at " + rate + "/s, " + seconds + " s per run; " + LatencyReport.conditions());
        run(Journal.DEFAULT_TOUCH_AHEAD_BYTES, rate, 5);
        final String[] header = LatencyReport.header().split("\n");
        System.out.println(header[0] + " rolls | roll stalls | over 1 ms |\n" + header[1] + "---|---|---|");
        for (int round = 1; round <= rounds; round++)
        {
            System.out.println(run(Journal.DEFAULT_TOUCH_AHEAD_BYTES, rate, seconds)
                .row("pre-toucher on, round " + round));
            System.out.println(run(0, rate, seconds).row("pre-toucher off, round " + round));
        }
    }

    private static Result run(final long touchAheadBytes, final long rate, final int seconds) throws Exception
    {
        final Path dir = Files.createTempDirectory("liqvol-journal-append");
        final SymbolTable symbols = new SymbolTable(16);
        final int[] ids = new int[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++)
        {
            final byte[] name = AsciiText.of("SYM" + s + "USDT");
            ids[s] = symbols.intern(name, 0, name.length);
        }
        final Histogram appendNs = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final EngineContext context = new EngineContext().dataDir(dir).conclude();
        final long count = rate * seconds;
        final JournalStatus status;
        try (Journal journal = Journal.open(context, new BenchJournal.IgnoringVisitor(), touchAheadBytes))
        {
            while (!journal.spareReady())
            {
                LockSupport.parkNanos(1_000_000L);
            }
            final Pacer pacer = new Pacer(System.nanoTime(), rate);
            for (long i = 0; i < count; i++)
            {
                pacer.awaitPlanned(i);
                final long timeMs = BenchJournal.END_MS + i;
                final long startNs = System.nanoTime();
                journal.appendLiquidation(ids[(int)(i % SYMBOLS)], symbols::nameOf, 0, (int)(i & 1), 1_000_000L + i,
                    2_500_000_000_000L, timeMs, timeMs, startNs);
                journal.endOfBatch();
                appendNs.recordValue(System.nanoTime() - startNs);
            }
            status = journal.status(0);
        }
        BenchJournal.delete(dir);
        return new Result(appendNs, status.segments() - 1, status.rollStalls(),
            appendNs.getCountBetweenValues(1_000_000L, appendNs.getMaxValue()));
    }

    private record Result(Histogram appendNs, int rolls, long rollStalls, long overOneMs)
    {
        String row(final String label)
        {
            return LatencyReport.row(label, appendNs) + " " + rolls + " | " + rollStalls + " | " + overOneMs + " |";
        }
    }
}
