package io.liqvol.engine;

import java.util.List;

/**
 * Rebuilds the engine's state from the journal before the pipeline starts, through the same code the stages use:
 * symbols are interned in order of sighting, every liquidation is added to its buckets and to the recent
 * liquidations, gaps are restored, and the duplicate filter is seeded with the newest liquidations of each symbol,
 * so that one arriving again after a restart is still dropped. Runs on the launching thread while no stage runs.
 */
final class JournalReplay implements JournalVisitor
{
    private static final int TIMEFRAMES = Timeframe.count();
    /** Side, trade time, quantity, price of the newest liquidations per symbol, a ring per symbol. */
    private static final int LONGS_PER_KEY = 4;

    private final SymbolTable symbols;
    private final BucketStore buckets;
    private final RecentLiquidations recent;
    private final DuplicateFilter duplicates;
    private final List<Gap> gaps;
    private final long[][] newestKeys;
    private final long[] seen;

    JournalReplay(
        final SymbolTable symbols,
        final BucketStore buckets,
        final RecentLiquidations recent,
        final DuplicateFilter duplicates,
        final List<Gap> gaps,
        final int maxSymbols)
    {
        this.symbols = symbols;
        this.buckets = buckets;
        this.recent = recent;
        this.duplicates = duplicates;
        this.gaps = gaps;
        this.newestKeys = new long[maxSymbols][];
        this.seen = new long[maxSymbols];
    }

    @Override
    public void onLiquidation(
        final char[] symbol,
        final int symbolLength,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        final int symbolId = symbols.intern(symbol, 0, symbolLength);
        if (symbolId < 0)
        {
            return;
        }
        for (int t = 0; t < TIMEFRAMES; t++)
        {
            buckets.add(symbolId, t, Timeframe.fromOrdinal(t).bucketIndex(tradeTimeMs), side, quantityE8, priceE8, -1);
        }
        recent.append(symbolId, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
        remember(symbolId, side, tradeTimeMs, quantityE8, priceE8);
    }

    @Override
    public void onGap(final long fromMs, final long toMs)
    {
        gaps.add(new Gap(fromMs, toMs));
    }

    /** Seeds the duplicate filter, oldest first, with what each symbol's ring remembered. */
    void seedDuplicates()
    {
        for (int symbolId = 0; symbolId < newestKeys.length; symbolId++)
        {
            final long[] keys = newestKeys[symbolId];
            if (keys == null)
            {
                continue;
            }
            final long count = Math.min(seen[symbolId], DuplicateFilter.KEYS_PER_SYMBOL);
            for (long k = seen[symbolId] - count; k < seen[symbolId]; k++)
            {
                final int at = (int)(k % DuplicateFilter.KEYS_PER_SYMBOL) * LONGS_PER_KEY;
                duplicates.firstSighting(symbolId, (int)keys[at], keys[at + 1], keys[at + 2], keys[at + 3]);
            }
        }
    }

    private void remember(
        final int symbolId, final int side, final long tradeTimeMs, final long quantityE8, final long priceE8)
    {
        long[] keys = newestKeys[symbolId];
        if (keys == null)
        {
            keys = new long[DuplicateFilter.KEYS_PER_SYMBOL * LONGS_PER_KEY];
            newestKeys[symbolId] = keys;
        }
        final int at = (int)(seen[symbolId]++ % DuplicateFilter.KEYS_PER_SYMBOL) * LONGS_PER_KEY;
        keys[at] = side;
        keys[at + 1] = tradeTimeMs;
        keys[at + 2] = quantityE8;
        keys[at + 3] = priceE8;
    }
}
