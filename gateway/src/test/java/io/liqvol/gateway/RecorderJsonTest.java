package io.liqvol.gateway;

import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.upstream.SymbolInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecorderJsonTest
{
    @Test
    void shouldReadTheSymbolsWithTheirPrecisions()
    {
        final byte[] body = ("[{\"symbol\":\"BTCUSDT\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
            + "\"pricePrecision\":2,\"quantityPrecision\":3,\"status\":\"TRADING\",\"extra\":[1]}]")
            .getBytes(StandardCharsets.UTF_8);

        assertThat(RecorderJson.symbols(body))
            .containsExactly(new SymbolInfo("BTCUSDT", "BTC", "USDT", 2, 3, "TRADING"));
    }

    @Test
    void shouldRefuseASymbolListThatIsNoArray()
    {
        final byte[] body = "{\"symbols\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecorderJson.symbols(body)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTakeACandleAsClosedOnlyWellAfterItsIntervalEnded()
    {
        final long openMs = 1_700_000_040_000L;
        final byte[] body = ("[" + candle(openMs) + "," + candle(openMs + 60_000) + "]")
            .getBytes(StandardCharsets.UTF_8);
        final long receivedMs = openMs + 120_000 + RecorderJson.CLOSED_AFTER_MS - 1;

        assertThat(RecorderJson.klines(body, Timeframe.M1, receivedMs)).containsExactly(
            new Candle(openMs, "1.10", "1.20", "1.00", "1.15", "10.000", true),
            new Candle(openMs + 60_000, "1.10", "1.20", "1.00", "1.15", "10.000", false));
    }

    @Test
    void shouldReadTheCandleOfAKlineMessageAndNothingFromOtherTypes()
    {
        final long openMs = 1_700_000_040_000L;
        final String kline = "{\"type\":\"kline\",\"symbol\":\"BTCUSDT\",\"timeframe\":\"1m\",\"data\":"
            + candle(openMs).replace("}", ",\"closed\":true}") + "}";

        assertThat(RecorderJson.kline(kline))
            .isEqualTo(new Candle(openMs, "1.10", "1.20", "1.00", "1.15", "10.000", true));
        assertThat(RecorderJson.kline("{\"type\":\"heartbeat\",\"symbol\":\"BTCUSDT\",\"timestamp\":1}")).isNull();
    }

    private static String candle(final long openMs)
    {
        return "{\"time\":" + openMs / 1000 + ",\"open\":\"1.10\",\"high\":\"1.20\",\"low\":\"1.00\","
            + "\"close\":\"1.15\",\"volume\":\"10.000\"}";
    }
}
