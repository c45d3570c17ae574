/**
 * The durable journal, independent of the engine's internals: {@code Journal} owns a data directory of
 * memory-mapped {@code JournalSegment}s laid out by {@code JournalDescriptor}.
 * <ul>
 *     <li>Writing: {@code JournalPreparer}'s thread allocates the next segment ({@code SegmentAllocation}: real
 *     blocks, never a sparse file), touches pages ahead of the writer and hands sealed segments to the roll-up, so
 *     the stage thread never faults, opens a file or wakes a thread; {@code JournalFailure} is what it reports when
 *     it cannot (a full disk).</li>
 *     <li>Recovery: {@code JournalRecovery} hands every valid record to a {@code JournalVisitor}, newest first, and
 *     reports what it found in a {@code RecoveryReport}; {@code JournalStatus} is the journal's health.</li>
 *     <li>History: {@code JournalHistory} keeps a {@code Rollup} per segment ({@code LiveRollup} while written,
 *     {@code MappedRollup} once {@code RollupFileWriter} has persisted it as {@code RollupDescriptor} lays out)
 *     and sums them into a {@code HistoryRange}, handed out through {@code TotalsConsumer};
 *     {@code RollupValues} is the arithmetic of their totals.</li>
 * </ul>
 */
package io.liqvol.engine.journal;
