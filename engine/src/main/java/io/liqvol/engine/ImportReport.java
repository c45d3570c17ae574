package io.liqvol.engine;

import java.util.List;

/**
 * The outcome of an import: data rows read (headers not counted), rows imported into the journal, rows already
 * recorded (in the journal or earlier in the import), and rows rejected, with the first
 * {@link LiquidationImporter#MAX_REPORTED_REJECTS} of them by file and line.
 */
public record ImportReport(long rowsRead, long imported, long duplicates, long rejected, List<RejectedRow> rejects)
{
    /** A row that was not imported: the file (a zip entry as {@code archive!entry}), its 1-based line, and why. */
    public record RejectedRow(String file, long line, String reason)
    {
    }
}
