package io.liqvol.engine.journal;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderScanTest
{
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final int COUNT = 5_000;
    private static final long STEP_MS = 61_000L;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "1000PEPEUSDT");
    private static final long E8 = 100_000_000L;
    private static final int SEGMENT_RECORDS = 1024;

    @TempDir
    Path dir;

    @Test
    void shouldPageThroughEveryMatchExactlyOnceInBothDirectionsAcrossSegmentRollsAndARestart()
    {
        final List<OrderFilter> filters = List.of(
            new OrderFilter("BTCUSDT", 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0),
            new OrderFilter(null, 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0),
            new OrderFilter("ETHUSDT", timeMs(700), timeMs(3_100), Side.SELL.ordinal(), 0),
            new OrderFilter(null, timeMs(10), timeMs(4_000), OrderFilter.ANY_SIDE, 300 * E8 + 1),
            new OrderFilter("BTCUSDT", 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0, 1 << Venue.BYBIT.ordinal()),
            new OrderFilter(null, timeMs(10), Long.MAX_VALUE, Side.BUY.ordinal(), 0,
                1 << Venue.BINANCE.ordinal() | 1 << Venue.OKX.ordinal()));
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal, 0, COUNT / 2);
            for (final OrderFilter filter : filters)
            {
                assertPagesMatchReference(journal.history(), filter, COUNT / 2);
            }
        }
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal, COUNT / 2, COUNT);
            for (final OrderFilter filter : filters)
            {
                assertPagesMatchReference(journal.history(), filter, COUNT);
            }
        }
    }

    @Test
    void shouldStopAtTheRecordBudgetWithAPositionToGoOnFrom()
    {
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal, 0, COUNT);
            final OrderFilter nothing = new OrderFilter("BTCUSDT", 0, 1, OrderFilter.ANY_SIDE, 0);
            final OrderFilter all = new OrderFilter(null, 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0);
            final List<String> seen = new ArrayList<>();

            final OrderScanResult first = journal.history().orders(all, false, null, 100, 10, collect(seen));

            // the budget counts every record read, the segment's symbol records among them
            assertThat(seen).hasSize(10 - SYMBOLS.size());
            final OrderScanResult second = journal.history().orders(all, false, first.next(), 3, 1_000, collect(seen));
            assertThat(seen).containsExactlyElementsOf(expected(all, false).subList(0, 10 - SYMBOLS.size() + 3));
            assertThat(second.next()).isNotNull();
            // records before the first liquidation's segment hold none in range: nothing, whatever the budget
            assertThat(journal.history().orders(nothing, true, null, 10, Long.MAX_VALUE, collect(seen)).next())
                .isNull();
        }
    }

    @Test
    void shouldResumeAtTheOldestRemainingRecordWhenRetentionRemovedThePositionsSegment() throws Exception
    {
        final OrderFilter all = new OrderFilter(null, 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0);
        final JournalPosition intoFirst;
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal, 0, COUNT);
            intoFirst =
                journal.history().orders(all, false, null, 5, Long.MAX_VALUE, (v, s, side, t, q, p) -> { }).next();
            journal.history().awaitRollups();
        }
        assertThat(intoFirst.segment()).isEqualTo(1);
        Files.delete(dir.resolve(JournalDescriptor.segmentFileName(1)));
        Files.delete(dir.resolve(RollupDescriptor.fileName(1)));
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            final List<String> seen = new ArrayList<>();

            final OrderScanResult ascending = journal.history().orders(all, false, intoFirst, 3, 10_000, collect(seen));
            final OrderScanResult descending = journal.history().orders(all, true, intoFirst, 3, 10_000, collect(seen));

            assertThat(ascending.skippedRemoved()).isTrue();
            final int firstOfSecondSegment = SEGMENT_RECORDS - SYMBOLS.size();
            assertThat(seen).containsExactlyElementsOf(
                expected(all, false).subList(firstOfSecondSegment, firstOfSecondSegment + 3));
            assertThat(descending.skippedRemoved()).isTrue();
            assertThat(descending.next()).isNull();
        }
    }

    @Test
    void shouldRefuseAPositionTheJournalNeverHad()
    {
        final OrderFilter all = new OrderFilter(null, 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0);
        try (Journal journal = Journal.open(context(), new RecordingVisitor()))
        {
            append(journal, 0, 100);
            assertThatThrownBy(() -> journal.history().orders(
                all, false, new JournalPosition(9, 0), 1, 10, (v, s, side, t, q, p) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.history().orders(
                all, true, new JournalPosition(1, 5_000), 1, 10, (v, s, side, t, q, p) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldCompareTheMinimumNotionalExactly()
    {
        final OrderFilter filter = new OrderFilter(null, 0, 1, OrderFilter.ANY_SIDE, 1_000 * E8);

        assertThat(filter.reaches(10 * E8, 100 * E8)).isTrue();
        assertThat(filter.reaches(10 * E8, 100 * E8 - 1)).isFalse();
        // beyond 64 bits: 9e10 units at 9e6 USDT
        assertThat(new OrderFilter(null, 0, 1, OrderFilter.ANY_SIDE, Long.MAX_VALUE)
            .reaches(90_000_000_000L * E8, 9_000_000L * E8)).isTrue();
    }

    @Test
    void shouldSelectTheVenuesOfItsMask()
    {
        final OrderFilter okxAndBybit = new OrderFilter(null, 0, 1, OrderFilter.ANY_SIDE, 0, 0b110);

        assertThat(okxAndBybit.selects(0)).isFalse();
        assertThat(okxAndBybit.selects(1)).isTrue();
        assertThat(okxAndBybit.selects(2)).isTrue();
        assertThat(new OrderFilter(null, 0, 1, OrderFilter.ANY_SIDE, 0).selects(2)).isTrue();
    }

    /** Walks every page of at most a random number of orders and compares with the reference, both ways. */
    private static void assertPagesMatchReference(
        final JournalHistory history, final OrderFilter filter, final int count)
    {
        final Random random = new Random(count);
        for (final boolean newestFirst : new boolean[] {true, false})
        {
            final List<String> seen = new ArrayList<>();
            JournalPosition from = null;
            int pages = 0;
            do
            {
                final OrderScanResult page =
                    history.orders(filter, newestFirst, from, 1 + random.nextInt(40), Long.MAX_VALUE, collect(seen));
                from = page.next();
                pages++;
            }
            while (from != null);
            assertThat(seen).as(filter + " newest first " + newestFirst)
                .containsExactlyElementsOf(expected(filter, newestFirst, count));
            assertThat(pages).isGreaterThan(1);
        }
    }

    private static OrderVisitor collect(final List<String> into)
    {
        return (venue, symbol, side, tradeTimeMs, quantityE8, priceE8) -> into.add(
            row(venue, symbol, Side.fromOrdinal(side), tradeTimeMs, quantityE8, priceE8));
    }

    private static List<String> expected(final OrderFilter filter, final boolean newestFirst)
    {
        return expected(filter, newestFirst, COUNT);
    }

    /** The generated liquidations the filter takes, by BigDecimal arithmetic. */
    private static List<String> expected(final OrderFilter filter, final boolean newestFirst, final int count)
    {
        final BigDecimal min = BigDecimal.valueOf(filter.minNotionalE8(), 8);
        final List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final BigDecimal notional =
                BigDecimal.valueOf(quantityE8(i), 8).multiply(BigDecimal.valueOf(priceE8(i), 8));
            if ((filter.symbol() == null || filter.symbol().equals(symbol(i)))
                && timeMs(i) >= filter.startMs() && timeMs(i) < filter.endMs()
                && (filter.side() == OrderFilter.ANY_SIDE || filter.side() == side(i).ordinal())
                && (filter.venueMask() & (1 << venue(i))) != 0
                && notional.compareTo(min) >= 0)
            {
                rows.add(row(venue(i), symbol(i), side(i), timeMs(i), quantityE8(i), priceE8(i)));
            }
        }
        if (newestFirst)
        {
            Collections.reverse(rows);
        }
        return rows;
    }

    private static String row(final int venue,
        final String symbol, final Side side, final long timeMs, final long quantityE8, final long priceE8)
    {
        return venue + " " + symbol + " " + side + " " + timeMs + " " + quantityE8 + " " + priceE8;
    }

    private EngineContext context()
    {
        return new EngineContext().dataDir(dir).segmentBytes(JournalDescriptor.recordOffset(SEGMENT_RECORDS));
    }

    private static void append(final Journal journal, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            journal.appendLiquidation(i % SYMBOLS.size(), SYMBOLS::get, venue(i), side(i).ordinal(), quantityE8(i),
                priceE8(i), timeMs(i), timeMs(i), System.nanoTime());
            if (i % 64 == 63)
            {
                journal.endOfBatch();
            }
        }
        journal.endOfBatch();
    }

    private static String symbol(final int i)
    {
        return SYMBOLS.get(i % SYMBOLS.size());
    }

    private static int venue(final int i)
    {
        return i / 2 % Venue.count();
    }

    private static Side side(final int i)
    {
        return i % 7 < 3 ? Side.BUY : Side.SELL;
    }

    private static long quantityE8(final int i)
    {
        return 1_000_000L + 7_919L * i;
    }

    private static long priceE8(final int i)
    {
        return 2_000 * E8 + 104_729L * i;
    }

    private static long timeMs(final int i)
    {
        return T0 + i * STEP_MS;
    }
}
