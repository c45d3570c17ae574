package io.liqvol.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest
{
    @Test
    void shouldPlanSendTimesOnAFixedScheduleFromTheStart()
    {
        final Pacer pacer = new Pacer(1_000, 100_000);

        assertThat(pacer.plannedNs(0)).isEqualTo(1_000);
        assertThat(pacer.plannedNs(1)).isEqualTo(11_000);
        assertThat(pacer.plannedNs(100_000)).isEqualTo(1_000 + 1_000_000_000L);
    }

    @Test
    void shouldNeverReturnBeforeThePlannedTime()
    {
        final Pacer pacer = new Pacer(System.nanoTime() + 2_000_000, 1_000);

        for (int i = 0; i < 3; i++)
        {
            final long plannedNs = pacer.awaitPlanned(i);
            assertThat(System.nanoTime()).isGreaterThanOrEqualTo(plannedNs);
            assertThat(plannedNs).isEqualTo(pacer.plannedNs(i));
        }
    }

    @Test
    void shouldReturnAtOnceWhenBehindAndKeepThePlannedTime()
    {
        final Pacer pacer = new Pacer(System.nanoTime() - 1_000_000_000L, 1_000);

        final long plannedNs = pacer.awaitPlanned(5);

        assertThat(plannedNs).isEqualTo(pacer.plannedNs(5));
        assertThat(System.nanoTime() - plannedNs).isGreaterThan(900_000_000L);
    }
}
