package io.liqvol.engine.journal;

import java.util.List;

/**
 * What the engine found in its journal on start: records replayed, corrupt records skipped in the middle (each
 * named as {@code segment#record}, at most a hundred), and records of a torn tail that were cut off.
 */
public record RecoveryReport(
    int segments,
    long liquidations,
    long gaps,
    long corruptRecords,
    List<String> corruptions,
    long truncatedRecords,
    long elapsedNs)
{
    public static final RecoveryReport NONE = new RecoveryReport(0, 0, 0, 0, List.of(), 0, 0);
}
