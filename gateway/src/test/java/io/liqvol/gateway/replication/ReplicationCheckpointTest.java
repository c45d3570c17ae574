package io.liqvol.gateway.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationCheckpointTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEachRecordersPositionAcrossReopeningFoundByItsEndpoint()
    {
        try (ReplicationCheckpoint checkpoint = ReplicationCheckpoint.open(dataDir))
        {
            final int first = checkpoint.slotOf("10.0.0.1:8010");
            final int second = checkpoint.slotOf("10.0.0.2:8010");
            assertThat(first).isNotEqualTo(second);
            assertThat(checkpoint.recordingId(first)).isEqualTo(-1);
            assertThat(checkpoint.journalPosition(first)).isEqualTo(-1);
            checkpoint.store(first, 3, 1_700_000_000_000L, 4_096, 77);
            checkpoint.store(second, 5, 1_700_000_000_001L, 8_192, 99);
        }

        try (ReplicationCheckpoint checkpoint = ReplicationCheckpoint.open(dataDir))
        {
            final int second = checkpoint.slotOf("10.0.0.2:8010");
            final int first = checkpoint.slotOf("10.0.0.1:8010");

            assertThat(checkpoint.recordingId(first)).isEqualTo(3);
            assertThat(checkpoint.startTimeMs(first)).isEqualTo(1_700_000_000_000L);
            assertThat(checkpoint.position(first)).isEqualTo(4_096);
            assertThat(checkpoint.journalPosition(first)).isEqualTo(77);
            assertThat(checkpoint.recordingId(second)).isEqualTo(5);
            assertThat(checkpoint.position(second)).isEqualTo(8_192);
            assertThat(checkpoint.journalPosition(second)).isEqualTo(99);
            assertThat(checkpoint.slotOf("10.0.0.3:8010")).isNotIn(first, second);
        }
    }
}
