package io.liqvol.engine;

import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FrameDecoderTest
{
    /** The sample payload of Binance's documentation (docs/API.md §1). */
    static final String SAMPLE = "{\"e\":\"forceOrder\",\"E\":1568014460893,"
        + "\"o\":{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.014\",\"p\":\"9910\","
        + "\"ap\":\"9910\",\"X\":\"FILLED\",\"l\":\"0.014\",\"z\":\"0.014\",\"T\":1568014460893}}";
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final EpochClock CLOCK = () -> NOW_MS;

    private final EngineCounters counters = new EngineCounters();
    private final SymbolTable symbols = new SymbolTable(8);
    private final FrameEvent event = new FrameEvent(1024);
    private FrameDecoder decoder;

    @BeforeEach
    void setUp()
    {
        decoder = new FrameDecoder(
            symbols, new DuplicateFilter(8), counters, CLOCK, EngineContext.DEFAULT_MIN_TIME_MS,
            EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS);
    }

    @Test
    void shouldDecodeTheOfficialSamplePayload()
    {
        decode(SAMPLE);

        assertThat(event.count).isEqualTo(1);
        assertThat(symbols.nameOf(event.symbolId[0])).isEqualTo("BTCUSDT");
        assertThat(event.side[0]).isEqualTo(Side.SELL.ordinal());
        assertThat(event.quantityE8[0]).isEqualTo(1_400_000L);
        assertThat(event.priceE8[0]).isEqualTo(991_000_000_000L);
        assertThat(event.tradeTimeMs[0]).isEqualTo(1568014460893L);
        assertThat(event.eventTimeMs[0]).isEqualTo(1568014460893L);
        assertThat(counters.accepted()).isEqualTo(1);
    }

    @Test
    void shouldDecodeTheCombinedStreamWrapper()
    {
        decode("{\"stream\":\"btcusdt@forceOrder\",\"data\":"
            + order("ETHUSDT", "BUY", "1.5", "2000.25", 1_650_000_000_000L) + "}");

        assertThat(event.count).isEqualTo(1);
        assertThat(symbols.nameOf(event.symbolId[0])).isEqualTo("ETHUSDT");
        assertThat(event.side[0]).isEqualTo(Side.BUY.ordinal());
        assertThat(event.quantityE8[0]).isEqualTo(150_000_000L);
        assertThat(event.priceE8[0]).isEqualTo(200_025_000_000L);
    }

    @Test
    void shouldDecodeTheAllMarketFormWrappedAndAsAnArray()
    {
        decode("{\"stream\":\"!forceOrder@arr\",\"data\":" + order("SOLUSDT", "SELL", "3", "150", 1_650_000_000_001L)
            + "}");
        assertThat(event.count).isEqualTo(1);

        decode("[" + order("XRPUSDT", "BUY", "10", "0.5", 1_650_000_000_002L) + ","
            + order("DOGEUSDT", "SELL", "100", "0.1", 1_650_000_000_003L) + "]");
        assertThat(event.count).isEqualTo(2);
        assertThat(symbols.nameOf(event.symbolId[1])).isEqualTo("DOGEUSDT");
        assertThat(counters.accepted()).isEqualTo(3);
    }

    @Test
    void shouldIgnoreSubscriptionAcksAndOtherEventTypes()
    {
        decode("{\"result\":null,\"id\":7}");
        decode("{\"e\":\"kline\",\"E\":1650000000000,\"k\":{\"t\":1}}");
        decode("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{}}}");

        assertThat(event.count).isZero();
        assertThat(counters.ignored()).isEqualTo(3);
        assertThat(counters.rejectedTotal()).isZero();
    }

    @Test
    void shouldFallBackToPriceAndQuantityWhenAverageAndFilledAreZeroOrAbsent()
    {
        decode("{\"e\":\"forceOrder\",\"E\":1650000000000,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"BUY\",\"q\":\"2\","
            + "\"p\":\"100.5\",\"ap\":\"0\",\"z\":\"0\",\"T\":1650000000000}}");
        assertThat(event.quantityE8[0]).isEqualTo(200_000_000L);
        assertThat(event.priceE8[0]).isEqualTo(10_050_000_000L);

        decode("{\"e\":\"forceOrder\",\"E\":1650000000001,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"BUY\",\"q\":\"3\","
            + "\"p\":\"100\"}}");
        assertThat(event.count).isEqualTo(1);
        assertThat(event.tradeTimeMs[0]).isEqualTo(1650000000001L);
    }

    @Test
    void shouldAcceptNumbersSentAsJsonNumbers()
    {
        decode("{\"e\":\"forceOrder\",\"E\":1650000000000,\"o\":{\"s\":\"BTCUSDT\",\"S\":\"BUY\",\"q\":0.5,"
            + "\"p\":20000,\"T\":\"1650000000000\"}}");

        assertThat(event.count).isEqualTo(1);
        assertThat(event.quantityE8[0]).isEqualTo(50_000_000L);
    }

    @Test
    void shouldDropADuplicateOfAnAcceptedLiquidation()
    {
        decode(SAMPLE);
        decode("{\"stream\":\"!forceOrder@arr\",\"data\":" + SAMPLE + "}");

        assertThat(event.count).isZero();
        assertThat(counters.accepted()).isEqualTo(1);
        assertThat(counters.duplicates()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{bad", "", "   ", "{\"e\":\"forceOrder\"", "[1,2", "\"text\"", "42", "{\"e\":\"forceOrder\"}{}",
        "{\"e\":\"forceOrder\",\"o\":[]}", "{\"a\":1,}"})
    void shouldCountMalformedJsonAndKeepDecoding(final String frame)
    {
        decode(frame);
        assertThat(event.count).isZero();
        assertThat(counters.rejected(RejectReason.MALFORMED_JSON)).isEqualTo(1);

        decode(SAMPLE);
        assertThat(event.count).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | MISSING_FIELD",
        "\"s\":\"BTCUSDT\",\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | MISSING_FIELD",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"p\":\"1\",\"T\":1650000000000 | MISSING_FIELD",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"T\":1650000000000 | MISSING_FIELD",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"abc\",\"p\":\"1\",\"T\":1650000000000 | INVALID_NUMBER",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":true,\"T\":1650000000000 | INVALID_NUMBER",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0\",\"p\":\"1\",\"T\":1650000000000 | NON_POSITIVE",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"-5\",\"T\":1650000000000 | NON_POSITIVE",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"0\",\"ap\":\"0\",\"T\":1650000000000 | NON_POSITIVE",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"99999999999999\",\"p\":\"1\",\"T\":1650000000000 | OVERFLOW",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"0.123456789\",\"T\":1650000000000 | TOO_PRECISE",
        "\"s\":\"BTCUSDT\",\"S\":\"LONG\",\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | INVALID_SIDE",
        "\"s\":\"BTCUSDT\",\"S\":1,\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | INVALID_SIDE",
        "\"s\":\"btc usdt\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | INVALID_SYMBOL",
        "\"s\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\","
            + "\"T\":1650000000000 | INVALID_SYMBOL",
        "\"s\":\"\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":1650000000000 | INVALID_SYMBOL",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":12345 | ABSURD_TIMESTAMP",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":4102444800000 | ABSURD_TIMESTAMP",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":-1650000000000 | ABSURD_TIMESTAMP",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":99999999999999999999 | ABSURD_TIMESTAMP",
        "\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"1\",\"p\":\"1\",\"T\":1.5 | INVALID_NUMBER"})
    void shouldRejectInvalidOrdersWithTheirReason(final String orderFields, final RejectReason reason)
    {
        decode("{\"e\":\"forceOrder\",\"o\":{" + orderFields + "}}");

        assertThat(event.count).isZero();
        assertThat(counters.rejected(reason)).as(reason.label()).isEqualTo(1);
        assertThat(counters.rejectedTotal()).isEqualTo(1);
    }

    @Test
    void shouldReadBinanceFramesWithTheScannerAndTheRestWithJackson()
    {
        decode(SAMPLE);
        decode("{\"stream\":\"!forceOrder@arr\",\"data\":"
            + order("ETHUSDT", "BUY", "1", "2", 1_650_000_000_000L) + "}");
        assertThat(decoder.scannedFrames()).isEqualTo(2);

        decode(order("BTC\\u0055SDT", "BUY", "1", "2", 1_650_000_000_001L));
        assertThat(decoder.scannedFrames()).isEqualTo(2);
        assertThat(event.count).isEqualTo(1);
        assertThat(symbols.nameOf(event.symbolId[0])).isEqualTo("BTCUSDT");
        assertThat(counters.accepted()).isEqualTo(3);
    }

    @Test
    void shouldReadEveryFrameWithJacksonAloneWhenAsked()
    {
        final FrameDecoder jacksonOnly = new FrameDecoder(
            symbols, new DuplicateFilter(8), counters, CLOCK, EngineContext.DEFAULT_MIN_TIME_MS,
            EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS, false);
        final byte[] bytes = SAMPLE.getBytes(StandardCharsets.UTF_8);
        event.setFrame(Venue.BINANCE, bytes, 0, bytes.length, 1L);
        jacksonOnly.decode(event);

        assertThat(event.count).isEqualTo(1);
        assertThat(jacksonOnly.scannedFrames()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {" 5", " \"a}", " t", "x"})
    void shouldRejectAFrameWithATrailingTokenWithoutSpoilingTheNext(final String trailing)
    {
        decode(order("BTCUSDT", "BUY", "1", "2", 1_650_000_000_000L) + trailing);
        decode(order("BTC\\u0055SDT", "BUY", "1", "2", 1_650_000_000_001L));

        assertThat(counters.rejected(RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(counters.accepted()).isEqualTo(1);
    }

    @Test
    void shouldRejectAForceOrderEventWithoutItsOrder()
    {
        decode("{\"e\":\"forceOrder\",\"E\":1650000000000}");

        assertThat(counters.rejected(RejectReason.MISSING_FIELD)).isEqualTo(1);
    }

    @Test
    void shouldRejectAnOversizedFrameWithoutParsingIt()
    {
        final byte[] big = new byte[2048];
        event.setFrame(Venue.BINANCE, big, 0, big.length, 1L);
        decoder.decode(event);

        assertThat(counters.rejected(RejectReason.OVERSIZED_FRAME)).isEqualTo(1);
    }

    @Test
    void shouldRejectAFrameWithMoreLiquidationsThanAnEventHolds()
    {
        final StringBuilder frame = new StringBuilder("[");
        for (int i = 0; i <= FrameEvent.MAX_LIQUIDATIONS; i++)
        {
            frame.append(i == 0 ? "" : ",").append(order("BTCUSDT", "BUY", "1", "1", 1_650_000_000_000L + i));
        }
        final FrameEvent large = new FrameEvent(8192);
        final byte[] bytes = frame.append(']').toString().getBytes(StandardCharsets.UTF_8);
        large.setFrame(Venue.BINANCE, bytes, 0, bytes.length, 1L);
        decoder.decode(large);

        assertThat(large.count).isZero();
        assertThat(counters.rejected(RejectReason.TOO_MANY_IN_FRAME)).isEqualTo(1);
    }

    @Test
    void shouldRejectNewSymbolsOnceTheTableIsFull()
    {
        for (int i = 0; i < 8; i++)
        {
            decode(order("SYM" + i + "USDT", "BUY", "1", "1", 1_650_000_000_000L));
        }
        decode(order("ONEMOREUSDT", "BUY", "1", "1", 1_650_000_000_000L));

        assertThat(counters.rejected(RejectReason.SYMBOL_TABLE_FULL)).isEqualTo(1);
        assertThat(counters.accepted()).isEqualTo(8);
    }

    @Test
    void shouldKeepTheGoodEventsOfAnArrayWithABadOne()
    {
        decode("[" + order("BTCUSDT", "BUY", "1", "1", 1_650_000_000_000L) + ","
            + order("BTCUSDT", "BUY", "-1", "1", 1_650_000_000_001L) + "]");

        assertThat(event.count).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
    }

    @Test
    void shouldValidateEmbedderInput()
    {
        event.setLiquidation(Venue.BINANCE, "BTCUSDT", Side.BUY, 100, 200, 1_650_000_000_000L, 0, 1L);
        decoder.decode(event);
        assertThat(event.count).isEqualTo(1);
        assertThat(event.eventTimeMs[0]).isEqualTo(1_650_000_000_000L);

        event.setLiquidation(Venue.BINANCE, "BTCUSDT", Side.BUY, 0, 200, 1_650_000_000_000L, 0, 1L);
        decoder.decode(event);
        event.setLiquidation(Venue.BINANCE, "bad symbol", Side.BUY, 1, 200, 1_650_000_000_000L, 0, 1L);
        decoder.decode(event);
        event.setLiquidation(Venue.BINANCE, "BTCUSDT", null, 1, 200, 1_650_000_000_000L, 0, 1L);
        decoder.decode(event);
        event.setLiquidation(Venue.BINANCE, "BTCUSDT", Side.SELL, 1, 200, 5, 0, 1L);
        decoder.decode(event);

        assertThat(counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.INVALID_SYMBOL)).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.INVALID_SIDE)).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.ABSURD_TIMESTAMP)).isEqualTo(1);
    }

    static String order(final String symbol, final String side, final String quantity, final String price,
        final long timeMs)
    {
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\",\"ap\":\"" + price
            + "\",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
    }

    private void decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        event.setFrame(Venue.BINANCE, bytes, 0, bytes.length, 1L);
        decoder.decode(event);
    }
}
