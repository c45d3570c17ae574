package io.liqvol.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitStrategiesTest
{
    @Test
    void shouldNameEveryStrategyAndRefuseOthers()
    {
        assertThat(WaitStrategies.named("blocking")).isInstanceOf(BlockingWaitStrategy.class);
        assertThat(WaitStrategies.named("busy-spin")).isInstanceOf(BusySpinWaitStrategy.class);
        assertThatThrownBy(() -> WaitStrategies.named("fast"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage("waitStrategy must be blocking, sleeping, yielding or busy-spin, was fast");
    }
}
