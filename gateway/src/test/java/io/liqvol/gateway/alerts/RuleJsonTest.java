package io.liqvol.gateway.alerts;

import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import io.liqvol.engine.alerts.AlertCondition;
import io.liqvol.engine.alerts.AlertRule;
import io.liqvol.engine.alerts.Baseline;
import io.liqvol.engine.alerts.BucketMetric;
import io.liqvol.engine.alerts.InvalidRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleJsonTest
{
    @Test
    void shouldReadEveryFieldAndWriteItBackTheSame()
    {
        final AlertRule rule = read("{\"name\":\"spike\",\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],"
            + "\"condition\":\"unusual_volume\",\"metric\":\"delta_volume\",\"timeframe\":\"1M\",\"factor\":2.50,"
            + "\"baseline\":\"ewma\",\"baseline_buckets\":30,\"cooldown_ms\":5000,"
            + "\"webhook_url\":\"https://hooks.example/x?a=1\",\"side\":null}", "r1");

        assertThat(rule).isEqualTo(new AlertRule("r1", "spike", List.of("BTCUSDT", "ETHUSDT"),
            AlertCondition.UNUSUAL_VOLUME, null, BucketMetric.DELTA_VOLUME, Timeframe.MN1, null,
            new BigDecimal("2.50"), Baseline.EWMA, 30, 5000, "https://hooks.example/x?a=1"));
        assertThat(read(RuleStore.json(rule), null)).isEqualTo(rule.withId("r1"));
        assertThat(RuleStore.json(rule)).contains("\"factor\":\"2.5\"", "\"threshold\":null", "\"timeframe\":\"1M\"");
    }

    @Test
    void shouldReadTheVenuesOfARuleAndWriteThemInVenueOrder()
    {
        final String body = "{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\"";

        assertThat(read(body + "}", "r").venueMask()).isEqualTo(Venues.ALL);
        assertThat(read(body + ",\"exchange\":\"all\"}", "r").venueMask()).isEqualTo(Venues.ALL);
        assertThat(read(body + ",\"exchange\":\"okx,binance,bybit\"}", "r").venueMask()).isEqualTo(Venues.ALL);
        final AlertRule okxBybit = read(body + ",\"exchange\":\"okx,bybit\"}", "r");
        assertThat(okxBybit.venueMask()).isEqualTo(Venues.mask(Venue.BYBIT, Venue.OKX));
        assertThat(RuleJson.exchange(okxBybit)).isEqualTo("bybit,okx");
        assertThat(read(RuleStore.json(okxBybit), null)).isEqualTo(okxBybit);
        assertField(body + ",\"exchange\":\"kraken\"}", "exchange");
        assertField(body + ",\"exchange\":\"bybit,bybit\"}", "exchange");
        assertField(body + ",\"exchange\":\"\"}", "exchange");
        assertField(body + ",\"exchange\":[\"bybit\"]}", "exchange");
    }

    @Test
    void shouldReadAThresholdByItsExactText()
    {
        final AlertRule rule = read("{\"name\":\"n\",\"condition\":\"liquidation\",\"side\":\"BUY\","
            + "\"threshold\":0.10000001}", "r");

        assertThat(rule.threshold()).isEqualByComparingTo("0.10000001");
        assertThat(rule.side()).isEqualTo(Side.BUY);
    }

    @Test
    void shouldNameTheFieldOfWhatCannotBeRead()
    {
        assertField("{\"name\":5}", "name");
        assertField("{\"name\":\"n\",\"symbols\":\"BTCUSDT\"}", "symbols");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"side\":\"LONG\"}", "side");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":true}", "threshold");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"1,5\"}", "threshold");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\",\"cooldown_ms\":-1}",
            "cooldown_ms");
        assertField("{\"name\":\"n\",\"condition\":\"bucket\",\"metric\":\"volume\"}", "metric");
        assertField("{\"name\":\"n\",\"condition\":\"alarm\"}", "condition");
        assertField("{\"name\":\"n\",", "body");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\"} {}", "body");
        assertField("{\"name\":\"n\",\"condition\":\"liquidation\",\"threshold\":\"5\",\"extra\":[]}", "extra");
    }

    private static void assertField(final String json, final String field)
    {
        assertThatThrownBy(() -> read(json, "r")).isInstanceOfSatisfying(InvalidRuleException.class,
            e -> assertThat(e.field()).isEqualTo(field));
    }

    private static AlertRule read(final String json, final String id)
    {
        return RuleJson.read(json.getBytes(StandardCharsets.UTF_8), id);
    }
}
