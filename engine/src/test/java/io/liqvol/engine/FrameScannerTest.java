package io.liqvol.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FrameScannerTest
{
    private static final String ORDER =
        "{\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0.014\",\"p\":\"9910\",\"T\":1650000000000}";
    private static final String EVENT = "{\"e\":\"forceOrder\",\"E\":1650000000001,\"o\":" + ORDER + "}";
    private static final String LIQUIDATION = "BTCUSDT SELL 1400000 991000000000 1650000000000 1650000000001";

    private final BatchFixture fixture = new BatchFixture();
    private final FrameScanner scanner = new FrameScanner(fixture.order, fixture.batch);

    @Test
    void shouldReadTheOfficialSamplePayload()
    {
        assertThat(scan(FrameDecoderTest.SAMPLE)).isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0)).isEqualTo("BTCUSDT SELL 1400000 991000000000 1568014460893 1568014460893");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        EVENT,
        "{\"stream\":\"!forceOrder@arr\",\"data\":" + EVENT + "}",
        "{\"data\":" + EVENT + ",\"stream\":\"btcusdt@forceOrder\"}",
        "[" + EVENT + "]",
        "{\"stream\":\"!forceOrder@arr\",\"data\":[" + EVENT + "]}",
        " \r\n\t{ \"o\" : " + ORDER + " ,\n\"E\"\t:\t1650000000001 , \"e\" : \"forceOrder\" } \n",
        "{\"e\":\"forceOrder\",\"E\":\"1650000000001\",\"o\":{\"T\":1650000000000,\"X\":\"FILLED\",\"q\":0.014,"
            + "\"p\":9910.0,\"S\":\"SELL\",\"x\":\"\",\"l\":null,\"s\":\"BTCUSDT\",\"L\":true}}"})
    void shouldReadEveryShapeInAnyOrderAndSpacing(final String frame)
    {
        assertThat(scan(frame)).isTrue();

        assertThat(fixture.commit().count).isEqualTo(1);
        assertThat(fixture.liquidation(0)).isEqualTo(LIQUIDATION);
    }

    @Test
    void shouldReadEveryEventOfAnArrayAndIgnoreTheRest()
    {
        final String second = EVENT.replace("BTCUSDT", "ETHUSDT");

        assertThat(scan("[" + EVENT + ", 7, {\"result\":null,\"id\":1}, " + second + ", {\"e\":\"kline\"}]")).isTrue();

        assertThat(fixture.commit().count).isEqualTo(2);
        assertThat(fixture.liquidation(1)).startsWith("ETHUSDT");
        assertThat(fixture.counters.ignored()).isEqualTo(3);
    }

    @Test
    void shouldReadInvalidOrdersForTheirRejectReason()
    {
        assertThat(scan("[" + EVENT.replace("\"0.014\"", "\"-1\"") + "," + EVENT.replace("SELL", "LONG") + ","
            + EVENT.replace("\"T\":1650000000000", "\"T\":1.5") + "," + EVENT.replace("\"s\":\"BTCUSDT\",", "")
            + "]")).isTrue();

        assertThat(fixture.commit().count).isZero();
        assertThat(fixture.counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
        assertThat(fixture.counters.rejected(RejectReason.INVALID_SIDE)).isEqualTo(1);
        assertThat(fixture.counters.rejected(RejectReason.INVALID_NUMBER)).isEqualTo(1);
        assertThat(fixture.counters.rejected(RejectReason.MISSING_FIELD)).isEqualTo(1);
    }

    @Test
    void shouldReadAcksAndOtherEventsAsIgnored()
    {
        assertThat(scan("{\"result\":null,\"id\":7}")).isTrue();
        assertThat(scan("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1}}")).isTrue();
        fixture.commit();

        assertThat(fixture.counters.ignored()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"e\":\"force\\u004frder\",\"o\":{}}",
        "{\"e\":\"forceOrder\",\"o\":{\"s\":\"BTC\u00e9\"}}",
        "{\"e\":\"forceOrder\",\"o\":{\"s\":{}}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":[1]}}",
        "{\"e\":\"forceOrder\",\"o\":1}",
        "{\"e\":{}}",
        "{\"x\":{\"y\":1}}",
        "[[]]",
        "{\"data\":{\"data\":{\"data\":{}}}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":01}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":1.}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":-}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":1e}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":+1}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":tru}}",
        "{\"e\":\"forceOrder\",\"o\":{\"q\":1}},",
        "{\"e\":\"forceOrder\",}",
        "{\"e\" \"forceOrder\"}",
        "{\"e\":\"forceOrder\"} 5",
        "{\"e\":\"forceOrder\"}{}",
        "{\"e\":\"forceOrder\"",
        "{\"e\":\"forceOrder\",\"o\":{\"f\":\"\t\"}}",
        "\f{}",
        "",
        "42",
        "\"text\""})
    void shouldLeaveAnythingItIsNotSureOfToJackson(final String frame)
    {
        assertThat(scan(frame)).isFalse();
    }

    @Test
    void shouldLeaveLongStringsAndNumbersToJackson()
    {
        assertThat(scan("{\"x\":\"" + "a".repeat(128) + "\"}")).isTrue();
        assertThat(scan("{\"x\":\"" + "a".repeat(129) + "\"}")).isFalse();
        assertThat(scan("{\"x\":1" + "0".repeat(127) + "}")).isTrue();
        assertThat(scan("{\"x\":1" + "0".repeat(128) + "}")).isFalse();
    }

    @Test
    void shouldLeaveEveryTruncationOfAFrameToJackson()
    {
        final String frame = "{\"stream\":\"!forceOrder@arr\",\"data\":[" + EVENT + "]}";
        for (int length = 0; length < frame.length(); length++)
        {
            assertThat(scan(frame.substring(0, length))).as(frame.substring(0, length)).isFalse();
        }
    }

    @Test
    void shouldReadOnlyTheGivenLengthOfTheBuffer()
    {
        final byte[] buffer = (EVENT + "garbage").getBytes(StandardCharsets.US_ASCII);

        assertThat(scanner.scan(buffer, EVENT.length())).isTrue();
    }

    @Test
    void shouldFindTheFirstByteAPlainStringCannotHoldInEveryWord()
    {
        final SplittableRandom random = new SplittableRandom(12);
        final byte[] stops = {'"', '\\', 0, 0x1F, (byte)0x80, (byte)0xFF};
        for (int n = 0; n < 200_000; n++)
        {
            long word = 0;
            for (int i = 0; i < Long.BYTES; i++)
            {
                final int b = random.nextInt(8) == 0
                    ? stops[random.nextInt(stops.length)]
                    : 0x20 + random.nextInt(0x60);
                word |= (long)(b & 0xFF) << (8 * i);
            }
            assertThat(firstStop(PlainStrings.stopBytes(word))).as(Long.toHexString(word))
                .isEqualTo(firstPlainEnd(word));
        }
    }

    @Test
    void shouldEndAStringAtEveryPositionOfAWord()
    {
        for (int length = 0; length <= 20; length++)
        {
            final String value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".substring(0, length);
            assertThat(scan("{\"e\":\"other\",\"x\":\"" + value + "\"}")).as(value).isTrue();
            assertThat(scan("{\"e\":\"other\",\"x\":\"" + value + "\\n\"}")).as(value + " escape").isFalse();
            assertThat(scan("{\"e\":\"other\",\"x\":\"" + value + "\u00e9\"}")).as(value + " é").isFalse();
        }
    }

    private static int firstStop(final long stops)
    {
        return stops == 0 ? Long.BYTES : Long.numberOfTrailingZeros(stops) >>> 3;
    }

    private static int firstPlainEnd(final long word)
    {
        for (int i = 0; i < Long.BYTES; i++)
        {
            final int b = (int)(word >>> (8 * i)) & 0xFF;
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\')
            {
                return i;
            }
        }
        return Long.BYTES;
    }

    private boolean scan(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return scanner.scan(bytes, bytes.length);
    }
}
