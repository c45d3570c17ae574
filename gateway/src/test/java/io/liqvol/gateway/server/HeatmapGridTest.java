package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeatmapGridTest
{
    private static final long E8 = 100_000_000L;

    @Test
    void shouldPickTheSmallestSizeOfTheLadderWhoseAlignedBinsFit()
    {
        // 100..200 in 50 bins: 2 needs 51 aligned bins, so 5 (21 bins)
        assertThat(HeatmapGrid.binSizeE8(E8 / 10, 100 * E8, 200 * E8, 50)).isEqualTo(5 * E8);
        // 100..199.9 in 50 bins: 2 fits exactly (50 bins)
        assertThat(HeatmapGrid.binSizeE8(E8 / 10, 100 * E8, 1999 * E8 / 10, 50)).isEqualTo(2 * E8);
        // one price: the tick
        assertThat(HeatmapGrid.binSizeE8(E8 / 100, 42 * E8, 42 * E8, 10)).isEqualTo(E8 / 100);
        // 0.00001 .. 0.00099 at an unknown tick (1e-8) in 10 bins: 0.00005 needs 20 aligned bins, 0.0001 needs 10
        assertThat(HeatmapGrid.binSizeE8(1, 1_000, 99_000, 10)).isEqualTo(10_000);
        assertThat(HeatmapGrid.binSizeE8(3, 10, 100, 10)).as("a tick that is no power of ten").isEqualTo(15);
    }

    @Test
    void shouldSumEachCellExactlyAndListCellsInTimeThenPriceOrder()
    {
        final long startMs = 1_700_000_000_000L;
        final HeatmapGrid grid = new HeatmapGrid(Timeframe.H1, startMs, 5 * E8, 101 * E8, 119 * E8);

        assertThat(grid.binCount()).isEqualTo(4);
        assertThat(grid.binLowE8(0)).isEqualTo(100 * E8);
        assertThat(grid.add(Side.SELL.ordinal(), startMs + 3_600_000L, 3 * E8, 119 * E8)).isTrue();
        assertThat(grid.add(Side.BUY.ordinal(), startMs, Long.MAX_VALUE / 200, 101 * E8)).isTrue();
        assertThat(grid.add(Side.BUY.ordinal(), startMs + 1, Long.MAX_VALUE / 200, 104 * E8)).isTrue();
        assertThat(grid.add(Side.BUY.ordinal(), startMs, E8, 120 * E8)).as("above the bins").isFalse();
        assertThat(grid.add(Side.BUY.ordinal(), startMs, E8, 99 * E8)).as("below the bins").isFalse();

        final List<String> cells = new ArrayList<>();
        grid.cells().forEachRemaining((Map.Entry<Long, long[]> cell) -> cells.add(
            (grid.bucketStartMs(cell.getKey()) - Timeframe.H1.alignDownMs(startMs)) + " " + grid.bin(cell.getKey())
                + " " + Arrays.toString(cell.getValue())));
        final BigInteger both = BigInteger.valueOf(Long.MAX_VALUE / 200)
            .multiply(BigInteger.valueOf(101 * E8 + 104 * E8));
        assertThat(cells).containsExactly(
            "0 0 [" + both.shiftRight(64).longValue() + ", " + both.longValue() + ", 0, 0, 2, 0]",
            "3600000 3 [0, 0, 0, " + 357L * E8 * E8 + ", 0, 1]");
    }

    @Test
    void shouldRefuseASumBeyond128Bits()
    {
        final HeatmapGrid grid = new HeatmapGrid(Timeframe.M1, 0, 1L << 62, 1, Long.MAX_VALUE);
        // (2^63 - 1)^2 is just below 2^126: two fit below 2^127, a third does not
        for (int i = 0; i < 2; i++)
        {
            grid.add(Side.BUY.ordinal(), 0, Long.MAX_VALUE, Long.MAX_VALUE);
        }
        assertThatThrownBy(() -> grid.add(Side.BUY.ordinal(), 0, Long.MAX_VALUE, Long.MAX_VALUE))
            .isInstanceOf(ArithmeticException.class);
    }
}
