package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BybitFrameReaderTest
{
    /** The example push of Bybit's v5 documentation ({@code allLiquidation}), with a time near the test clock. */
    static final String DOCUMENTED = "{\"topic\":\"allLiquidation.ROSEUSDT\",\"type\":\"snapshot\","
        + "\"ts\":1700000000001,\"data\":[{\"T\":1700000000000,\"s\":\"ROSEUSDT\",\"S\":\"Sell\",\"v\":\"20000\","
        + "\"p\":\"0.04499\"}]}";

    private static final long E8 = 100_000_000L;

    private final VenueFrames frames = new VenueFrames();

    @Test
    void shouldDecodeTheDocumentedPushWithTheOppositeOrderSide()
    {
        assertThat(frames.decode(Venue.BYBIT, DOCUMENTED)).isEqualTo(1);

        assertThat(frames.liquidation(0)).isEqualTo("bybit ROSEUSDT BUY 2000000000000@4499000 1700000000000");
        assertThat(frames.counters.accepted()).isEqualTo(1);
    }

    @Test
    void shouldTakeALiquidatedLongAsASellOrderAndEveryLiquidationOfABatch()
    {
        final String frame = "{\"topic\":\"allLiquidation.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1700000000900,"
            + "\"data\":[{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.003\",\"p\":\"43511.70\"},"
            + "{\"p\":\"43500\",\"v\":\"1.25\",\"S\":\"Sell\",\"s\":\"BTCUSDT\",\"T\":\"1700000000400\"}]}";

        assertThat(frames.decode(Venue.BYBIT, frame)).isEqualTo(2);

        assertThat(frames.liquidation(0)).isEqualTo("bybit BTCUSDT SELL 300000@4351170000000 1700000000000");
        assertThat(frames.liquidation(1)).isEqualTo("bybit BTCUSDT BUY 125000000@4350000000000 1700000000400");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"x\",\"op\":\"subscribe\"}",
        "{\"op\":\"pong\"}",
        "{\"topic\":\"allLiquidation.BTCUSDT\",\"data\":{\"T\":1700000000000}}",
        "{\"topic\":\"allLiquidation.BTCUSDT\",\"data\":[1]}",
        "{\"topic\":\"allLiquidation.BTCUSDT\",\"data\":[{\"T\":1700000000000}]",
        "[{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\"}]",
        "{\"data\":[]} x",
        ""})
    void shouldCountAFrameThatIsNotAPushAsMalformedAndGoOn(final String frame)
    {
        assertThat(frames.decode(Venue.BYBIT, frame)).isZero();
        assertThat(frames.counters.rejected(RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(frames.counters.rejected(Venue.BYBIT, RejectReason.MALFORMED_JSON)).isEqualTo(1);
        assertThat(frames.counters.rejectedTotal(Venue.BINANCE)).isZero();

        assertThat(frames.decode(Venue.BYBIT, DOCUMENTED)).as("the next frame").isEqualTo(1);
    }

    @Test
    void shouldRejectABadLiquidationAndKeepTheOthersOfItsPush()
    {
        final String frame = "{\"topic\":\"allLiquidation.BTCUSDT\",\"data\":["
            + "{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Long\",\"v\":\"1\",\"p\":\"2\"},"
            + "{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.000000001\",\"p\":\"2\"},"
            + "{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"p\":\"2\"},"
            + "{\"T\":1700000000000,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"2\"}]}";

        assertThat(frames.decode(Venue.BYBIT, frame)).isEqualTo(1);

        assertThat(frames.counters.rejected(RejectReason.INVALID_SIDE)).isEqualTo(1);
        assertThat(frames.counters.rejected(RejectReason.TOO_PRECISE)).isEqualTo(1);
        assertThat(frames.counters.rejected(RejectReason.MISSING_FIELD)).isEqualTo(1);
    }

    @Test
    void shouldRecordASymbolRegisteredUnderAScaledCanonicalSymbolScaled()
    {
        frames.register(Venue.BYBIT, "PEPEUSDT", "1000PEPEUSDT", E8, 3);
        final String frame = "{\"topic\":\"allLiquidation.PEPEUSDT\",\"data\":["
            + "{\"p\":\"0.0000065123\",\"v\":\"12345\",\"T\":1700000000000,\"s\":\"PEPEUSDT\",\"S\":\"Buy\"},"
            + "{\"T\":1700000000000,\"s\":\"PEPEUSDT\",\"S\":\"Buy\",\"v\":\"0.00000001\",\"p\":\"0.0000065123\"}]}";

        assertThat(frames.decode(Venue.BYBIT, frame)).isEqualTo(1);

        assertThat(frames.liquidation(0)).isEqualTo("bybit 1000PEPEUSDT SELL 1234500000@651230 1700000000000");
        assertThat(frames.counters.rejected(Venue.BYBIT, RejectReason.TOO_PRECISE)).as("10^-8 PEPE").isEqualTo(1);
    }

    @Test
    void shouldAllocateNothingPerFrameAfterWarmUp()
    {
        assertThat(frames.allocatedDecoding(Venue.BYBIT, DOCUMENTED, 50_000)).as("bytes for 50,000 frames")
            .isLessThan(16_384);
    }

    @Test
    void shouldKeepTheSameLiquidationOnBybitAndBinanceApart()
    {
        frames.decode(Venue.BYBIT, DOCUMENTED);
        final String binance = "{\"e\":\"forceOrder\",\"E\":1700000000000,\"o\":{\"s\":\"ROSEUSDT\",\"S\":\"BUY\","
            + "\"q\":\"20000\",\"p\":\"0.04499\",\"T\":1700000000000}}";

        assertThat(frames.decode(Venue.BINANCE, binance)).isEqualTo(1);
        assertThat(frames.decode(Venue.BYBIT, DOCUMENTED)).isZero();
        assertThat(frames.counters.duplicates()).isEqualTo(1);
    }
}
