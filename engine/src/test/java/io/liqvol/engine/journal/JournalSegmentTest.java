package io.liqvol.engine.journal;

import io.liqvol.engine.GapKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalSegmentTest
{
    private static final byte[] BTC = "BTCUSDT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ETH = "ETHUSDT".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final CRC32C crc = new CRC32C();

    @Test
    void shouldWriteAndReadBackLiquidationsAndGapsAfterReopening() throws IOException
    {
        final JournalSegment written = JournalSegment.create(dir, 7, JournalDescriptor.recordOffset(1024), 1L);
        final ByteBuffer view = written.checksumView();
        final int btc = written.writeSymbol(0, crc, view, BTC);
        written.writeLiquidation(1, crc, view, btc, 0, 1, 1_400_000L, 991_000_000_000L, 1_000L, 1_001L, 1_002L);
        written.writeGap(2, crc, view, 5_000L, 6_000L, GapKind.JOURNAL, 0, 6_001L);
        written.force();

        final JournalSegment segment = JournalSegment.open(dir.resolve(JournalDescriptor.segmentFileName(7)), 7);
        final ByteBuffer reading = segment.checksumView();
        assertThat(segment.capacity()).isEqualTo(1024);
        assertThat(segment.isWritable()).isTrue();
        assertThat(segment.isValid(0, crc, reading)).isTrue();
        assertThat(segment.type(0)).isEqualTo(JournalDescriptor.TYPE_SYMBOL);
        assertThat(segment.symbolId(BTC)).isEqualTo(btc);
        assertThat(segment.isValid(1, crc, reading)).isTrue();
        assertThat(segment.type(1)).isEqualTo(JournalDescriptor.TYPE_LIQUIDATION);
        final byte[] symbol = new byte[JournalDescriptor.SYMBOL_CAPACITY];
        assertThat(new String(symbol, 0, segment.symbol(1, symbol), StandardCharsets.US_ASCII)).isEqualTo("BTCUSDT");
        assertThat(segment.isSymbol(1, BTC)).isTrue();
        assertThat(segment.isSymbol(1, "BTCUSD".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(segment.side(1)).isEqualTo(1);
        assertThat(segment.quantityE8(1)).isEqualTo(1_400_000L);
        assertThat(segment.priceE8(1)).isEqualTo(991_000_000_000L);
        assertThat(segment.tradeTimeMs(1)).isEqualTo(1_000L);
        assertThat(segment.eventTimeMs(1)).isEqualTo(1_001L);
        assertThat(segment.isValid(2, crc, reading)).isTrue();
        assertThat(segment.type(2)).isEqualTo(JournalDescriptor.TYPE_GAP);
        assertThat(segment.tradeTimeMs(2)).isEqualTo(5_000L);
        assertThat(segment.eventTimeMs(2)).isEqualTo(6_000L);
        assertThat(segment.gapKind(2)).isEqualTo(GapKind.JOURNAL);
        assertThat(segment.receiveTimeMs(2)).isEqualTo(6_001L);
        assertThat(segment.isEmpty(3)).isTrue();
        assertThat(segment.isValid(3, crc, reading)).isFalse();
    }

    @Test
    void shouldKeepWhenItWasStartedAndLastMarkedAliveInItsHeader() throws IOException
    {
        final JournalSegment written = JournalSegment.create(dir, 3, JournalDescriptor.recordOffset(1024), 1_000L);
        assertThat(written.aliveTimeMs()).isZero();
        written.markAlive(2_000L);
        written.markAlive(3_000L);
        written.force();

        final JournalSegment segment = JournalSegment.open(written.path(), 3);
        assertThat(segment.createdTimeMs()).isEqualTo(1_000L);
        assertThat(segment.aliveTimeMs()).isEqualTo(3_000L);
    }

    @Test
    void shouldNumberSymbolsPerSegmentAndReadThemBackAfterReopening() throws IOException
    {
        final JournalSegment written = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(1024), 1L);
        final ByteBuffer view = written.checksumView();
        final int btc = written.writeSymbol(0, crc, view, BTC);
        final int eth = written.writeSymbol(1, crc, view, ETH);
        written.writeLiquidation(2, crc, view, eth, 0, 0, 1L, 2L, 3L, 4L, 5L);
        written.writeLiquidation(3, crc, view, btc, 0, 0, 1L, 2L, 3L, 4L, 5L);
        written.force();

        final JournalSegment segment = JournalSegment.open(written.path(), 1);
        assertThat(List.of(btc, eth)).containsExactly(0, 1);
        assertThat(segment.symbolId(ETH)).isEqualTo(eth);
        assertThat(segment.symbolId("SOLUSDT".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(segment.isSymbol(2, ETH)).isTrue();
        assertThat(segment.isSymbol(3, BTC)).isTrue();
        final byte[] sol = "SOLUSDT".getBytes(StandardCharsets.US_ASCII);
        assertThat(segment.writeSymbol(4, crc, segment.checksumView(), sol))
            .as("a continued segment numbers on after what it holds").isEqualTo(2);
    }

    @Test
    void shouldFailOnlyTheLiquidationsOfASymbolWhoseRecordIsCorrupt() throws IOException
    {
        final JournalSegment written = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(1024), 1L);
        final ByteBuffer view = written.checksumView();
        final int btc = written.writeSymbol(0, crc, view, BTC);
        final int eth = written.writeSymbol(1, crc, view, ETH);
        written.writeLiquidation(2, crc, view, btc, 0, 0, 1L, 2L, 3L, 4L, 5L);
        written.writeLiquidation(3, crc, view, eth, 0, 1, 1L, 2L, 3L, 4L, 5L);
        final int at = (int)JournalDescriptor.recordOffset(0) + JournalDescriptor.NAME_OFFSET;
        written.buffer().putByte(at, (byte)'X');
        written.force();

        final JournalSegment segment = JournalSegment.open(written.path(), 1);
        final ByteBuffer reading = segment.checksumView();
        assertThat(segment.isValid(0, crc, reading)).isFalse();
        assertThat(segment.isValid(2, crc, reading)).as("its symbol is unknown").isFalse();
        assertThat(segment.isValid(3, crc, reading)).isTrue();
        assertThat(segment.isSymbol(3, ETH)).isTrue();
    }

    @Test
    void shouldReadASegmentOfTheFirstFormatAsHistory() throws IOException
    {
        final Path file = FirstFormatSegment.write(dir, 3, List.of(
            FirstFormatSegment.liquidation("BTCUSDT", 1, 150_000_000L, 9_000_000_000_000L, 1_000L),
            FirstFormatSegment.gap(2_000L, 3_000L),
            FirstFormatSegment.liquidation("ETHUSDT", 0, 2_000_000_000L, 300_000_000_000L, 4_000L)));

        final JournalSegment segment = JournalSegment.open(file, 3);
        final ByteBuffer view = segment.checksumView();
        assertThat(segment.isWritable()).isFalse();
        assertThat(segment.capacity()).isEqualTo(FirstFormatSegment.CAPACITY);
        assertThat(segment.isValid(0, crc, view)).isTrue();
        assertThat(segment.isSymbol(0, BTC)).isTrue();
        assertThat(segment.side(0)).isEqualTo(1);
        assertThat(segment.quantityE8(0)).isEqualTo(150_000_000L);
        assertThat(segment.priceE8(0)).isEqualTo(9_000_000_000_000L);
        assertThat(segment.type(1)).isEqualTo(JournalDescriptor.TYPE_GAP);
        assertThat(segment.eventTimeMs(1)).isEqualTo(3_000L);
        final byte[] symbol = new byte[JournalDescriptor.SYMBOL_CAPACITY];
        assertThat(new String(symbol, 0, segment.symbol(2, symbol), StandardCharsets.US_ASCII)).isEqualTo("ETHUSDT");
        assertThat(segment.isValid(2, crc, view)).isTrue();
        assertThat(segment.isEmpty(3)).isTrue();
    }

    @Test
    void shouldFailTheChecksumOfAFlippedBitAndEraseRecords() throws IOException
    {
        final JournalSegment segment = JournalSegment.create(dir, 1, JournalDescriptor.recordOffset(1024), 1L);
        final ByteBuffer view = segment.checksumView();
        final int btc = segment.writeSymbol(0, crc, view, BTC);
        segment.writeLiquidation(1, crc, view, btc, 0, 0, 1L, 2L, 3L, 4L, 5L);
        final int at = (int)JournalDescriptor.recordOffset(1) + JournalDescriptor.EVENT_TIME_OFFSET;
        segment.buffer().putByte(at, (byte)(segment.buffer().getByte(at) ^ 1));

        assertThat(segment.isValid(0, crc, view)).isTrue();
        assertThat(segment.isValid(1, crc, view)).isFalse();
        segment.erase(1, 2);
        assertThat(segment.isEmpty(1)).isTrue();
        assertThat(segment.isValid(0, crc, view)).isTrue();
    }

    @Test
    void shouldRefuseAFileThatIsNotASegmentAndRecogniseAnAbandonedOne() throws IOException
    {
        final Path text = Files.writeString(dir.resolve("journal-000000000003.lqj"), "x".repeat(200));
        assertThatThrownBy(() -> JournalSegment.open(text, 3)).isInstanceOf(IOException.class);
        assertThat(JournalSegment.isAbandoned(Files.createFile(dir.resolve("journal-000000000004.lqj")))).isTrue();
        assertThat(JournalSegment.isAbandoned(Files.write(dir.resolve("journal-000000000005.lqj"), new byte[4096])))
            .isTrue();
        JournalSegment.create(dir, 6, JournalDescriptor.recordOffset(1024), 1L).force();
        assertThat(JournalSegment.isAbandoned(dir.resolve(JournalDescriptor.segmentFileName(6)))).isFalse();
    }

    @Test
    void shouldPrepareAllocatedSegmentsThatReadAsAbandonedUntilActivated() throws IOException
    {
        final long bytes = JournalDescriptor.recordOffset(1024);
        final JournalSegment prepared = SegmentAllocation.allocate(dir, 8, bytes);
        assertThat(Files.size(prepared.path())).isEqualTo(bytes);
        assertThat(JournalSegment.isAbandoned(prepared.path())).isTrue();

        prepared.activate(1L);
        prepared.force();
        assertThat(JournalSegment.isAbandoned(prepared.path())).isFalse();
        assertThat(JournalSegment.open(prepared.path(), 8).capacity()).isEqualTo(1024);
    }

    @Test
    void shouldNeverClobberARecordWhenTouchingPagesTheWriterIsWriting() throws Exception
    {
        final int records = 20_000;
        for (int round = 0; round < 5; round++)
        {
            final JournalSegment segment =
                JournalSegment.create(dir, round + 1, JournalDescriptor.recordOffset(records), 1L);
            final AtomicBoolean writing = new AtomicBoolean(true);
            final Thread toucher = new Thread(() ->
            {
                while (writing.get())
                {
                    for (int page = 0; page + Integer.BYTES <= segment.bytes(); page += JournalPreparer.PAGE_BYTES)
                    {
                        segment.touch(page);
                    }
                }
            });
            toucher.start();
            final ByteBuffer view = segment.checksumView();
            final int btc = segment.writeSymbol(0, crc, view, BTC);
            for (int n = 1; n < records; n++)
            {
                segment.writeLiquidation(n, crc, view, btc, 0, n & 1, 1L + n, 2L + n, 3L + n, 4L + n, 5L + n);
            }
            writing.set(false);
            toucher.join();

            for (int n = 1; n < records; n++)
            {
                assertThat(segment.isValid(n, crc, view)).as("record %d of round %d", n, round).isTrue();
                assertThat(segment.quantityE8(n)).isEqualTo(1L + n);
            }
        }
    }

    @Test
    void shouldNameSegmentsSoThatTheyParseBack()
    {
        assertThat(JournalDescriptor.segmentFileName(42)).isEqualTo("journal-000000000042.lqj");
        assertThat(JournalDescriptor.segmentNumberOf("journal-000000000042.lqj")).isEqualTo(42);
        assertThat(JournalDescriptor.segmentNumberOf("journal-000000000042.lqr")).isEqualTo(-1);
        assertThat(JournalDescriptor.segmentNumberOf("journal-.lqj")).isEqualTo(-1);
        assertThat(JournalDescriptor.segmentNumberOf("journal-00x.lqj")).isEqualTo(-1);
    }

    @Test
    void shouldHoldAsManyWholeRecordsAsFitAfterTheHeader() throws IOException
    {
        final long bytes = JournalDescriptor.recordOffset(1024) + JournalDescriptor.RECORD_LENGTH - 1;
        assertThat(JournalSegment.create(dir, 1, bytes, 1L).capacity()).isEqualTo(1024);
    }
}
