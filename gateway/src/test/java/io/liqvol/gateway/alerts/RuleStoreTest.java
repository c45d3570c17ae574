package io.liqvol.gateway.alerts;

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

    private static AlertRule rule(final String id, final String threshold)
    {
        return new AlertRule(id, "rule " + id, List.of(), AlertCondition.LIQUIDATION, null, null, null,
            new BigDecimal(threshold), null, null, 0, 0, null);
    }
}
