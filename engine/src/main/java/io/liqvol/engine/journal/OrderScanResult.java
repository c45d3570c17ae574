package io.liqvol.engine.journal;

/**
 * Where an order scan stopped: {@code next} is where the next scan in the same direction starts (the next matching
 * record, or where the scan's record budget ran out), null once the journal holds no further match;
 * {@code skippedRemoved} says the scan started past segments that retention had removed since its position was given.
 */
public record OrderScanResult(JournalPosition next, boolean skippedRemoved)
{
}
