package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineContextTest
{
    @Test
    void shouldConcludeWithDefaults()
    {
        final EngineContext context = new EngineContext().conclude();

        assertThat(context.ringSize()).isEqualTo(EngineContext.DEFAULT_RING_SIZE);
        assertThat(context.waitStrategy()).isNotNull();
    }

    @Test
    void shouldNameTheFirstInvalidValue()
    {
        assertThatThrownBy(() -> new EngineContext().ringSize(1000).conclude()).hasMessageContaining("ringSize");
        assertThatThrownBy(() -> new EngineContext().bucketsPerTimeframe(0).conclude())
            .hasMessageContaining("bucketsPerTimeframe");
        assertThatThrownBy(() -> new EngineContext().maxFrameBytes(10).conclude()).hasMessageContaining("maxFrameBytes");
        assertThatThrownBy(() -> new EngineContext().maxSymbols(0).conclude()).hasMessageContaining("maxSymbols");
        assertThatThrownBy(() -> new EngineContext().recentLiquidationsPerSymbol(0).conclude())
            .hasMessageContaining("recentLiquidationsPerSymbol");
        assertThatThrownBy(() -> new EngineContext().epochClock(null).conclude()).hasMessageContaining("epochClock");
    }
}
