package io.liqvol.engine;

import io.liqvol.engine.journal.JournalVisitor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalReplayTest
{
    private static final long T0 = 1_704_067_200_000L;
    private static final long MINUTE_MS = 60_000L;

    private final SymbolTable symbols = new SymbolTable(8);
    private final BucketStore buckets = new BucketStore(8, BucketStore.uniformWindows(16));
    private final RecentLiquidations recent = new RecentLiquidations(8, 3);
    private final DuplicateFilter duplicates = new DuplicateFilter(8);
    private final List<Gap> gaps = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final JournalReplay replay = new JournalReplay(symbols, buckets, recent, duplicates, gaps, 8, 3,
        new JournalVisitor()
        {
            @Override
            public void onLiquidation(final int venue, final byte[] symbol, final int symbolLength, final int side,
                final long quantityE8, final long priceE8, final long tradeTimeMs, final long eventTimeMs)
            {
                heard.add(new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII) + " " + side
                    + " " + quantityE8 + "@" + priceE8 + " " + tradeTimeMs);
            }

            @Override
            public void onGap(final long fromMs, final long toMs, final GapKind kind)
            {
                heard.add("gap " + fromMs + "-" + toMs + " " + kind.code());
            }
        });

    @Test
    void shouldHandEveryRecordToTheReplayListenerToo()
    {
        liquidation("BTCUSDT", 1, T0 + MINUTE_MS);
        replay.onGap(T0, T0 + 5, GapKind.DOWNTIME);
        liquidation("ETHUSDT", 0, T0);
        replay.finish();

        assertThat(heard).hasSize(3).first().asString().startsWith("BTCUSDT 1 ").endsWith(" " + (T0 + MINUTE_MS));
        assertThat(heard.get(1)).isEqualTo("gap " + T0 + "-" + (T0 + 5) + " downtime");
        assertThat(heard.get(2)).startsWith("ETHUSDT 0 ");
    }

    @Test
    void shouldLeaveOutBucketsBeyondTheWindowOfTheNewestLiquidation()
    {
        // Newest first: 40 minutes of liquidations, one a minute; the 1m window holds 16 buckets.
        for (int minute = 39; minute >= 0; minute--)
        {
            liquidation("BTCUSDT", 0, T0 + minute * MINUTE_MS);
        }
        replay.finish();

        final int btc = symbols.idOf("BTCUSDT");
        final BucketValues values = new BucketValues();
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0 + 39 * MINUTE_MS), values))
            .isEqualTo(BucketStore.HELD);
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0 + 24 * MINUTE_MS), values))
            .isEqualTo(BucketStore.HELD);
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0 + 23 * MINUTE_MS), values))
            .isEqualTo(BucketStore.EVICTED);
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0 + 7 * MINUTE_MS), values))
            .isEqualTo(BucketStore.EVICTED);
        assertThat(buckets.read(btc, Timeframe.H1.ordinal(), Timeframe.H1.bucketIndex(T0), values))
            .isEqualTo(BucketStore.HELD);
        assertThat(values.buyCount).isEqualTo(40);
    }

    @Test
    void shouldMoveTheWindowWhenANewerLiquidationComesLater()
    {
        // An import of old data journaled after live data replays first.
        liquidation("BTCUSDT", 0, T0);
        liquidation("BTCUSDT", 1, T0 + 30 * MINUTE_MS);
        replay.finish();

        final int btc = symbols.idOf("BTCUSDT");
        final BucketValues values = new BucketValues();
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0 + 30 * MINUTE_MS), values))
            .isEqualTo(BucketStore.HELD);
        assertThat(buckets.read(btc, Timeframe.M1.ordinal(), Timeframe.M1.bucketIndex(T0), values))
            .isEqualTo(BucketStore.EVICTED);
        assertThat(buckets.read(btc, Timeframe.H1.ordinal(), Timeframe.H1.bucketIndex(T0), values))
            .isEqualTo(BucketStore.HELD);
        assertThat(values.buyCount + values.sellCount).isEqualTo(2);
    }

    @Test
    void shouldRestoreRecentLiquidationsDuplicatesAndGapsOldestFirst()
    {
        replay.onGap(T0 + 50, T0 + 60, GapKind.DOWNTIME);
        for (int i = 9; i >= 0; i--)
        {
            liquidation("ETHUSDT", i & 1, T0 + i);
        }
        replay.onGap(T0 - 20, T0 - 10, GapKind.UPSTREAM);
        replay.finish();

        final int eth = symbols.idOf("ETHUSDT");
        assertThat(recent.newest(eth, "ETHUSDT", Venues.ALL, 10)).extracting(LiquidationSnapshot::tradeTimeMs)
            .containsExactly(T0 + 9, T0 + 8, T0 + 7);
        assertThat(gaps).containsExactly(new Gap(T0 - 20, T0 - 10), new Gap(T0 + 50, T0 + 60, GapKind.DOWNTIME));
        assertThat(duplicates.firstSighting(eth, 0, 1, T0 + 9, 1_000_000L, 2_000_000_000L)).isFalse();
        assertThat(duplicates.firstSighting(eth, 0, 0, T0, 1_000_000L, 2_000_000_000L)).isFalse();
        assertThat(duplicates.firstSighting(eth, 0, 0, T0 + 10, 1_000_000L, 2_000_000_000L)).isTrue();
    }

    private void liquidation(final String symbol, final int side, final long timeMs)
    {
        final byte[] chars = AsciiText.of(symbol);
        replay.onLiquidation(0, chars, chars.length, side, 1_000_000L, 2_000_000_000L, timeMs, timeMs);
    }
}
