package io.liqvol.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlineDecoderTest
{
    @Test
    void shouldDecodeBinancesKlineEvent()
    {
        final byte[] event = ("{\"e\":\"kline\",\"E\":1,\"s\":\"ETHUSDT\",\"k\":{\"t\":1700000000000,"
            + "\"T\":1700000299999,\"s\":\"ETHUSDT\",\"i\":\"5m\",\"f\":1,\"L\":2,\"o\":\"2000.00\",\"c\":\"2001.50\","
            + "\"h\":\"2002.00\",\"l\":\"1999.99\",\"v\":\"100.123\",\"n\":3,\"x\":true,\"q\":\"1\",\"V\":\"0\","
            + "\"Q\":\"0\",\"B\":\"0\"}}")
            .getBytes(StandardCharsets.UTF_8);

        final KlineDecoder.KlineEvent decoded = KlineDecoder.decodeEvent(event, 0, event.length);

        assertThat(decoded).isEqualTo(new KlineDecoder.KlineEvent("ETHUSDT", "5m",
            new Kline(1_700_000_000_000L, "2000.00", "2002.00", "1999.99", "2001.50", "100.123", true)));
    }

    @Test
    void shouldRefuseIncompleteEvents()
    {
        final byte[] noClose = ("{\"e\":\"kline\",\"k\":{\"t\":1,\"s\":\"A\",\"i\":\"1m\",\"o\":\"1\",\"h\":\"1\","
            + "\"l\":\"1\",\"v\":\"1\",\"x\":false}}")
            .getBytes(StandardCharsets.UTF_8);
        final byte[] otherType = "{\"e\":\"trade\",\"k\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThat(KlineDecoder.decodeEvent(noClose, 0, noClose.length)).isNull();
        assertThat(KlineDecoder.decodeEvent(otherType, 0, otherType.length)).isNull();
    }

    @Test
    void shouldDecodeRestKlinesAndMarkPastCandlesClosed() throws IOException
    {
        final byte[] body = ("[[1700000000000,\"1.0\",\"2.0\",\"0.5\",\"1.5\",\"10\",1700000059999,\"15\",3,\"5\","
            + "\"7\",\"0\"],[1700000060000,\"1.5\",\"1.6\",\"1.4\",\"1.45\",\"2\",1700000119999,\"3\",1,\"1\",\"1\","
            + "\"0\"]]")
            .getBytes(StandardCharsets.UTF_8);

        assertThat(KlineDecoder.decodeRest(body, 1_700_000_100_000L)).containsExactly(
            new Kline(1_700_000_000_000L, "1.0", "2.0", "0.5", "1.5", "10", true),
            new Kline(1_700_000_060_000L, "1.5", "1.6", "1.4", "1.45", "2", false));
    }

    @Test
    void shouldRejectABodyThatIsNotKlines()
    {
        assertThatThrownBy(() -> KlineDecoder.decodeRest("{\"code\":-1121}".getBytes(StandardCharsets.UTF_8), 0))
            .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> KlineDecoder.decodeRest("[[1,2]]".getBytes(StandardCharsets.UTF_8), 0))
            .isInstanceOf(IOException.class);
    }
}
