package io.liqvol.engine.journal;

/** Receives the records a {@link JournalTailer} reads, oldest first, each with its place in the journal. */
public interface JournalTailHandler
{
    /** {@code symbol[0, symbolLength)}, ASCII, is only valid during the call; {@code venue} is a Venue ordinal. */
    void onLiquidation(
        long segment,
        int record,
        int venue,
        int side,
        byte[] symbol,
        int symbolLength,
        long tradeTimeMs,
        long eventTimeMs,
        long quantityE8,
        long priceE8);

    /** {@code venue} is a Venue ordinal (Binance for gaps written before venues), {@code kind} a GapKind ordinal. */
    void onGap(long segment, int record, int venue, int kind, long fromMs, long toMs);
}
