package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlRequestTest
{
    @Test
    void shouldParseBinancesControlMessages()
    {
        assertThat(ControlRequest.parse(
            "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@forceOrder\",\"!forceOrder@arr\"],\"id\":7}"))
            .isEqualTo(new ControlRequest("SUBSCRIBE", List.of("btcusdt@forceOrder", "!forceOrder@arr"), "7"));
        assertThat(ControlRequest.parse("{\"id\":\"a\\\"b\",\"method\":\"LIST_SUBSCRIPTIONS\"}"))
            .isEqualTo(new ControlRequest("LIST_SUBSCRIPTIONS", List.of(), "\"a\\\"b\""));
        assertThat(ControlRequest.parse("{\"method\":\"UNSUBSCRIBE\",\"params\":[]}").idJson()).isEqualTo("null");
    }

    @Test
    void shouldRejectWhatBinanceRejects()
    {
        assertThatThrownBy(() -> ControlRequest.parse("nope")).hasMessageStartingWith("Invalid JSON");
        assertThatThrownBy(() -> ControlRequest.parse("[]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> ControlRequest.parse("{\"params\":[]}")).hasMessageContaining("method is missing");
        assertThatThrownBy(() -> ControlRequest.parse("{\"method\":\"SUBSCRIBE\",\"params\":[1]}"))
            .hasMessageContaining("Invalid value type");
        assertThatThrownBy(() -> ControlRequest.parse("{\"method\":\"SUBSCRIBE\",\"id\":1.5}"))
            .hasMessageContaining("id must be an integer");
        assertThatThrownBy(() -> ControlRequest.parse("{\"method\":\"SUBSCRIBE\",\"extra\":1}"))
            .hasMessageContaining("Unknown property");
        assertThatThrownBy(() -> ControlRequest.parse("{\"method\":\"SUBSCRIBE\"} {}"))
            .hasMessageContaining("trailing");
    }
}
