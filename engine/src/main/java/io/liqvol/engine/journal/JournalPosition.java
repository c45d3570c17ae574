package io.liqvol.engine.journal;

/**
 * A record's place in the journal: the segment's number and the record's index in it. Segment numbers only grow and a
 * record never moves, so a position stays meaningful across rolls and restarts until retention removes its segment.
 */
public record JournalPosition(long segment, int record)
{
}
