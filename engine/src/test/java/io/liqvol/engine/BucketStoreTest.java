package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BucketStoreTest
{
    private static final int MINUTE = Timeframe.M1.ordinal();
    private static final long MINUTE_MS = 60_000L;
    private final BucketStore store = new BucketStore(4, BucketStore.uniformWindows(8));
    private final BucketValues values = new BucketValues();

    @Test
    void shouldAccumulateBothSidesOfABucket()
    {
        assertThat(store.add(1, MINUTE, at(100), Side.BUY.ordinal(), 150_000_000L, 2_000_000_000_000L, 7))
            .isEqualTo(100);
        store.add(1, MINUTE, at(100) + 59_999, Side.BUY.ordinal(), 50_000_000L, 2_000_000_000_000L, 8);
        store.add(1, MINUTE, at(100) + 1, Side.SELL.ordinal(), 1_400_000L, 991_000_000_000L, 9);

        assertThat(store.read(1, MINUTE, 100, values)).isEqualTo(BucketStore.HELD);
        values.symbol = "BTCUSDT";
        values.timeframe = Timeframe.M1;
        values.bucketIndex = 100;
        final BucketSnapshot snapshot = values.toSnapshot();
        assertThat(snapshot.buyNotional()).isEqualByComparingTo("40000");
        assertThat(snapshot.buyQuantity()).isEqualByComparingTo("2");
        assertThat(snapshot.sellNotional()).isEqualByComparingTo("138.74");
        assertThat(snapshot.buyCount()).isEqualTo(2);
        assertThat(snapshot.sellCount()).isEqualTo(1);
        assertThat(values.lastPosition).isEqualTo(9);
    }

    @Test
    void shouldKeepOnlyTheNewestBucketsOfTheWindow()
    {
        store.add(0, MINUTE, at(3), Side.BUY.ordinal(), 1, 1, 1);
        store.add(0, MINUTE, at(11), Side.BUY.ordinal(), 1, 1, 2);

        assertThat(store.add(0, MINUTE, at(3), Side.BUY.ordinal(), 1, 1, 3)).isEqualTo(BucketStore.TOO_OLD);
        assertThat(store.read(0, MINUTE, 3, values)).isEqualTo(BucketStore.EVICTED);
        assertThat(store.read(0, MINUTE, 11, values)).isEqualTo(BucketStore.HELD);
        assertThat(store.read(0, MINUTE, 10, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(values.buyCount).isZero();
        assertThat(store.read(0, MINUTE, 4, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(store.read(0, MINUTE, 12, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(store.read(2, MINUTE, 12, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(store.add(0, MINUTE, at(4), Side.SELL.ordinal(), 1, 1, 4)).isEqualTo(4);
    }

    @Test
    void shouldRestartASlotWhenAPageIsRecycledForANewerRange()
    {
        store.add(0, MINUTE, at(3), Side.SELL.ordinal(), 100, 100, 1);
        final long pagesBefore = store.bytesInUse();
        // Minute 35 is four pages on: the page of minutes 0-7 leaves the window and comes back for 32-39.
        store.add(0, MINUTE, at(35), Side.BUY.ordinal(), 5, 5, 2);

        assertThat(store.bytesInUse()).isEqualTo(pagesBefore);
        assertThat(store.read(0, MINUTE, 35, values)).isEqualTo(BucketStore.HELD);
        assertThat(values.sellCount).isZero();
        assertThat(values.buyCount).isEqualTo(1);
        assertThat(values.buyNotionalLow).isEqualTo(25);
        assertThat(store.read(0, MINUTE, 3, values)).isEqualTo(BucketStore.EVICTED);
    }

    @Test
    void shouldHoldMemoryProportionalToTheWindowNotToTheHistory()
    {
        store.add(0, MINUTE, at(0), Side.BUY.ordinal(), 1, 1, 0);
        final long oneBucket = store.bytesInUse();
        for (int minute = 1; minute < 100; minute++)
        {
            store.add(0, MINUTE, at(minute), Side.BUY.ordinal(), 1, 1, minute);
        }
        final long fullWindow = store.bytesInUse();
        final long reserved = store.allocatedBytes();
        for (int minute = 100; minute < 100_000; minute++)
        {
            store.add(0, MINUTE, at(minute), Side.BUY.ordinal(), 1, 1, minute);
        }

        // A window of 8 spans at most two pages of 8 (one when it is aligned with a page).
        assertThat(fullWindow).isEqualTo(oneBucket + BucketDescriptor.PAGE_LENGTH);
        assertThat(store.bytesInUse()).isLessThanOrEqualTo(fullWindow);
        assertThat(store.allocatedBytes()).isEqualTo(reserved);
    }

    @Test
    void shouldCostKilobytesForASymbolLiquidatedOnce()
    {
        final BucketStore defaults = new BucketStore(4, new EngineContext().windowBuckets());
        for (int t = 0; t < Timeframe.count(); t++)
        {
            defaults.add(0, t, 1_732_000_000_000L, Side.BUY.ordinal(), 1, 1, 0);
        }

        assertThat(defaults.bytesInUse()).isLessThan(16 * 1024);
    }

    @Test
    void shouldHoldSixHundredSymbolsLiquidatedInEveryBucketOfEveryWindowInUnder200Megabytes()
    {
        final int symbols = 600;
        final BucketStore defaults = new BucketStore(symbols, new EngineContext().windowBuckets());
        final long nowMs = 1_732_000_000_000L;
        for (int symbolId = 0; symbolId < symbols; symbolId++)
        {
            for (int t = 0; t < Timeframe.count(); t++)
            {
                final Timeframe timeframe = Timeframe.fromOrdinal(t);
                final long newest = timeframe.bucketIndex(nowMs);
                for (long index = newest - defaults.windowBuckets(t) - 8; index <= newest; index++)
                {
                    defaults.add(symbolId, t, timeframe.bucketStartMs(index), Side.BUY.ordinal(), 1, 1, index);
                }
            }
        }

        assertThat(defaults.allocatedBytes()).isLessThan(200L << 20);
        assertThat(defaults.read(symbols - 1, Timeframe.D1.ordinal(), Timeframe.D1.bucketIndex(nowMs), values))
            .isEqualTo(BucketStore.HELD);
    }

    @Test
    void shouldRefuseASumThatWouldOverflow128Bits()
    {
        final long max = Long.MAX_VALUE;
        int result = 1;
        int added = 0;
        while (result >= 0)
        {
            result = store.add(0, MINUTE, at(1), Side.BUY.ordinal(), max, max, added);
            added++;
        }

        assertThat(result).isEqualTo(BucketStore.OVERFLOW);
        store.read(0, MINUTE, 1, values);
        assertThat(values.buyCount).isEqualTo(added - 1);
        assertThat(values.buyNotionalHigh).isPositive();
    }

    @Test
    void shouldTakeALiquidationBackOutWhenRewinding()
    {
        store.add(0, MINUTE, at(1), Side.BUY.ordinal(), 300, 700, 1);
        store.add(0, MINUTE, at(1), Side.BUY.ordinal(), Long.MAX_VALUE, Long.MAX_VALUE, 2);
        store.read(0, MINUTE, 1, values);

        values.subtract(Side.BUY.ordinal(), Long.MAX_VALUE, Long.MAX_VALUE);

        assertThat(values.buyNotionalHigh).isZero();
        assertThat(values.buyNotionalLow).isEqualTo(210_000);
        assertThat(values.buyQuantityLow).isEqualTo(300);
        assertThat(values.buyCount).isEqualTo(1);
    }

    @Test
    void shouldNeverShowAReaderAnotherBucketsTotalsWhilePagesAreRecycled() throws Exception
    {
        final AtomicLong written = new AtomicLong(-1);
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicReference<String> wrong = new AtomicReference<>();
        final Thread reader = new Thread(() ->
        {
            final BucketValues read = new BucketValues();
            long held = 0;
            while (!done.get() || held == 0)
            {
                final long minute = Math.max(0, written.get() - (held & 15));
                for (int symbolId = 0; symbolId < 2; symbolId++)
                {
                    if (store.read(symbolId, MINUTE, minute, read) == BucketStore.HELD)
                    {
                        held++;
                        if (read.buyCount != 1 || read.buyQuantityLow != quantity(symbolId, minute))
                        {
                            wrong.set(symbolId + "/" + minute + ": " + read.buyCount + " " + read.buyQuantityLow);
                        }
                    }
                }
            }
        });
        reader.start();
        for (int minute = 0; minute < 2_000_000; minute++)
        {
            for (int symbolId = 0; symbolId < 2; symbolId++)
            {
                store.add(symbolId, MINUTE, at(minute), Side.BUY.ordinal(), quantity(symbolId, minute), 1, minute);
            }
            written.lazySet(minute);
        }
        done.set(true);
        reader.join();

        assertThat(wrong.get()).isNull();
    }

    private static long quantity(final int symbolId, final long minute)
    {
        return 2 * minute + 1 + symbolId;
    }

    private static long at(final long minute)
    {
        return minute * MINUTE_MS;
    }
}
