package io.liqvol.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class OkxFrameReaderTest
{
    /** The example push of OKX's v5 documentation ({@code liquidation-orders}), with times near the test clock. */
    static final String DOCUMENTED = "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},"
        + "\"data\":[{\"details\":[{\"bkLoss\":\"0\",\"bkPx\":\"0.007831\",\"ccy\":\"\",\"posSide\":\"short\","
        + "\"side\":\"buy\",\"sz\":\"13\",\"ts\":\"1700000000000\"}],\"instFamily\":\"IOST-USDT\","
        + "\"instId\":\"IOST-USDT-SWAP\",\"instType\":\"SWAP\",\"uly\":\"IOST-USDT\"}]}";
    private static final long E8 = 100_000_000L;

    private final VenueFrames frames = new VenueFrames();

    @BeforeEach
    void setUp()
    {
        frames.register(Venue.OKX, "IOST-USDT-SWAP", "IOSTUSDT", 1_000 * E8);
        frames.register(Venue.OKX, "BTC-USDT-SWAP", "BTCUSDT", E8 / 100);
        frames.register(Venue.OKX, "ETH-USDT-SWAP", "ETHUSDT", E8 / 10);
    }

    @Test
    void shouldDecodeTheDocumentedPushInContractsTimesTheContractSize()
    {
        assertThat(frames.decode(Venue.OKX, DOCUMENTED)).isEqualTo(1);

        assertThat(frames.liquidation(0)).isEqualTo("okx IOSTUSDT BUY 1300000000000@783100 1700000000000");
    }

    @Test
    void shouldRecordAScaledInstrumentUnderItsCanonicalSymbolWithTheNotionalExactlyUnchanged()
    {
        frames.register(Venue.OKX, "PEPE-USDT-SWAP", "1000PEPEUSDT", 1_000_000 * E8, 3);

        assertThat(frames.decode(Venue.OKX, pepe("0.0000065123", "7"))).isEqualTo(1);

        assertThat(frames.liquidation(0)).isEqualTo("okx 1000PEPEUSDT SELL 700000000000@651230 1700000000000");
        final BigDecimal notional = FixedPoint.toBigDecimal(frames.event.quantityE8[0])
            .multiply(FixedPoint.toBigDecimal(frames.event.priceE8[0]));
        assertThat(notional).isEqualByComparingTo(
            new BigDecimal("7").multiply(new BigDecimal("1000000")).multiply(new BigDecimal("0.0000065123")));
    }

    @Test
    void shouldRejectAScaledQuantityOrPriceE8CannotHold()
    {
        frames.register(Venue.OKX, "PEPE-USDT-SWAP", "1000PEPEUSDT", 1, 3);

        assertThat(frames.decode(Venue.OKX, pepe("0.0000065123", "1"))).isZero();
        frames.register(Venue.OKX, "PEPE-USDT-SWAP", "1000PEPEUSDT", E8, 3);
        assertThat(frames.decode(Venue.OKX, pepe("92233721", "1"))).isZero();
        assertThat(frames.decode(Venue.OKX, pepe("0.000000000001", "1"))).isZero();

        assertThat(frames.counters.rejected(Venue.OKX, RejectReason.TOO_PRECISE)).isEqualTo(2);
        assertThat(frames.counters.rejected(Venue.OKX, RejectReason.OVERFLOW)).isEqualTo(1);
    }

    /** A push of one PEPE-USDT-SWAP liquidation (a long's: a sell order), its instrument named after the details. */
    private static String pepe(final String bankruptcyPrice, final String contracts)
    {
        return "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":[{\"details\":[{"
            + "\"bkPx\":\"" + bankruptcyPrice + "\",\"posSide\":\"long\",\"side\":\"sell\",\"sz\":\"" + contracts
            + "\",\"ts\":\"1700000000000\"}],\"instId\":\"PEPE-USDT-SWAP\",\"instType\":\"SWAP\"}]}";
    }

    @Test
    void shouldReadSeveralInstrumentsAndDetailsOutOfTimeOrderWhateverTheFieldOrder()
    {
        final String frame = "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"data\":["
            + "{\"instId\":\"BTC-USDT-SWAP\",\"instType\":\"SWAP\",\"details\":["
            + "{\"side\":\"sell\",\"posSide\":\"long\",\"bkPx\":\"43000.1\",\"sz\":\"12\",\"ts\":\"1700000002000\"},"
            + "{\"side\":\"buy\",\"posSide\":\"short\",\"bkPx\":\"43100\",\"sz\":\"3\",\"ts\":\"1700000001000\"}]},"
            + "{\"details\":[{\"side\":\"sell\",\"bkPx\":\"2000.5\",\"sz\":\"7\",\"ts\":\"1700000000500\"}],"
            + "\"instId\":\"ETH-USDT-SWAP\"}]}";

        assertThat(frames.decode(Venue.OKX, frame)).isEqualTo(3);

        assertThat(frames.liquidation(0)).isEqualTo("okx BTCUSDT SELL 12000000@4300010000000 1700000002000");
        assertThat(frames.liquidation(1)).isEqualTo("okx BTCUSDT BUY 3000000@4310000000000 1700000001000");
        assertThat(frames.liquidation(2)).isEqualTo("okx ETHUSDT SELL 70000000@200050000000 1700000000500");
    }

    @Test
    void shouldAllocateNothingPerFrameAfterWarmUp()
    {
        assertThat(frames.allocatedDecoding(Venue.OKX, DOCUMENTED, 50_000)).as("bytes for 50,000 frames")
            .isLessThan(16_384);
    }

    @Test
    void shouldRejectAnInstrumentNotRegisteredAndKeepTheRest()
    {
        final String frame = "{\"data\":[{\"instId\":\"DOGE-USDT-SWAP\",\"details\":["
            + "{\"side\":\"sell\",\"bkPx\":\"0.1\",\"sz\":\"1\",\"ts\":\"1700000000000\"},"
            + "{\"side\":\"sell\",\"bkPx\":\"0.1\",\"sz\":\"2\",\"ts\":\"1700000000000\"}]},"
            + "{\"instId\":\"ETH-USDT-SWAP\",\"details\":["
            + "{\"side\":\"sell\",\"bkPx\":\"2000\",\"sz\":\"1\",\"ts\":\"1700000000000\"}]}]}";

        assertThat(frames.decode(Venue.OKX, frame)).isEqualTo(1);

        assertThat(frames.counters.rejected(RejectReason.UNKNOWN_INSTRUMENT)).isEqualTo(2);
        assertThat(frames.liquidation(0)).startsWith("okx ETHUSDT SELL 10000000@");
    }

    @Test
    void shouldReadAnInstrumentRegisteredWhileFramesFlowFromTheNextFrameOn()
    {
        final String frame = "{\"data\":[{\"instId\":\"SOL-USDT-SWAP\",\"details\":["
            + "{\"side\":\"buy\",\"bkPx\":\"60\",\"sz\":\"5\",\"ts\":\"1700000000000\"}]}]}";
        assertThat(frames.decode(Venue.OKX, frame)).isZero();

        frames.register(Venue.OKX, "SOL-USDT-SWAP", "SOLUSDT", E8);

        assertThat(frames.decode(Venue.OKX, frame)).isEqualTo(1);
        assertThat(frames.liquidation(0)).isEqualTo("okx SOLUSDT BUY 500000000@6000000000 1700000000000");
    }

    @Test
    void shouldRejectAContractQuantityThatIsNotExactInE8OrOverflows()
    {
        frames.register(Venue.OKX, "TINY-USDT-SWAP", "TINYUSDT", 1);
        frames.register(Venue.OKX, "HUGE-USDT-SWAP", "HUGEUSDT", 1_000_000_000 * E8);
        final String frame = "{\"data\":[{\"instId\":\"TINY-USDT-SWAP\",\"details\":["
            + "{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"0.5\",\"ts\":\"1700000000000\"},"
            + "{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"300\",\"ts\":\"1700000000000\"}]},"
            + "{\"instId\":\"HUGE-USDT-SWAP\",\"details\":["
            + "{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"100000000000\",\"ts\":\"1700000000000\"}]}]}";

        assertThat(frames.decode(Venue.OKX, frame)).isEqualTo(1);

        assertThat(frames.counters.rejected(RejectReason.TOO_PRECISE)).isEqualTo(1);
        assertThat(frames.counters.rejected(RejectReason.OVERFLOW)).isEqualTo(1);
        assertThat(frames.liquidation(0)).isEqualTo("okx TINYUSDT BUY 300@100000000 1700000000000");
    }

    @Test
    void shouldRejectDetailsWithBadFields()
    {
        final String frame = "{\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"details\":["
            + "{\"side\":\"long\",\"bkPx\":\"1\",\"sz\":\"1\",\"ts\":\"1700000000000\"},"
            + "{\"bkPx\":\"1\",\"sz\":\"1\",\"ts\":\"1700000000000\"},"
            + "{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"0\",\"ts\":\"1700000000000\"},"
            + "{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"1\",\"ts\":\"-5\"}]},"
            + "{\"details\":[{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"1\",\"ts\":\"1700000000000\"}]}]}";

        assertThat(frames.decode(Venue.OKX, frame)).isZero();

        assertThat(frames.counters.rejected(RejectReason.INVALID_SIDE)).isEqualTo(1);
        assertThat(frames.counters.rejected(RejectReason.MISSING_FIELD)).isEqualTo(2);
        assertThat(frames.counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
        assertThat(frames.counters.rejected(RejectReason.ABSURD_TIMESTAMP)).isEqualTo(1);
    }

    @Test
    void shouldRejectAPushOfMoreDetailsThanAnEventHoldsAsAWhole()
    {
        final StringBuilder frame = new StringBuilder("{\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"details\":[");
        for (int i = 0; i <= FrameEvent.MAX_LIQUIDATIONS; i++)
        {
            frame.append(i == 0 ? "" : ",").append("{\"side\":\"buy\",\"bkPx\":\"1\",\"sz\":\"").append(i + 1)
                .append("\",\"ts\":\"1700000000000\"}");
        }
        frame.append("]}]}");

        assertThat(frames.decode(Venue.OKX, frame.toString())).isZero();
        assertThat(frames.counters.rejected(RejectReason.TOO_MANY_IN_FRAME)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},\"connId\":\"a\"}",
        "pong",
        "{\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"details\":{}}]}",
        "{\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"details\":[1]}]}",
        "{\"data\":[\"x\"]}",
        "{\"data\":[{\"instId\":\"BTC-USDT-SWAP\",\"details\":[{\"side\":\"buy\"}]}]"})
    void shouldCountAFrameThatIsNotAPushAsMalformedAndGoOn(final String frame)
    {
        assertThat(frames.decode(Venue.OKX, frame)).isZero();
        assertThat(frames.counters.rejected(RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(frames.counters.rejected(Venue.OKX, RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(frames.counters.rejectedTotal(Venue.BINANCE)).isZero();

        assertThat(frames.decode(Venue.OKX, DOCUMENTED)).as("the next frame").isEqualTo(1);
    }
}
