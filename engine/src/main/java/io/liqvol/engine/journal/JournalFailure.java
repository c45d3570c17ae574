package io.liqvol.engine.journal;

/**
 * Why the journal cannot prepare its next segment (typically a full disk: {@code "No space left on device"}) and
 * since when. While it lasts the writer fills the segment it has; once that is full, liquidations are published
 * without being journaled and counted ({@link JournalStatus#unjournaledRecords()}) until space returns.
 */
public record JournalFailure(String reason, long sinceMs)
{
    /** The failure {@code cause} describes, in its own words: what clients see in /health names no Java class. */
    static JournalFailure of(final Throwable cause, final long sinceMs)
    {
        final String message = cause.getMessage();
        return new JournalFailure(message == null || message.isBlank() ? "the journal cannot grow" : message, sinceMs);
    }
}
