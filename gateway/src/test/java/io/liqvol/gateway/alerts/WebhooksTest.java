package io.liqvol.gateway.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhooksTest
{
    private static final Webhooks.WebhookSettings SETTINGS = new Webhooks.WebhookSettings(5000, 10, 6, 500, 30_000);

    @Test
    void shouldBackOffExponentiallyWithJitterUpToTheCap()
    {
        assertThat(Webhooks.backoffMs(SETTINGS, 1, 0)).isEqualTo(250);
        assertThat(Webhooks.backoffMs(SETTINGS, 1, 250)).isEqualTo(500);
        assertThat(Webhooks.backoffMs(SETTINGS, 2, 0)).isEqualTo(500);
        assertThat(Webhooks.backoffMs(SETTINGS, 3, -1)).isEqualTo(1000 + 1000);
        assertThat(Webhooks.backoffMs(SETTINGS, 10, 0)).isEqualTo(15_000);
        assertThat(Webhooks.backoffMs(SETTINGS, 40, Long.MAX_VALUE)).isBetween(15_000L, 30_000L);
        for (long bits = -1000; bits < 1000; bits += 7)
        {
            assertThat(Webhooks.backoffMs(SETTINGS, 2, bits)).isBetween(500L, 1000L);
        }
    }
}
