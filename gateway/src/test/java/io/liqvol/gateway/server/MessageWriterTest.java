package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.testing.TestJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MessageWriterTest
{
    private static final long TIME_MS = 1_700_000_000_000L;
    private final MessageWriter writer = MessageWriter.plain();
    private final SymbolFormat btc = new SymbolFormat("BTCUSDT", "BTC", "USDT", 3, 2, "TRADING");

    @Test
    void shouldEncodeOrdersNewestFirstInTheContractShape()
    {
        final OrderRows rows = new OrderRows();
        rows.add(Venue.OKX, Side.SELL, 1_400_000L, 991_000_000_000L, TIME_MS - 1000);
        rows.add(Venue.BINANCE, Side.BUY, 10_000_000L, 5_000_000_000_000L, TIME_MS);

        final Map<String, Object> message = TestJson.object(text(writer.liquidationOrders(
            UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", false, 1_704_110_400_000L, rows, btc)));

        assertThat(message).containsEntry("type", "liquidation_order").containsEntry("symbol", "BTCUSDT")
            .containsEntry("initial", false).containsEntry("timestamp", "2024-01-01T12:00:00.000Z");
        final List<?> data = (List<?>)message.get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0)).isEqualTo(Map.ofEntries(
            Map.entry("symbol", "BTCUSDT"), Map.entry("side", "BUY"), Map.entry("quantity", "0.100"),
            Map.entry("quantityFormatted", "0.100"), Map.entry("avgPrice", "50000.00"),
            Map.entry("priceUsdt", "5000.00"), Map.entry("priceUsdtFormatted", "5,000"),
            Map.entry("timestamp", TIME_MS), Map.entry("displayTime", "22:13:20"), Map.entry("baseAsset", "BTC"),
            Map.entry("exchange", "binance")));
        assertThat(asObject(data.get(1))).containsEntry("exchange", "okx").containsEntry("side", "SELL")
            .containsEntry("quantity", "0.014")
            .containsEntry("avgPrice", "9910.00").containsEntry("priceUsdt", "138.74")
            .containsEntry("displayTime", "22:13:19");
    }

    @Test
    void shouldEncodeTheNotionalOfTheLargestOrderExactly()
    {
        final OrderRows rows = new OrderRows();
        rows.add(Venue.BINANCE, Side.BUY, Long.MAX_VALUE, Long.MAX_VALUE, TIME_MS);

        final Map<String, Object> message = TestJson.object(text(writer.liquidationOrders(
            UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", false, TIME_MS, rows, btc)));

        assertThat(asObject(((List<?>)message.get("data")).get(0)))
            .containsEntry("quantity", "92233720368.54775807").containsEntry("avgPrice", "92233720368.54775807")
            .containsEntry("priceUsdt", "8507059173023461584739.6907784232501249")
            .containsEntry("priceUsdtFormatted", "8,507,059,173,023,461,584,740");
    }

    @Test
    void shouldEncodeBucketsWithExactAndCompactVolumes()
    {
        final BucketSnapshot bucket = new BucketSnapshot("BTCUSDT", Timeframe.M1, TIME_MS, new BigDecimal("10000.0000"),
            new BigDecimal("5000"), new BigDecimal("0.2"), new BigDecimal("0.1"), 6, 4);

        final Map<String, Object> message = TestJson.object(text(writer.liquidationVolume(
            UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", Timeframe.M1, true, TIME_MS, List.of(bucket), Coverage.NONE,
            null, null)));

        assertThat(message).containsEntry("type", "liquidation_volume").containsEntry("timeframe", "1m")
            .containsEntry("is_update", true).doesNotContainKey("range");
        assertThat(((List<?>)message.get("data")).get(0)).isEqualTo(Map.ofEntries(
            Map.entry("time", TIME_MS / 1000), Map.entry("timestamp_ms", TIME_MS), Map.entry("buy_volume", "10000.00"),
            Map.entry("sell_volume", "5000.00"), Map.entry("total_volume", "15000.00"),
            Map.entry("delta_volume", "5000.00"),
            Map.entry("buy_volume_formatted", "10.00K"), Map.entry("sell_volume_formatted", "5.00K"),
            Map.entry("total_volume_formatted", "15.00K"), Map.entry("delta_volume_formatted", "5.00K"),
            Map.entry("buy_count", 6L), Map.entry("sell_count", 4L), Map.entry("count", 10L),
            Map.entry("recorded_ms", 0L), Map.entry("coverage", 0L)));
    }

    @Test
    void shouldGiveEveryBucketTheTimeRecordedAndItsFractionRoundedHalfToEven()
    {
        final long minuteMs = 1_699_999_980_000L;
        // Recording began 15 s into the first minute; 10 s of it and 12.5 s of the next were a gap; the third is
        // open, 30 s old, and recorded whole; the fourth has not begun.
        final Coverage coverage = Coverage.of(minuteMs + 15_000, List.of(new Gap(minuteMs + 30_000,
            minuteMs + 40_000), new Gap(minuteMs + 60_000, minuteMs + 72_500, GapKind.DOWNTIME)));
        final List<BucketSnapshot> buckets = new ArrayList<>();
        for (int m = 0; m < 4; m++)
        {
            buckets.add(new BucketSnapshot("BTCUSDT", Timeframe.M1, minuteMs + m * 60_000L, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0));
        }

        final Map<String, Object> message = TestJson.object(text(writer.liquidationVolume(
            UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", Timeframe.M1, false, minuteMs + 150_000, buckets, coverage,
            null, null)));

        assertThat((List<?>)message.get("data")).extracting(bucket -> asObject(bucket).get("recorded_ms"))
            .containsExactly(35_000L, 47_500L, 30_000L, 0L);
        assertThat((List<?>)message.get("data")).extracting(bucket -> asObject(bucket).get("coverage"))
            .containsExactly(new BigDecimal("0.5833"), new BigDecimal("0.7917"), 1L, 0L);
    }

    @Test
    void shouldWriteCoverageAsTheShortestNumberOfAtMostFourDecimals()
    {
        final long hourMs = 1_699_999_200_000L;
        // 180 ms of an hour are 0.00005 (half: to the even 0), 540 ms 0.00015 (half: to the even 0.0002).
        final long[] gapMs = {0, 1_800_000, 900_000, 3_599_640, 3_240_000, 360_000, 1, 3_599_820, 3_599_460};
        final Object[] expected = {1L, new BigDecimal("0.5"), new BigDecimal("0.75"), new BigDecimal("0.0001"),
            new BigDecimal("0.1"), new BigDecimal("0.9"), 1L, 0L, new BigDecimal("0.0002")};
        for (int i = 0; i < gapMs.length; i++)
        {
            final Coverage coverage = Coverage.of(hourMs, List.of(new Gap(hourMs, hourMs + gapMs[i])));
            final BucketSnapshot bucket = new BucketSnapshot("BTCUSDT", Timeframe.H1, hourMs, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
            final Map<String, Object> message = TestJson.object(text(writer.liquidationVolume(
                UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", Timeframe.H1, false, hourMs + 7_200_000,
                List.of(bucket), coverage, null, null)));
            assertThat(asObject(((List<?>)message.get("data")).get(0)).get("coverage")).as("gap of %d ms", gapMs[i])
                .isEqualTo(expected[i]);
        }
    }

    @Test
    void shouldEncodeAnEngineUpdateFromItsWordsAsFromItsSnapshot() throws Exception
    {
        final MessageWriter publisherWriter = MessageWriter.plain();
        final Coverage coverage = Coverage.of(TIME_MS - 7_200_000, List.of(new Gap(TIME_MS - 1_000_000,
            TIME_MS - 999_000)));
        final List<String> mismatches = new CopyOnWriteArrayList<>();
        final AtomicInteger compared = new AtomicInteger();
        final EngineListener listener = new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
                final String fromWords = text(publisherWriter.liquidationVolume(
                    UnpooledByteBufAllocator.DEFAULT, bucket, coverage, TIME_MS));
                final String fromSnapshot = text(publisherWriter.liquidationVolume(UnpooledByteBufAllocator.DEFAULT,
                    bucket.symbol(), bucket.timeframe(), true, TIME_MS, List.of(bucket.toSnapshot()), coverage, null,
                    null));
                if (!fromWords.equals(fromSnapshot))
                {
                    mismatches.add(fromWords + " vs " + fromSnapshot);
                }
                compared.incrementAndGet();
            }
        };
        final Random random = new Random(11);
        final long nowMs = System.currentTimeMillis();
        final int liquidations = 2_000;
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().listener(listener)))
        {
            for (int i = 0; i < liquidations; i++)
            {
                // From a hundred-millionth of a unit to hundreds of billions of USDT, both sides, so deltas flip sign.
                final long quantityE8 = 1 + (long)Math.pow(10, random.nextInt(15)) * (1 + random.nextInt(999));
                final long priceE8 = 1 + (long)Math.pow(10, random.nextInt(14)) * (1 + random.nextInt(999));
                engine.ingestLiquidation("BTCUSDT", random.nextBoolean() ? Side.BUY : Side.SELL, quantityE8, priceE8,
                    nowMs - random.nextInt(3_600_000), 0);
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.counters().published() < liquidations && System.nanoTime() < deadline)
            {
                Thread.sleep(2);
            }
        }

        assertThat(mismatches).isEmpty();
        assertThat(compared.get()).isGreaterThan(Timeframe.count());
    }

    @Test
    void shouldEchoTheRangeOfARangeAnswer()
    {
        final Map<String, Object> message = TestJson.object(text(writer.liquidationVolume(
            UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", Timeframe.H1, false, TIME_MS, List.of(), Coverage.NONE,
            new VolumeRange(1, 2), null)));

        assertThat(message).containsEntry("is_update", false).containsEntry("range", Map.of("start", 1L, "end", 2L))
            .containsEntry("data", List.of());
    }

    @Test
    void shouldEncodeTheSmallMessages()
    {
        assertThat(TestJson.object(text(writer.heartbeat(UnpooledByteBufAllocator.DEFAULT, "ETHUSDT", 0))))
            .isEqualTo(Map.of("type", "heartbeat", "symbol", "ETHUSDT", "timestamp", "1970-01-01T00:00:00.000Z"));
        assertThat(TestJson.object(text(writer.pong(UnpooledByteBufAllocator.DEFAULT))))
            .isEqualTo(Map.of("type", "pong"));
        assertThat(TestJson.object(text(writer.error(UnpooledByteBufAllocator.DEFAULT, "unknown_symbol", "no \"X\""))))
            .isEqualTo(Map.of("type", "error", "code", "unknown_symbol", "message", "no \"X\""));
        assertThat(TestJson.object(text(writer.restError(UnpooledByteBufAllocator.DEFAULT, "invalid_range", "bad"))))
            .isEqualTo(Map.of("error", Map.of("code", "invalid_range", "message", "bad")));
        assertThat(TestJson.object(text(writer.gap(UnpooledByteBufAllocator.DEFAULT, "BTCUSDT",
            new Gap(5, 9, GapKind.DOWNTIME)))))
            .containsAllEntriesOf(Map.of("type", "gap", "symbol", "BTCUSDT", "from", 5L, "to", 9L, "kind", "downtime"))
            .as("the engine's own gap is every venue's").containsEntry("exchange", null).hasSize(6);
        assertThat(TestJson.object(text(writer.gap(UnpooledByteBufAllocator.DEFAULT, null,
            new Gap(Venue.BYBIT, 5, 9))))).containsAllEntriesOf(Map.of("type", "gap", "from", 5L, "to", 9L,
            "kind", "upstream", "exchange", "bybit")).containsEntry("symbol", null).hasSize(6);
        assertThat(TestJson.object(text(writer.kline(UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", "1m",
            new Candle(TIME_MS, "1", "2", "0.5", "1.5", "10", true))))).isEqualTo(Map.of("type", "kline",
            "symbol", "BTCUSDT", "timeframe", "1m", "data", Map.of("time", TIME_MS / 1000, "open", "1", "high", "2",
                "low", "0.5", "close", "1.5", "volume", "10", "closed", true)));
    }

    @Test
    void shouldFrameMessagesAsUnmaskedTextFramesOfEachLengthClass()
    {
        final MessageWriter framing = MessageWriter.framing();
        for (final int rowCount : new int[] {0, 1, 300})
        {
            final OrderRows rows = new OrderRows();
            for (int i = 0; i < rowCount; i++)
            {
                rows.add(Venue.BINANCE, Side.BUY, 10_000_000L + i, 5_000_000_000_000L, TIME_MS);
            }
            final ByteBuf plain =
                writer.liquidationOrders(UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", true, TIME_MS, rows, btc);
            final ByteBuf frame =
                framing.liquidationOrders(UnpooledByteBufAllocator.DEFAULT, "BTCUSDT", true, TIME_MS, rows, btc);
            try
            {
                assertThat(frame.readUnsignedByte()).isEqualTo((short)0x81);
                final int lengthByte = frame.readUnsignedByte();
                final long length = lengthByte == 126 ? frame.readUnsignedShort()
                    : lengthByte == 127 ? frame.readLong() : lengthByte;
                assertThat(length).isEqualTo(plain.readableBytes()).isEqualTo(frame.readableBytes());
                assertThat(frame).isEqualTo(plain);
            }
            finally
            {
                plain.release();
                frame.release();
            }
        }
    }

    @Test
    void shouldWriteConsecutiveMessagesIndependently()
    {
        for (int i = 0; i < 3; i++)
        {
            assertThat(text(writer.pong(UnpooledByteBufAllocator.DEFAULT))).isEqualTo("{\"type\":\"pong\"}");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(final Object value)
    {
        return (Map<String, Object>)value;
    }

    private static String text(final ByteBuf buffer)
    {
        try
        {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        finally
        {
            buffer.release();
        }
    }
}
