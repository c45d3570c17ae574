package io.liqvol.engine.journal;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class JournalRecoveryTest
{
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldRebuildBucketsRecentLiquidationsGapsAndSymbolsAfterRestart()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, 10_000_000L, 5_000_000_000_000L, T0, T0);
            engine.ingestLiquidation("ETHUSDT", Side.SELL, 200_000_000L, 300_000_000_000L, T0 + 1_000, T0 + 1_000);
            engine.recordGap(T0 + 2_000, T0 + 9_000);
            engine.recordGap(Venue.OKX, T0 + 3_000, T0 + 4_000);
            engine.ingestLiquidation("BTCUSDT", Side.SELL, 5_000_000L, 5_010_000_000_000L, T0 + 10_000, T0 + 10_000);
        }

        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(3);
            assertThat(engine.recovery().gaps()).isEqualTo(2);
            assertThat(engine.recovery().corruptRecords()).isZero();
            assertThat(engine.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
            assertThat(engine.gaps()).containsExactly(new Gap(T0 + 2_000, T0 + 9_000),
                new Gap(Venue.OKX, T0 + 3_000, T0 + 4_000));
            assertThat(engine.gaps().get(0).venue()).isEqualTo(Venue.BINANCE);
            final BucketSnapshot btc = engine.volume("BTCUSDT", Timeframe.H1, T0, T0 + 1).get(0);
            assertThat(btc.buyNotional()).isEqualByComparingTo("5000");
            assertThat(btc.sellNotional()).isEqualByComparingTo("2505");
            assertThat(btc.count()).isEqualTo(2);
            assertThat(engine.recentLiquidations("BTCUSDT", 10))
                .extracting(LiquidationSnapshot::tradeTimeMs)
                .containsExactly(T0 + 10_000, T0);
        }
    }

    /**
     * The fixture is a segment written by the engine before venues (record version 1), with this test's segment size:
     * BTCUSDT SELL 1.5 @ 43000.1 at T0, ETHUSDT BUY 20 @ 2000.5 at T0 + 1 s, BTCUSDT BUY 0.01 @ 43005 at T0 + 2 s,
     * a gap [T0 + 3 s, T0 + 4 s].
     */
    @Test
    void shouldRecoverAJournalWrittenBeforeVenuesAsBinanceAndAppendVenuesAfterIt() throws Exception
    {
        try (var fixture = getClass().getResourceAsStream("pre-venue/journal-000000000001.lqj"))
        {
            Files.copy(fixture, dir.resolve("journal-000000000001.lqj"), StandardCopyOption.REPLACE_EXISTING);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(3);
            assertThat(engine.recovery().corruptRecords()).isZero();
            assertThat(engine.gaps()).as("a gap written before venues is Binance's")
                .contains(new Gap(Venue.BINANCE, T0 + 3_000, T0 + 4_000));
            assertThat(engine.recentLiquidations("BTCUSDT", 10))
                .extracting(LiquidationSnapshot::venue, LiquidationSnapshot::side, LiquidationSnapshot::tradeTimeMs)
                .containsExactly(
                    tuple(Venue.BINANCE, Side.BUY, T0 + 2_000),
                    tuple(Venue.BINANCE, Side.SELL, T0));
            engine.ingestLiquidation(Venue.BYBIT, "BTCUSDT", Side.SELL, 150_000_000L, 4_300_010_000_000L, T0, 0);
            engine.ingestLiquidation(Venue.BINANCE, "BTCUSDT", Side.SELL, 150_000_000L, 4_300_010_000_000L, T0, 0);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).as("the Bybit copy is another liquidation").isEqualTo(4);
            assertThat(engine.recovery().corruptRecords()).isZero();
            assertThat(engine.recentLiquidations("BTCUSDT", 10)).extracting(LiquidationSnapshot::venue)
                .containsExactly(Venue.BYBIT, Venue.BINANCE, Venue.BINANCE);
            final List<String> orders = new ArrayList<>();
            engine.orders(new OrderFilter("BTCUSDT", 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0), false, null, 10,
                Long.MAX_VALUE, (venue, symbol, side, tradeTimeMs, quantityE8, priceE8) ->
                    orders.add(Venue.fromOrdinal(venue).code() + " " + Side.fromOrdinal(side) + " " + tradeTimeMs));
            assertThat(orders).containsExactly("binance SELL " + T0, "binance BUY " + (T0 + 2_000), "bybit SELL " + T0);
        }
    }

    @Test
    void shouldDropADuplicateArrivingAfterRestart()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, 10_000_000L, 5_000_000_000_000L, T0, T0);
        }
        final LiqvolEngine restarted = LiqvolEngine.launch(context());
        try
        {
            restarted.ingestLiquidation("BTCUSDT", Side.BUY, 10_000_000L, 5_000_000_000_000L, T0, T0);
            restarted.ingestLiquidation("BTCUSDT", Side.BUY, 10_000_000L, 5_000_000_000_000L, T0 + 1, T0 + 1);
        }
        finally
        {
            restarted.close();
        }
        assertThat(restarted.counters().duplicates()).isEqualTo(1);
        assertThat(restarted.counters().accepted()).isEqualTo(1);
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(2);
        }
    }

    @Test
    void shouldTruncateATornTailAndContinueWritingAfterTheLastValidRecord() throws Exception
    {
        ingest(5);
        // A torn write: the last record's bytes half written (record 0 defines the symbol).
        flip(segmentFile(1), JournalDescriptor.recordOffset(5) + JournalDescriptor.QUANTITY_OFFSET);

        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(4);
            assertThat(engine.recovery().truncatedRecords()).isEqualTo(1);
            assertThat(engine.recovery().corruptRecords()).isZero();
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(4));
            engine.ingestLiquidation("BTCUSDT", Side.BUY, quantityE8(4), priceE8(4), T0 + 4_000, T0 + 4_000);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(5);
            assertThat(engine.recovery().truncatedRecords()).isZero();
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(5));
        }
    }

    @Test
    void shouldReportAndSkipACorruptRecordInTheMiddleWithoutLosingTheRecordsAfterIt() throws Exception
    {
        ingest(10);
        // Liquidation 3, after the record that defines the symbol.
        flip(segmentFile(1), JournalDescriptor.recordOffset(4) + JournalDescriptor.PRICE_OFFSET + 2);

        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            final RecoveryReport report = engine.recovery();
            assertThat(report.liquidations()).isEqualTo(9);
            assertThat(report.corruptRecords()).isEqualTo(1);
            assertThat(report.corruptions()).containsExactly("journal-000000000001.lqj#4");
            assertThat(report.truncatedRecords()).isZero();
            assertThat(totalNotional(engine))
                .isEqualByComparingTo(referenceNotional(10).subtract(notional(3)));
            engine.ingestLiquidation("BTCUSDT", Side.BUY, quantityE8(10), priceE8(10), T0 + 10_000, T0 + 10_000);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(10);
            assertThat(engine.recovery().corruptRecords()).isEqualTo(1);
        }
    }

    @Test
    void shouldHaveNoJournalWithoutADataDirectory()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext()))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, quantityE8(0), priceE8(0), T0, T0);
            assertThat(engine.journalStatus()).isNull();
            assertThat(engine.recovery()).isEqualTo(RecoveryReport.NONE);
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatAnotherEngineHolds()
    {
        final LiqvolEngine holder = LiqvolEngine.launch(context());
        try
        {
            final Throwable thrown = catchThrowable(() -> LiqvolEngine.launch(context()));
            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }
        finally
        {
            holder.close();
        }
    }

    @Test
    void shouldReplayEverySegmentAfterTheJournalRolled()
    {
        // Each segment of 1,024 records begins with the record that defines the one symbol.
        final int count = 3 * 1023 + 17;
        ingest(count);
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.journalStatus()).usingRecursiveComparison().ignoringFields("freeBytes")
                .isEqualTo(new JournalStatus(dir, 4, 1 + 17, EngineContext.DEFAULT_FSYNC_INTERVAL_MS, 0,
                    engine.recovery(), null, 0, 0, 0, 0, 0));
            assertThat(engine.journalStatus().freeBytes()).isPositive();
            assertThat(engine.recovery().segments()).isEqualTo(4);
            assertThat(engine.recovery().liquidations()).isEqualTo(count);
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(count));
        }
    }

    @Test
    void shouldDiscardANewestSegmentWhoseCreationNeverCompleted() throws Exception
    {
        ingest(3);
        Files.createFile(segmentFile(2));

        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(3);
            engine.ingestLiquidation("BTCUSDT", Side.BUY, quantityE8(3), priceE8(3), T0 + 3_000, T0 + 3_000);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(4);
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(4));
        }
    }

    @Test
    void shouldDiscardAPreparedSpareThatWasNeverWrittenAndRollIntoANewOne() throws Exception
    {
        ingest(1_000);
        // Killed with the next segment prepared (allocated, mapped, header without magic) but not yet taken.
        SegmentAllocation.allocate(dir, 2, context().segmentBytes()).force();

        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().segments()).isEqualTo(1);
            assertThat(engine.recovery().liquidations()).isEqualTo(1_000);
            for (int i = 1_000; i < 1_100; i++)
            {
                final long timeMs = T0 + i * 1_000L;
                engine.ingestLiquidation("BTCUSDT", Side.BUY, quantityE8(i), priceE8(i), timeMs, timeMs);
            }
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().segments()).isEqualTo(2);
            assertThat(engine.recovery().liquidations()).isEqualTo(1_100);
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(1_100));
        }
    }

    @Test
    void shouldReleaseTheDataDirectoryWhenTheJournalCannotBeOpened() throws Exception
    {
        ingest(3 * 1024);
        Files.write(segmentFile(2), new byte[] {1, 2, 3, 4}, StandardOpenOption.WRITE);

        for (int attempt = 0; attempt < 2; attempt++)
        {
            assertThat(catchThrowable(() -> LiqvolEngine.launch(context())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot open the journal")
                .hasRootCauseMessage("not a liqvol journal segment of format 1 or 2: " + segmentFile(2));
        }
    }

    @Test
    void shouldRecoverWhatWasForcedBatchByBatch()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().fsyncIntervalMs(0)))
        {
            for (int i = 0; i < 2_000; i++)
            {
                engine.ingestLiquidation(
                    "BTCUSDT", Side.BUY, quantityE8(i), priceE8(i), T0 + i * 1_000L, T0 + i * 1_000L);
            }
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(2_000);
            assertThat(totalNotional(engine)).isEqualByComparingTo(referenceNotional(2_000));
        }
    }

    /** Runs that are not live: a restart adds no downtime gap to what recovery rebuilt. */
    private EngineContext context()
    {
        return new EngineContext().dataDir(dir).segmentBytes(JournalDescriptor.recordOffset(1024))
            .liveRecording(false);
    }

    private void ingest(final int count)
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            for (int i = 0; i < count; i++)
            {
                engine.ingestLiquidation(
                    "BTCUSDT", Side.BUY, quantityE8(i), priceE8(i), T0 + i * 1_000L, T0 + i * 1_000L);
            }
        }
    }

    private static long quantityE8(final int i)
    {
        return 1_000_000L + i;
    }

    private static long priceE8(final int i)
    {
        return 3_000_000_000_000L + i * 17L;
    }

    private static BigDecimal notional(final int i)
    {
        return BigDecimal.valueOf(quantityE8(i), 8).multiply(BigDecimal.valueOf(priceE8(i), 8));
    }

    private static BigDecimal referenceNotional(final int count)
    {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < count; i++)
        {
            total = total.add(notional(i));
        }
        return total;
    }

    private static BigDecimal totalNotional(final LiqvolEngine engine)
    {
        final List<BigDecimal> totals = new ArrayList<>();
        engine.volume("BTCUSDT", Timeframe.MN1, T0, T0 + 1).forEach(b -> totals.add(b.totalNotional()));
        return totals.get(0);
    }

    private Path segmentFile(final long number)
    {
        return dir.resolve(JournalDescriptor.segmentFileName(number));
    }

    private static void flip(final Path file, final long offset) throws Exception
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }
}
