package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebSocketRouteTest
{
    @Test
    void shouldFindRawAndCombinedRoutesUnderAnyBasePath()
    {
        assertThat(WebSocketRoute.parse("/ws/btcusdt@forceOrder", null))
            .isEqualTo(new WebSocketRoute(false, List.of("btcusdt@forceOrder")));
        assertThat(WebSocketRoute.parse("/market/ws/btcusdt@forceOrder/ethusdt@kline_1m", null))
            .isEqualTo(new WebSocketRoute(false, List.of("btcusdt@forceOrder", "ethusdt@kline_1m")));
        assertThat(WebSocketRoute.parse("/market/ws", null)).isEqualTo(new WebSocketRoute(false, List.of()));
        assertThat(WebSocketRoute.parse("/a/b/stream", "!forceOrder@arr/btcusdt@kline_1m"))
            .isEqualTo(new WebSocketRoute(true, List.of("!forceOrder@arr", "btcusdt@kline_1m")));
        assertThat(WebSocketRoute.parse("/stream", null)).isEqualTo(new WebSocketRoute(true, List.of()));
    }

    @Test
    void shouldRefuseOtherPaths()
    {
        assertThat(WebSocketRoute.parse("/", null)).isNull();
        assertThat(WebSocketRoute.parse("/market/streams", null)).isNull();
    }
}
