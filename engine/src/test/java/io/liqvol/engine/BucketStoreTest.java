package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BucketStoreTest
{
    private static final int MINUTE = Timeframe.M1.ordinal();
    private final BucketStore store = new BucketStore(4, 8);
    private final BucketValues values = new BucketValues();

    @Test
    void shouldAccumulateBothSidesOfABucket()
    {
        store.add(1, MINUTE, 100, Side.BUY.ordinal(), 150_000_000L, 2_000_000_000_000L, 7);
        store.add(1, MINUTE, 100, Side.BUY.ordinal(), 50_000_000L, 2_000_000_000_000L, 8);
        store.add(1, MINUTE, 100, Side.SELL.ordinal(), 1_400_000L, 991_000_000_000L, 9);

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
        store.add(0, MINUTE, 3, Side.BUY.ordinal(), 1, 1, 1);
        store.add(0, MINUTE, 11, Side.BUY.ordinal(), 1, 1, 2);

        assertThat(store.add(0, MINUTE, 3, Side.BUY.ordinal(), 1, 1, 3)).isEqualTo(BucketStore.TOO_OLD);
        assertThat(store.read(0, MINUTE, 3, values)).isEqualTo(BucketStore.EVICTED);
        assertThat(store.read(0, MINUTE, 11, values)).isEqualTo(BucketStore.HELD);
        assertThat(store.read(0, MINUTE, 10, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(values.buyCount).isZero();
        assertThat(store.read(0, MINUTE, 12, values)).isEqualTo(BucketStore.EMPTY);
        assertThat(store.read(2, MINUTE, 12, values)).isEqualTo(BucketStore.EMPTY);
    }

    @Test
    void shouldRestartASlotWhenANewerBucketTakesIt()
    {
        store.add(0, MINUTE, 3, Side.SELL.ordinal(), 100, 100, 1);
        store.add(0, MINUTE, 11, Side.BUY.ordinal(), 5, 5, 2);

        store.read(0, MINUTE, 11, values);
        assertThat(values.sellCount).isZero();
        assertThat(values.buyCount).isEqualTo(1);
        assertThat(values.buyNotionalLow).isEqualTo(25);
    }

    @Test
    void shouldRefuseASumThatWouldOverflow128Bits()
    {
        final long max = Long.MAX_VALUE;
        int result = BucketStore.ADDED;
        int added = 0;
        while (result == BucketStore.ADDED)
        {
            result = store.add(0, MINUTE, 1, Side.BUY.ordinal(), max, max, added);
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
        store.add(0, MINUTE, 1, Side.BUY.ordinal(), 300, 700, 1);
        store.add(0, MINUTE, 1, Side.BUY.ordinal(), Long.MAX_VALUE, Long.MAX_VALUE, 2);
        store.read(0, MINUTE, 1, values);

        values.subtract(Side.BUY.ordinal(), Long.MAX_VALUE, Long.MAX_VALUE);

        assertThat(values.buyNotionalHigh).isZero();
        assertThat(values.buyNotionalLow).isEqualTo(210_000);
        assertThat(values.buyQuantityLow).isEqualTo(300);
        assertThat(values.buyCount).isEqualTo(1);
    }
}
