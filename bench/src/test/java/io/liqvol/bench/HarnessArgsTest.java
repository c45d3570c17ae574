package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarnessArgsTest
{
    @Test
    void shouldReadNamedValuesWithDefaults()
    {
        final HarnessArgs args = new HarnessArgs(new String[] {"--rate", "100_000", "--wait", "busy-spin"});

        assertThat(args.number("rate", 1)).isEqualTo(100_000);
        assertThat(args.integer("seconds", 20)).isEqualTo(20);
        assertThat(args.text("wait", "blocking")).isEqualTo("busy-spin");
        assertThat(args.text("journal", "on")).isEqualTo("on");
    }

    @Test
    void shouldRejectAnythingButNameValuePairs()
    {
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"rate", "5"})).hasMessageContaining("--name value");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"--rate"})).hasMessageContaining("--rate");
        assertThatThrownBy(() -> new HarnessArgs(new String[] {"--rate", "fast"}).number("rate", 1))
            .isInstanceOf(NumberFormatException.class);
    }
}
