package io.liqvol.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Off-heap bytes of buckets for all of Binance (600 symbols) with the default windows: a symbol liquidated once,
 * a realistic mix (Zipf-distributed activity, a given number of liquidations a day, for long enough to fill every
 * window), and the worst case (every symbol liquidated in every bucket of every window).
 * {@code java -cp bench/target/benchmarks.jar io.liqvol.engine.BucketMemoryHarness [perDay] [days]}
 */
public final class BucketMemoryHarness
{
    private static final int SYMBOLS = 600;
    private static final long START_MS = 1_732_000_000_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final double MB = 1024.0 * 1024.0;

    private BucketMemoryHarness()
    {
    }

    public static void main(final String[] args)
    {
        final int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int days = args.length > 1 ? Integer.parseInt(args[1]) : 130;

        final BucketStore once = store();
        for (int symbolId = 0; symbolId < SYMBOLS; symbolId++)
        {
            addToEveryTimeframe(once, symbolId, START_MS);
        }
        report("one liquidation per symbol", once);

        final BucketStore mix = store();
        final double[] cumulative = zipf(1.2);
        final SplittableRandom random = new SplittableRandom(42);
        final double meanGapMs = (double)DAY_MS / perDay;
        long timeMs = START_MS;
        for (long n = 0, total = (long)perDay * days; n < total; n++)
        {
            timeMs += (long)(-Math.log(1 - random.nextDouble()) * meanGapMs);
            int symbolId = Arrays.binarySearch(cumulative, random.nextDouble());
            symbolId = symbolId < 0 ? -symbolId - 1 : symbolId;
            addToEveryTimeframe(mix, Math.min(symbolId, SYMBOLS - 1), timeMs);
        }
        report(perDay + " liquidations a day for " + days + " days, Zipf(1.2) over symbols", mix);

        final BucketStore full = store();
        for (int symbolId = 0; symbolId < SYMBOLS; symbolId++)
        {
            for (int t = 0; t < Timeframe.count(); t++)
            {
                final Timeframe timeframe = Timeframe.fromOrdinal(t);
                final long newest = timeframe.bucketIndex(START_MS);
                for (long index = newest - full.windowBuckets(t) - 8; index <= newest; index++)
                {
                    full.add(symbolId, t, timeframe.bucketStartMs(index), Side.SELL.ordinal(), 1, 1, -1);
                }
            }
        }
        report("worst case: every bucket of every window", full);
    }

    private static BucketStore store()
    {
        return new BucketStore(SYMBOLS, new EngineContext().windowBuckets());
    }

    private static void addToEveryTimeframe(final BucketStore store, final int symbolId, final long timeMs)
    {
        for (int t = 0; t < Timeframe.count(); t++)
        {
            store.add(symbolId, t, timeMs, Side.BUY.ordinal(), 100_000_000L, 100_000_000L, -1);
        }
    }

    /** Cumulative probabilities of symbol ranks 1..600 with weight 1/rank^s. */
    private static double[] zipf(final double s)
    {
        final double[] cumulative = new double[SYMBOLS];
        double sum = 0;
        for (int rank = 1; rank <= SYMBOLS; rank++)
        {
            sum += 1 / Math.pow(rank, s);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < SYMBOLS; i++)
        {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static void report(final String scenario, final BucketStore store)
    {
        System.out.printf("%-60s in use %8.2f MB (%6.1f KB per symbol), reserved %8.2f MB%n", scenario,
            store.bytesInUse() / MB, store.bytesInUse() / 1024.0 / SYMBOLS, store.allocatedBytes() / MB);
    }
}
