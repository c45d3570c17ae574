package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadClientsProcessTest
{
    private static final String DONE = "done rows 590 of 600; messages 552; bytes 208608;"
        + " closed {1013=3, -1=1, 1001=2}; client cpu ms 1210 (2192.03 us per message);"
        + " latency us p50 11542 p90 49479 p99 157679 p99.9 197787 max 197787 count 400; span ms 2987";

    @Test
    void shouldReadEveryFigureOfADoneLineWithSlowClientClosesApart()
    {
        final LoadClientsProcess.Done done = LoadClientsProcess.Done.parse(DONE);

        assertThat(done).isEqualTo(new LoadClientsProcess.Done(590, 600, 552, 3, 3, 11542, 157679, 197787, 197787,
            400, 2987));
        assertThat(done.complete()).isFalse();
    }

    @Test
    void shouldCountALineWithEveryRowAndNoCloseAsComplete()
    {
        final LoadClientsProcess.Done done = LoadClientsProcess.Done.parse(
            DONE.replace("rows 590", "rows 600").replace("{1013=3, -1=1, 1001=2}", "{}"));

        assertThat(done.complete()).isTrue();
        assertThat(done.slowCloses() + done.otherCloses()).isZero();
    }

    @Test
    void shouldRejectALineThatIsNotADoneLine()
    {
        assertThatThrownBy(() -> LoadClientsProcess.Done.parse("ready 4"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadClientsProcess.Done.parse(null))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
