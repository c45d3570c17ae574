package io.liqvol.engine.journal;

import java.nio.file.Path;

/**
 * The journal's state for a health report: where it is, how many segments it has, how many records the segment
 * being written holds, its durability settings, and what recovery found on launch.
 */
public record JournalStatus(
    Path dataDir,
    int segments,
    long newestSegmentRecords,
    long fsyncIntervalMs,
    long retentionMs,
    RecoveryReport recovery)
{
}
