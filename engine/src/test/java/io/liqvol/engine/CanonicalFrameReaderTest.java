package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalFrameReaderTest
{
    private static final String WRAPPED = "{\"stream\":\"!forceOrder@arr\",\"data\":" + FrameDecoderTest.SAMPLE + "}";
    private static final String LIQUIDATION = "BTCUSDT SELL 1400000 991000000000 1568014460893 1568014460893";

    private final BatchFixture fixture = new BatchFixture();
    private final CanonicalFrameReader reader = new CanonicalFrameReader(fixture.order, fixture.batch);

    @ParameterizedTest
    @ValueSource(strings = {FrameDecoderTest.SAMPLE, WRAPPED})
    void shouldReadTheEventAsBinanceLaysItOut(final String frame)
    {
        assertThat(read(frame)).isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0)).isEqualTo(LIQUIDATION);
    }

    @Test
    void shouldPassOnTheRejectReasonOfAValue()
    {
        assertThat(read(FrameDecoderTest.SAMPLE.replace("\"S\":\"SELL\"", "\"S\":\"SHORT\""))).isTrue();

        assertThat(fixture.commit().count).isZero();
        assertThat(fixture.counters.rejected(RejectReason.INVALID_SIDE)).isEqualTo(1);
    }

    @Test
    void shouldTakeTheQuantityAndPriceOnlyWhereTheFilledOnesAreZero()
    {
        assertThat(read(FrameDecoderTest.SAMPLE.replace("\"z\":\"0.014\"", "\"z\":\"0\"")
            .replace("\"q\":\"0.014\"", "\"q\":\"0.5\"").replace("\"p\":\"9910\"", "\"p\":\"x\""))).isTrue();
        assertThat(read(FrameDecoderTest.SAMPLE.replace("\"z\":\"0.014\"", "\"z\":\"0\"")
            .replace("\"q\":\"0.014\"", "\"q\":\"0.5\"").replace("\"ap\":\"9910\"", "\"ap\":\"0\""))).isTrue();
        assertThat(read(FrameDecoderTest.SAMPLE.replace("\"z\":\"0.014\"", "\"z\":\"-1\"")
            .replace("\"q\":\"0.014\"", "\"q\":\"x\""))).isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0)).isEqualTo("BTCUSDT SELL 50000000 991000000000 1568014460893 1568014460893");
        assertThat(fixture.counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
        assertThat(fixture.counters.rejected(RejectReason.INVALID_NUMBER)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"e\":\"forceOrder\",\"E\":1568014460893, \"o\":{}}",
        "{\"stream\":\"x\",\"data\":{\"e\":\"kline\"}}",
        "{\"e\":\"forceOrder\",\"E\":01568014460893,\"o\":{}}",
        "{\"e\":\"forceOrder\",\"E\":1568014460893.0,\"o\":{}}",
        "{\"e\":\"forceOrder\",\"E\":\"1568014460893\",\"o\":{}}",
        "{\"e\":\"forceOrder\",\"E\":1234567890123456,\"o\":{}}"})
    void shouldLeaveAnyOtherLayoutWithTheBatchUntouched(final String frame)
    {
        assertThat(read(frame)).isFalse();

        assertThat(fixture.commit().count).isZero();
        assertThat(fixture.counters.rejected(RejectReason.MISSING_FIELD)).isZero();
    }

    @Test
    void shouldLeaveEveryChangeOfTheLayoutToTheScanner()
    {
        final String[] departures = {"\"f\":\"IOC\",", "\"ap\":\"9910\",", "}}", "\"q\":\"0.014\""};
        final String[] replacements = {"", "", "} }", "\"q\":0.014"};
        for (int i = 0; i < departures.length; i++)
        {
            final String frame = FrameDecoderTest.SAMPLE.replace(departures[i], replacements[i]);
            assertThat(read(frame)).as(frame).isFalse();
            assertThat(read(WRAPPED.replace(departures[i], replacements[i]))).as("wrapped " + frame).isFalse();
        }
        assertThat(read(WRAPPED + " ")).isFalse();
        assertThat(read(WRAPPED.replace("!forceOrder@arr", "a\\u0062"))).isFalse();
        assertThat(fixture.commit().count).isZero();
    }

    @Test
    void shouldLeaveEveryTruncationToTheScanner()
    {
        for (int length = 0; length < WRAPPED.length(); length++)
        {
            assertThat(read(WRAPPED.substring(0, length))).as(WRAPPED.substring(0, length)).isFalse();
        }
    }

    private boolean read(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, bytes.length);
    }
}
