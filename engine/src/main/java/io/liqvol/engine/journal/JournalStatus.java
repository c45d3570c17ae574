package io.liqvol.engine.journal;

import java.nio.file.Path;

/**
 * The journal's state for a health report: where it is, how many segments it has, how many records the segment
 * being written holds, its durability settings, what recovery found on launch, why it cannot grow (null while it
 * can), the liquidations it could not record meanwhile, and the rolls that had to wait for their segment.
 */
public record JournalStatus(
    Path dataDir,
    int segments,
    long newestSegmentRecords,
    long fsyncIntervalMs,
    long retentionMs,
    RecoveryReport recovery,
    JournalFailure failure,
    long unjournaledRecords,
    long rollStalls)
{
}
