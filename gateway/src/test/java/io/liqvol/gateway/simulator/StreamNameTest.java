package io.liqvol.gateway.simulator;

import io.liqvol.engine.Timeframe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamNameTest
{
    private final MarketGenerator market = new MarketGenerator(new SimulatorConfig().conclude());

    @Test
    void shouldKnowTheStreamsTheExchangeServes()
    {
        assertThat(StreamName.parse("!forceOrder@arr", market)).isEqualTo(new StreamName("!forceOrder@arr", -1, null));
        assertThat(StreamName.parse("ethusdt@forceOrder", market).symbolIndex()).isEqualTo(market.indexOf("ETHUSDT"));
        final StreamName kline = StreamName.parse("1000pepeusdt@kline_1M", market);
        assertThat(kline.isKline()).isTrue();
        assertThat(kline.klineInterval()).isEqualTo(Timeframe.MN1);
    }

    @Test
    void shouldRefuseUnknownOrMisspelledStreams()
    {
        assertThat(StreamName.parse("BTCUSDT@forceOrder", market)).isNull();
        assertThat(StreamName.parse("nopeusdt@forceOrder", market)).isNull();
        assertThat(StreamName.parse("btcusdt@forceorder", market)).isNull();
        assertThat(StreamName.parse("btcusdt@kline_7m", market)).isNull();
        assertThat(StreamName.parse("btcusdt@aggTrade", market)).isNull();
        assertThat(StreamName.parse("@forceOrder", market)).isNull();
        assertThat(StreamName.parse("forceOrder", market)).isNull();
    }
}
