/**
 * The durable journal, independent of the engine's internals: {@code Journal} owns a data directory of
 * memory-mapped {@code JournalSegment}s laid out by {@code JournalDescriptor}.
 * <ul>
 *     <li>Recovery: {@code JournalRecovery} hands every valid record to a {@code JournalVisitor}, newest first, and
 *     reports what it found in a {@code RecoveryReport}; {@code JournalStatus} is the journal's health.</li>
 *     <li>History: {@code JournalHistory} keeps a {@code Rollup} per segment ({@code LiveRollup} while written,
 *     {@code MappedRollup} once {@code RollupFileWriter} has persisted it as {@code RollupDescriptor} lays out)
 *     and sums them into a {@code HistoryRange}, handed out through {@code TotalsConsumer};
 *     {@code RollupValues} is the arithmetic of their totals.</li>
 * </ul>
 */
package io.liqvol.engine.journal;
