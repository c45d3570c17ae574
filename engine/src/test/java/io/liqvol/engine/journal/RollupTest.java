package io.liqvol.engine.journal;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LiveRollup}, {@link RollupFileWriter} and {@link MappedRollup} over the same segment agree. */
class RollupTest
{
    /** 2024-01-01T00:00:00Z, a Monday. */
    private static final long T0 = 1_704_067_200_000L;
    private static final long HOUR_MS = 3_600_000L;

    @TempDir
    Path dir;

    private final CRC32C crc = new CRC32C();
    /** Records the test has written into its segment. */
    private int written;

    @Test
    void shouldCatchUpWithTheWriterAndSumBaseBucketsIntoLargerOnes() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(1024), T0);
        final LiveRollup live = new LiveRollup(segment, true);
        append(segment, "BTCUSDT", 0, 100_000_000L, 40_000_00000000L, T0 + 5_000);
        segment.commit(written);
        assertThat(sum(live, Timeframe.H4, T0).buyCount()).isEqualTo(1);

        append(segment, "BTCUSDT", 1, 50_000_000L, 40_010_00000000L, T0 + 2 * HOUR_MS);
        append(segment, "ETHUSDT", 0, 100_000_000L, 2_000_00000000L, T0 + 3 * HOUR_MS);
        append(segment, "BTCUSDT", 0, 100_000_000L, 41_000_00000000L, T0 + 5 * HOUR_MS);
        assertThat(sum(live, Timeframe.H4, T0).sellCount()).isZero();
        segment.commit(written);

        final BucketSnapshot first = sum(live, Timeframe.H4, T0);
        assertThat(first.buyCount()).isEqualTo(1);
        assertThat(first.sellCount()).isEqualTo(1);
        assertThat(first.sellNotional()).isEqualByComparingTo("20005");
        assertThat(sum(live, Timeframe.H4, T0 + 4 * HOUR_MS).buyCount()).isEqualTo(1);
        assertThat(sum(live, Timeframe.W1, T0).buyCount()).isEqualTo(2);
        assertThat(sum(live, Timeframe.MN1, T0).sellCount()).isEqualTo(1);
        assertThat(live.overlaps(T0 + 6 * HOUR_MS, T0 + 7 * HOUR_MS)).isFalse();
        assertThat(live.maxTradeTimeMs()).isEqualTo(T0 + 5 * HOUR_MS);
    }

    @Test
    void shouldFoldRecordsOfKnownSymbolsWithoutAllocating() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(200_000), T0);
        final LiveRollup live = new LiveRollup(segment, false);
        final String[] symbols = new String[100];
        for (int s = 0; s < symbols.length; s++)
        {
            symbols[s] = "SYM" + s + "USDT";
        }
        int half = 0;
        for (int n = 0; n < 100_000; n++)
        {
            append(segment, symbols[n % symbols.length], n & 1, 1_000_000L, 40_000_00000000L, T0 + n % 1000);
            half = n == 49_999 ? written : half;
        }
        segment.commit(half);
        assertThat(live.maxTradeTimeMs()).isEqualTo(T0 + 999);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        segment.commit(written);
        live.maxTradeTimeMs();

        assertThat(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before).isLessThan(1024);
        final long minute = Timeframe.M1.bucketIndex(T0);
        final HistoryRange sym7Range = range(live, "SYM7USDT", Timeframe.M1, minute, minute);
        final BucketSnapshot sym7 = HistorySnapshots.of(sym7Range, "SYM7USDT", Timeframe.M1, minute);
        assertThat(sym7.buyCount() + sym7.sellCount()).isEqualTo(1000);
    }

    @Test
    void shouldPersistTheSameTotalsAndRefuseACorruptFile() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 3, JournalDescriptor.recordOffset(1024), T0);
        for (int i = 0; i < 500; i++)
        {
            append(segment, i % 4 == 0 ? "ETHUSDT" : "BTCUSDT", i % 3 == 0 ? 1 : 0, 1_000_000L + i,
                40_000_00000000L - i, T0 + i * 97_000L);
        }
        segment.commit(written);
        final LiveRollup live = new LiveRollup(segment, false);
        final RollupFileWriter writer = new RollupFileWriter();
        live.writeTo(writer);
        final Path file = dir.resolve(RollupDescriptor.fileName(3));
        writer.writeTo(file);
        final MappedRollup mapped = MappedRollup.open(file);

        for (final Timeframe timeframe : Timeframe.values())
        {
            final long first = timeframe.bucketIndex(T0);
            final long last = timeframe.bucketIndex(T0 + 500 * 97_000L);
            final HistoryRange fromLive = range(live, "BTCUSDT", timeframe, first, last);
            final HistoryRange fromFile = range(mapped, "BTCUSDT", timeframe, first, last);
            for (long index = first; index <= last; index++)
            {
                assertThat(HistorySnapshots.of(fromFile, "BTCUSDT", timeframe, index))
                    .as(timeframe.code() + " " + index)
                    .isEqualTo(HistorySnapshots.of(fromLive, "BTCUSDT", timeframe, index));
            }
        }
        final HistoryRange other = range(mapped, "SOLUSDT", Timeframe.D1, 0, 30_000);
        assertThat(HistorySnapshots.of(other, "SOLUSDT", Timeframe.D1, 19_723).buyCount()).isZero();

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(raf.length() - 3);
            raf.write(0x55);
        }
        assertThatThrownBy(() -> MappedRollup.open(file)).hasMessageContaining("checksum");
    }

    @Test
    void shouldCheckTheRecordsOfASegmentFoundOnDiskButTrustItsOwn() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(1024), T0);
        final int first = append(segment, "BTCUSDT", 0, 100_000_000L, 40_000_00000000L, T0);
        append(segment, "BTCUSDT", 0, 100_000_000L, 40_000_00000000L, T0);
        final ByteBuffer bytes = segment.checksumView();
        final int at = (int)JournalDescriptor.recordOffset(first) + JournalDescriptor.PRICE_OFFSET;
        bytes.put(at, (byte)(bytes.get(at) ^ 1));
        segment.commit(written);

        assertThat(sum(new LiveRollup(segment, false), Timeframe.M1, T0).buyCount()).isEqualTo(1);
        assertThat(sum(new LiveRollup(segment, true), Timeframe.M1, T0).buyCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepEachVenueApartInMemoryAndInTheFile() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 4, JournalDescriptor.recordOffset(1024), T0);
        append(segment, "BTCUSDT", 0, 0, 100_000_000L, 40_000_00000000L, T0);
        append(segment, "BTCUSDT", 2, 1, 200_000_000L, 40_000_00000000L, T0 + 1);
        append(segment, "BTCUSDT", 2, 0, 300_000_000L, 40_000_00000000L, T0 + 2);
        segment.commit(written);
        final LiveRollup live = new LiveRollup(segment, false);
        final RollupFileWriter writer = new RollupFileWriter();
        live.writeTo(writer);
        final Path file = dir.resolve(RollupDescriptor.fileName(4));
        writer.writeTo(file);

        for (final Rollup rollup : new Rollup[] {live, MappedRollup.open(file)})
        {
            final BucketSnapshot binance = sum(rollup, 0, Timeframe.H1, T0);
            assertThat(binance.buyCount()).isEqualTo(1);
            assertThat(binance.sellCount()).isZero();
            final BucketSnapshot okx = sum(rollup, 2, Timeframe.D1, T0);
            assertThat(okx.buyQuantity()).isEqualByComparingTo("3");
            assertThat(okx.sellNotional()).isEqualByComparingTo("80000");
            assertThat(sum(rollup, 1, Timeframe.M1, T0).count()).isZero();
        }
    }

    @Test
    void shouldReadARollupOfTheFirstFormatAsBinance() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 5, JournalDescriptor.recordOffset(1024), T0);
        append(segment, "BTCUSDT", 0, 1, 100_000_000L, 40_000_00000000L, T0);
        segment.commit(written);
        final RollupFileWriter writer = new RollupFileWriter();
        new LiveRollup(segment, false).writeTo(writer);
        final Path file = dir.resolve(RollupDescriptor.fileName(5));
        writer.writeTo(file);
        // Version 1 had the base as 4 little-endian bytes where version 2 has base and venue as 2 each: a Binance
        // item's bytes are the same, and the version is outside the checksum.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(RollupDescriptor.VERSION_OFFSET);
            raf.write(new byte[] {RollupDescriptor.FIRST_FORMAT_VERSION, 0, 0, 0});
        }

        final MappedRollup mapped = MappedRollup.open(file);
        assertThat(sum(mapped, 0, Timeframe.M1, T0).sellCount()).isEqualTo(1);
        assertThat(sum(mapped, 1, Timeframe.M1, T0).count()).isZero();
    }

    @Test
    void shouldTileEveryTimeframeWithItsBase()
    {
        assertThat(RollupDescriptor.BASES[RollupDescriptor.baseOf(Timeframe.M30)]).isEqualTo(Timeframe.M1);
        assertThat(RollupDescriptor.BASES[RollupDescriptor.baseOf(Timeframe.H1)]).isEqualTo(Timeframe.H1);
        assertThat(RollupDescriptor.BASES[RollupDescriptor.baseOf(Timeframe.H12)]).isEqualTo(Timeframe.H1);
        assertThat(RollupDescriptor.BASES[RollupDescriptor.baseOf(Timeframe.W1)]).isEqualTo(Timeframe.D1);
        assertThat(RollupDescriptor.BASES[RollupDescriptor.baseOf(Timeframe.MN1)]).isEqualTo(Timeframe.D1);
        for (final Timeframe timeframe : Timeframe.values())
        {
            final Timeframe base = RollupDescriptor.BASES[RollupDescriptor.baseOf(timeframe)];
            for (long timeMs = T0; timeMs < T0 + 400 * 86_400_000L; timeMs += 7_919_000L)
            {
                final long baseStartMs = base.alignDownMs(timeMs);
                assertThat(timeframe.bucketIndex(baseStartMs)).isEqualTo(timeframe.bucketIndex(timeMs));
            }
        }
    }

    @Test
    void shouldCarryIntoTheHighWordWhenSummingTotals()
    {
        final long[] values = new long[RollupValues.LENGTH];
        values[RollupValues.BUY_NOTIONAL + 1] = -1L;
        RollupValues.addLiquidation(values, 0, 0, 1L, 1L);
        assertThat(values[RollupValues.BUY_NOTIONAL]).isEqualTo(1);
        assertThat(values[RollupValues.BUY_NOTIONAL + 1]).isZero();
        assertThat(values[RollupValues.BUY_COUNT]).isEqualTo(1);

        final long[] total = new long[RollupValues.LENGTH];
        RollupValues.addTotals(total, 0, values, 0);
        RollupValues.addTotals(total, 0, values, 0);
        assertThat(total[RollupValues.BUY_NOTIONAL]).isEqualTo(2);
        assertThat(total[RollupValues.BUY_QUANTITY + 1]).isEqualTo(2);
        assertThat(total[RollupValues.BUY_COUNT]).isEqualTo(2);
    }

    /** Appends a Binance liquidation after the record that defines its symbol, if the segment has none yet. */
    private int append(
        final JournalSegment segment,
        final String symbol,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long timeMs)
    {
        return append(segment, symbol, 0, side, quantityE8, priceE8, timeMs);
    }

    /** Appends a liquidation on a venue after the record that defines its symbol if needed; its slot. */
    private int append(
        final JournalSegment segment,
        final String symbol,
        final int venue,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long timeMs)
    {
        final ByteBuffer view = segment.checksumView();
        final byte[] name = symbol.getBytes(StandardCharsets.US_ASCII);
        int symbolId = segment.symbolId(name);
        if (symbolId < 0)
        {
            symbolId = segment.writeSymbol(written++, crc, view, name);
        }
        segment.writeLiquidation(written, crc, view, symbolId, venue, side, quantityE8, priceE8, timeMs, timeMs,
            timeMs);
        return written++;
    }

    private static BucketSnapshot sum(final Rollup rollup, final Timeframe timeframe, final long timeMs)
    {
        return sum(rollup, 0, timeframe, timeMs);
    }

    /** The BTCUSDT bucket holding {@code timeMs} on the venue of ordinal {@code venue}. */
    private static BucketSnapshot sum(
        final Rollup rollup, final int venue, final Timeframe timeframe, final long timeMs)
    {
        final long index = timeframe.bucketIndex(timeMs);
        final HistoryRange range = range(rollup, "BTCUSDT", venue, timeframe, index, index);
        return HistorySnapshots.of(range, "BTCUSDT", timeframe, index);
    }

    private static HistoryRange range(
        final Rollup rollup, final String symbol, final Timeframe timeframe, final long first, final long last)
    {
        return range(rollup, symbol, 0, timeframe, first, last);
    }

    private static HistoryRange range(final Rollup rollup, final String symbol, final int venue,
        final Timeframe timeframe, final long first, final long last)
    {
        final HistoryRange range = new HistoryRange(timeframe, first, last);
        final int base = RollupDescriptor.baseOf(timeframe);
        final Timeframe baseTimeframe = RollupDescriptor.BASES[base];
        rollup.sum(symbol, venue, base, baseTimeframe.bucketIndex(range.startMs()),
            baseTimeframe.bucketIndex(range.endMs() - 1), range);
        return range;
    }
}
