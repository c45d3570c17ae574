package io.liqvol.engine.journal;

import java.nio.file.Path;

/**
 * The journal's state for a health report: where it is, how many segments it has, how many records the segment
 * being written holds, its durability settings, what recovery found on launch, why it cannot grow (null while it
 * can) and how often it could not, the records it could not journal meanwhile and the gaps it journaled to disclose
 * them, the rolls that had to wait for their segment, and the bytes free on its filesystem (-1 if unknown).
 */
public record JournalStatus(
    Path dataDir,
    int segments,
    long newestSegmentRecords,
    long fsyncIntervalMs,
    long retentionMs,
    RecoveryReport recovery,
    JournalFailure failure,
    long failures,
    long unjournaledRecords,
    long journalGaps,
    long rollStalls,
    long freeBytes)
{
}
