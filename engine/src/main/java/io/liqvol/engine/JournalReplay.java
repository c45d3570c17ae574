package io.liqvol.engine;

import io.liqvol.engine.journal.JournalVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Rebuilds the engine's state from the journal before the pipeline starts, through the same code the stages use,
 * while no stage thread runs (so every structure keeps its single writer). Records arrive newest first, which makes
 * the rebuild cheap: once a series' (a symbol on a venue) newest liquidation is known, a bucket that falls out of
 * a timeframe's in-memory window can never be read from memory (queries take it from the journal's roll-ups), so it is
 * not added at all;
 * of a two-year history only the 1d, 1w and 1M buckets and the recent ones of shorter timeframes are built. The
 * newest liquidations of each symbol are kept aside and appended oldest first at the end to the recent liquidations
 * and the duplicate filter, so that one arriving again after a restart is still dropped.
 */
final class JournalReplay implements JournalVisitor
{
    private static final int TIMEFRAMES = Timeframe.count();
    /** Side, quantity, price, trade time, event time, venue. */
    private static final int LONGS_PER_ENTRY = 6;

    private final SymbolTable symbols;
    private final BucketStore buckets;
    private final RecentLiquidations recent;
    private final DuplicateFilter duplicates;
    private final List<Gap> gaps;
    private final List<Gap> gapsNewestFirst = new ArrayList<>();
    /** Hears every record too, or null. */
    private final JournalVisitor replayListener;
    private final int keptPerSymbol;
    private final int recentPerSymbol;
    /** Per series and timeframe: liquidations traded before this cannot be in the in-memory window. */
    private final long[] windowStartMs;
    /** Per series, its newest trade time, {@link Long#MIN_VALUE} before its first. */
    private final long[] newestTimeMs;
    /** Per symbol: its newest liquidations, newest first, and how many. */
    private final long[][] kept;
    private final int[] keptCount;

    JournalReplay(
        final SymbolTable symbols,
        final BucketStore buckets,
        final RecentLiquidations recent,
        final DuplicateFilter duplicates,
        final List<Gap> gaps,
        final int maxSymbols,
        final int recentPerSymbol,
        final JournalVisitor replayListener)
    {
        this.replayListener = replayListener;
        this.symbols = symbols;
        this.buckets = buckets;
        this.recent = recent;
        this.duplicates = duplicates;
        this.gaps = gaps;
        this.recentPerSymbol = recentPerSymbol;
        this.keptPerSymbol = Math.max(recentPerSymbol, DuplicateFilter.KEYS_PER_SYMBOL);
        this.windowStartMs = new long[Series.capacity(maxSymbols) * TIMEFRAMES];
        this.newestTimeMs = new long[Series.capacity(maxSymbols)];
        Arrays.fill(newestTimeMs, Long.MIN_VALUE);
        this.kept = new long[maxSymbols][];
        this.keptCount = new int[maxSymbols];
    }

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
        final int symbolId = symbols.intern(venue, symbol, 0, symbolLength);
        if (symbolId < 0)
        {
            return;
        }
        if (kept[symbolId] == null)
        {
            kept[symbolId] = new long[keptPerSymbol * LONGS_PER_ENTRY];
        }
        final int series = Series.of(symbolId, venue);
        if (tradeTimeMs > newestTimeMs[series])
        {
            newestTimeMs[series] = tradeTimeMs;
            moveWindows(series, tradeTimeMs);
        }
        final int windows = series * TIMEFRAMES;
        for (int t = 0; t < TIMEFRAMES; t++)
        {
            if (tradeTimeMs >= windowStartMs[windows + t])
            {
                buckets.add(series, t, tradeTimeMs, side, quantityE8, priceE8, -1);
            }
        }
        keep(symbolId, venue, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
        if (replayListener != null)
        {
            replayListener.onLiquidation(
                venue, symbol, symbolLength, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
        }
    }

    @Override
    public void onGap(final long fromMs, final long toMs, final GapKind kind)
    {
        onGap(Venue.BINANCE.ordinal(), fromMs, toMs, kind);
    }

    @Override
    public void onGap(final int venue, final long fromMs, final long toMs, final GapKind kind)
    {
        gapsNewestFirst.add(new Gap(fromMs, toMs, kind, Venue.fromOrdinal(venue)));
        if (replayListener != null)
        {
            replayListener.onGap(venue, fromMs, toMs, kind);
        }
    }

    /** After the last record: recent liquidations, the duplicate filter and gaps, each oldest first. */
    void finish()
    {
        for (int symbolId = 0; symbolId < kept.length; symbolId++)
        {
            final long[] entries = kept[symbolId];
            if (entries == null)
            {
                continue;
            }
            for (int k = Math.min(keptCount[symbolId], recentPerSymbol) - 1; k >= 0; k--)
            {
                final int at = k * LONGS_PER_ENTRY;
                recent.append(symbolId, (int)entries[at + 5], (int)entries[at], entries[at + 1], entries[at + 2],
                    entries[at + 3], entries[at + 4]);
            }
            for (int k = Math.min(keptCount[symbolId], DuplicateFilter.KEYS_PER_SYMBOL) - 1; k >= 0; k--)
            {
                final int at = k * LONGS_PER_ENTRY;
                duplicates.firstSighting(symbolId, (int)entries[at + 5], (int)entries[at], entries[at + 3],
                    entries[at + 1], entries[at + 2]);
            }
        }
        final List<Gap> oldestFirst = new ArrayList<>(gapsNewestFirst);
        Collections.reverse(oldestFirst);
        gaps.addAll(oldestFirst);
    }

    /** The series' newest liquidation is {@code newestMs}: per timeframe, where its in-memory window starts. */
    private void moveWindows(final int series, final long newestMs)
    {
        for (int t = 0; t < TIMEFRAMES; t++)
        {
            final Timeframe timeframe = Timeframe.fromOrdinal(t);
            windowStartMs[series * TIMEFRAMES + t] =
                timeframe.bucketStartMs(timeframe.bucketIndex(newestMs) - buckets.windowBuckets(t) + 1);
        }
    }

    private void keep(
        final int symbolId,
        final int venue,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        final int count = keptCount[symbolId];
        if (count == keptPerSymbol)
        {
            return;
        }
        final long[] entries = kept[symbolId];
        final int at = count * LONGS_PER_ENTRY;
        entries[at] = side;
        entries[at + 1] = quantityE8;
        entries[at + 2] = priceE8;
        entries[at + 3] = tradeTimeMs;
        entries[at + 4] = eventTimeMs;
        entries[at + 5] = venue;
        keptCount[symbolId] = count + 1;
    }
}
