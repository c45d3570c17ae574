package io.liqvol.gateway.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationGapLogTest
{
    @TempDir
    Path dataDir;

    private final List<String> read = new ArrayList<>();

    @Test
    void shouldHandBackTheGapsLoggedBeforeInOrder()
    {
        try (ReplicationGapLog log = ReplicationGapLog.open(dataDir))
        {
            log.read(this::onGap);
            log.append(3, 1, (7L << 32) + 5, 1_700_000_000_000L, 1_700_000_060_000L);
            log.append(0, 2, 9, 10, 20);
        }

        try (ReplicationGapLog log = ReplicationGapLog.open(dataDir))
        {
            log.read(this::onGap);
        }

        assertThat(read).containsExactly("3 1 " + ((7L << 32) + 5) + " 1700000000000-1700000060000", "0 2 9 10-20");
    }

    @Test
    void shouldIgnoreAndOverwriteATornLastRecord() throws IOException
    {
        try (ReplicationGapLog log = ReplicationGapLog.open(dataDir))
        {
            log.append(1, 0, 4, 100, 200);
        }
        Files.write(dataDir.resolve(ReplicationGapLog.FILE_NAME), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        try (ReplicationGapLog log = ReplicationGapLog.open(dataDir))
        {
            log.read(this::onGap);
            log.append(2, 0, 5, 300, 400);
        }
        try (ReplicationGapLog log = ReplicationGapLog.open(dataDir))
        {
            log.read(this::onGap);
        }

        assertThat(read).containsExactly("1 0 4 100-200", "1 0 4 100-200", "2 0 5 300-400");
        assertThat(Files.size(dataDir.resolve(ReplicationGapLog.FILE_NAME)))
            .isEqualTo(2L * ReplicationGapLog.RECORD_LENGTH);
    }

    private void onGap(final int slot, final int venue, final long journalPosition, final long fromMs, final long toMs)
    {
        read.add(slot + " " + venue + " " + journalPosition + " " + fromMs + "-" + toMs);
    }
}
