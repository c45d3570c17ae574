package io.liqvol.gateway.alerts;

import io.liqvol.engine.Venue;
import io.liqvol.engine.Venues;
import io.liqvol.engine.alerts.AlertCondition;
import io.liqvol.engine.alerts.AlertRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleStoreTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepRulesAcrossReopeningInOrderOfCreation() throws IOException
    {
        final Path file = dir.resolve("alerts").resolve("rules.json");
        final RuleStore store = RuleStore.open(file);
        assertThat(store.add(rule("a", "1"))).isTrue();
        assertThat(store.add(rule("b", "2"))).isTrue();
        assertThat(store.replace(rule("a", "3"))).isTrue();
        assertThat(store.replace(rule("c", "3"))).isFalse();
        assertThat(store.add(rule("d", "4"))).isTrue();
        assertThat(store.delete("b")).isTrue();
        assertThat(store.delete("b")).isFalse();

        final RuleStore reopened = RuleStore.open(file);
        assertThat(reopened.rules()).containsExactly(rule("a", "3"), rule("d", "4"));
        assertThat(reopened.rule("d")).isEqualTo(rule("d", "4"));
        assertThat(reopened.rule("b")).isNull();
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void shouldRefuseToStartFromAFileThatIsNotARuleFile() throws IOException
    {
        final Path file = dir.resolve("rules.json");
        Files.writeString(file, "{\"rules\":[{\"name\":\"no id\"}]}");
        assertThatThrownBy(() -> RuleStore.open(file)).isInstanceOf(IllegalArgumentException.class);
        Files.writeString(file, "{\"rules\":[{\"name\":\"cut short\"");
        assertThatThrownBy(() -> RuleStore.open(file)).isInstanceOf(IOException.class);
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> RuleStore.open(file)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldReadRulesWrittenBeforeVenuesAsWatchingEveryVenue() throws IOException
    {
        final Path file = dir.resolve("rules.json");
        // a file as written before rules named venues: no exchange field
        Files.writeString(file, "{\"rules\":[{\"id\":\"a\",\"name\":\"rule a\",\"symbols\":[],"
            + "\"condition\":\"liquidation\",\"side\":null,\"metric\":null,\"timeframe\":null,"
            + "\"threshold\":\"1\",\"factor\":null,\"baseline\":null,\"baseline_buckets\":0,\"cooldown_ms\":0,"
            + "\"webhook_url\":null}]}");

        final RuleStore store = RuleStore.open(file);

        assertThat(store.rules()).containsExactly(rule("a", "1"));
        assertThat(store.rule("a").venueMask()).isEqualTo(Venues.ALL);
        assertThat(store.add(rule("b", "2").withVenues(Venues.mask(Venue.BYBIT)))).isTrue();
        assertThat(Files.readString(file)).contains("\"exchange\":\"all\"", "\"exchange\":\"bybit\"");
        assertThat(RuleStore.open(file).rules()).containsExactly(rule("a", "1"),
            rule("b", "2").withVenues(Venues.mask(Venue.BYBIT)));
    }

    private static AlertRule rule(final String id, final String threshold)
    {
        return new AlertRule(id, "rule " + id, List.of(), AlertCondition.LIQUIDATION, null, null, null,
            new BigDecimal(threshold), null, null, 0, 0, null);
    }
}
