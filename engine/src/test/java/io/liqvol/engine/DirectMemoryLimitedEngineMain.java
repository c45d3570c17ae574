package io.liqvol.engine;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link DirectMemoryLimitTest}, run under a small {@code -XX:MaxDirectMemorySize}: an engine on
 * the given data directory with its default memory budget. {@code fill} feeds every symbol the budget admits and
 * {@code EXTRA_SYMBOLS} more a liquidation in every bucket of every window, round-robin, and times the longest
 * hand-in (a stage that stalls fills the ring and blocks it); {@code recover} restarts on what fill journaled and
 * offers one liquidation of an admitted and one of a new symbol. Each prints its figures as {@code name=value}.
 */
public final class DirectMemoryLimitedEngineMain
{
    static final int EXTRA_SYMBOLS = 20;
    /** A hand-in this slow waited on a stalled stage (a failed direct allocation stalled it about a second). */
    static final long SLOW_INGEST_NS = 1_000_000_000L;

    private DirectMemoryLimitedEngineMain()
    {
    }

    public static void main(final String[] args)
    {
        final long startNs = System.nanoTime();
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(Path.of(args[0]))))
        {
            print("budget_bytes", engine.context().memoryBudgetBytes());
            print("admitted_symbols", engine.admittedSymbols());
            print("recovered_liquidations", engine.recovery().liquidations());
            print("recovered_symbols", engine.symbols().size());
            if (args[1].equals("fill"))
            {
                fill(engine);
            }
            else
            {
                final long nowMs = System.currentTimeMillis();
                engine.ingestLiquidation(symbol(0), Side.BUY, 100_000_000L, 100_000_000L, nowMs, nowMs);
                engine.ingestLiquidation("NEWUSDT", Side.BUY, 100_000_000L, 100_000_000L, nowMs, nowMs);
                engine.drain();
            }
            final EngineCounters counters = engine.counters();
            print("accepted", counters.accepted());
            print("published", counters.published());
            print("symbols_refused", counters.symbolsRefused());
            print("budget_rejects", counters.rejected(RejectReason.SYMBOL_MEMORY_BUDGET));
            print("stage_errors", counters.stageErrors());
        }
        print("elapsed_ms", (System.nanoTime() - startNs) / 1_000_000);
    }

    private static void fill(final LiqvolEngine engine)
    {
        final long nowMs = System.currentTimeMillis();
        final long[] timesMs = everyBucketOfEveryWindow(engine.context(), nowMs);
        final int symbols = engine.admittedSymbols() + EXTRA_SYMBOLS;
        long longestIngestNs = 0;
        int slowIngests = 0;
        for (int k = 0; k < timesMs.length; k++)
        {
            for (int s = 0; s < symbols; s++)
            {
                final long beforeNs = System.nanoTime();
                engine.ingestLiquidation(symbol(s), (k & 1) == 0 ? Side.BUY : Side.SELL, 100_000_000L + k,
                    2_000_000_000L, timesMs[k], timesMs[k]);
                final long ingestNs = System.nanoTime() - beforeNs;
                longestIngestNs = Math.max(longestIngestNs, ingestNs);
                slowIngests += ingestNs >= SLOW_INGEST_NS ? 1 : 0;
            }
        }
        engine.drain();
        print("offered_symbols", symbols);
        print("liquidations_per_symbol", timesMs.length);
        print("longest_ingest_ms", longestIngestNs / 1_000_000);
        print("slow_ingests", slowIngests);
    }

    /** A time in each bucket of every timeframe's in-memory window back from now, oldest first (months as 28 days). */
    private static long[] everyBucketOfEveryWindow(final EngineContext context, final long nowMs)
    {
        int count = 0;
        for (final Timeframe timeframe : Timeframe.values())
        {
            count += context.bucketsPerTimeframe(timeframe);
        }
        final long[] timesMs = new long[count];
        int i = 0;
        for (final Timeframe timeframe : Timeframe.values())
        {
            final long stepMs = timeframe.sizeMs() > 0 ? timeframe.sizeMs() : 28 * 86_400_000L;
            for (int b = 0; b < context.bucketsPerTimeframe(timeframe); b++)
            {
                timesMs[i++] = nowMs - b * stepMs;
            }
        }
        Arrays.sort(timesMs);
        return timesMs;
    }

    static String symbol(final int s)
    {
        return "S" + s + "USDT";
    }

    private static void print(final String name, final long value)
    {
        System.out.println(name + "=" + value);
    }
}
