package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JacksonFrameParserTest
{
    private static final String EVENT = "{\"e\":\"forceOrder\",\"E\":1650000000001,\"o\":{\"s\":\"BTCUSDT\","
        + "\"S\":\"SELL\",\"q\":\"0.014\",\"p\":\"9910\",\"T\":1650000000000}}";

    private final BatchFixture fixture = new BatchFixture();
    private final JacksonFrameParser parser = new JacksonFrameParser(fixture.order, fixture.batch);

    @Test
    void shouldReadTheOfficialSamplePayload()
    {
        assertThat(parse(FrameDecoderTest.SAMPLE)).isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0)).isEqualTo("BTCUSDT SELL 1400000 991000000000 1568014460893 1568014460893");
    }

    @Test
    void shouldReadEscapesAndNestedUnknownValues()
    {
        assertThat(parse("{\"stream\":\"a\\\"b\",\"data\":[{\"\\u0065\":\"force\\u004frder\",\"x\":{\"y\":[1,{}]},"
            + "\"o\":{\"s\":\"BTC\\u0055SDT\",\"S\":\"SEL\\u004C\",\"q\":\"1\",\"p\":\"2\","
            + "\"T\":\"1650000000000\"}}]}"))
            .isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0))
            .isEqualTo("BTCUSDT SELL 100000000 200000000 1650000000000 1650000000000");
    }

    @Test
    void shouldReadEveryEventOfAnArrayAndIgnoreTheRest()
    {
        assertThat(parse("[" + EVENT + ",[1],7,{\"result\":null}," + EVENT.replace("BTC", "ETH") + "]")).isTrue();

        assertThat(fixture.commit().count).isEqualTo(2);
        assertThat(fixture.counters.ignored()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{bad", "", "42", "{\"a\":1,}", "{\"e\":\"forceOrder\",\"o\":[]}", "{\"data\":{\"data\":{\"data\":{}}}}",
        "{\"e\":\"forceOrder\"} 5", "{\"e\":\"forceOrder\"} \"a}", "{\"e\":\"forceOrder\"}{}", "\uFEFF{}",
        "{\"e\":\"forceOrder\",\"o\":{\"s\":{\"a\":1}}"})
    void shouldFindMalformedFramesAndKeepReading(final String frame)
    {
        assertThat(parse(frame)).isFalse();

        fixture.batch.begin();
        assertThat(parse(EVENT)).isTrue();
        assertThat(fixture.commit().count).isEqualTo(1);
    }

    @Test
    void shouldReadEachFrameWhateverTheOneBeforeLeftOver()
    {
        assertThat(parse(EVENT + " t")).isFalse();
        assertThat(parse(EVENT)).isTrue();
        assertThat(parse("{\"e\":\"forceOrder\",\"o\":{\"s\":{\"a\":1},\"S\":\"BUY\"}}")).isFalse();
        assertThat(parse(EVENT)).isTrue();
    }

    private boolean parse(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, bytes.length);
    }
}
