package io.liqvol.gateway.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest
{
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEventsAcrossReopeningAndAnswerTheNewestFirst() throws IOException
    {
        final Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(file, DAY_MS, 1_000))
        {
            for (int id = 1; id <= 4; id++)
            {
                log.append(stored(id, id % 2 == 0 ? "even" : "odd", 1_000 + id));
            }
            log.force();
        }
        try (EventLog log = EventLog.open(file, DAY_MS, 2_000))
        {
            assertThat(log.lastId()).isEqualTo(4);
            assertThat(log.newest(0, Long.MAX_VALUE, 10, null)).extracting(EventLog.Stored::id)
                .containsExactly(4L, 3L, 2L, 1L);
            assertThat(log.newest(0, Long.MAX_VALUE, 10, "even")).extracting(EventLog.Stored::id)
                .containsExactly(4L, 2L);
            assertThat(log.newest(1_002, 1_004, 10, null)).extracting(EventLog.Stored::id).containsExactly(3L, 2L);
            assertThat(log.newest(0, Long.MAX_VALUE, 1, null)).extracting(EventLog.Stored::json)
                .containsExactly(stored(4, "even", 1_004).json());
        }
    }

    @Test
    void shouldDropALineCutShortByACrash() throws IOException
    {
        final Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(file, 0, 1_000))
        {
            log.append(stored(1, "r", 1_000));
        }
        Files.writeString(file, "{\"type\":\"alert\",\"id\":2,\"rule_id\":\"r\",\"fir", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        try (EventLog log = EventLog.open(file, 0, 1_000))
        {
            assertThat(log.size()).isEqualTo(1);
            log.append(stored(2, "r", 1_001));
        }
        assertThat(Files.readAllLines(file))
            .containsExactly(stored(1, "r", 1_000).json(), stored(2, "r", 1_001).json());
    }

    @Test
    void shouldForgetEventsOlderThanTheRetention() throws IOException
    {
        final Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open(file, DAY_MS, 0))
        {
            log.append(stored(1, "r", 1_000));
            log.append(stored(2, "r", 2 * DAY_MS));
            assertThat(log.size()).isEqualTo(1);
        }
        try (EventLog log = EventLog.open(file, DAY_MS, 3 * DAY_MS + 1))
        {
            assertThat(log.size()).isZero();
            assertThat(log.lastId()).isZero();
        }
        assertThat(Files.size(file)).isZero();
    }

    private static EventLog.Stored stored(final long id, final String ruleId, final long firedAtMs)
    {
        return new EventLog.Stored(id, ruleId, firedAtMs, "{\"type\":\"alert\",\"id\":" + id + ",\"rule_id\":\""
            + ruleId + "\",\"value\":\"1.5\",\"fired_at\":" + firedAtMs + "}");
    }
}
