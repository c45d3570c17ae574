package io.liqvol.engine.journal;

import io.liqvol.engine.GapKind;

/** Receives the valid records of a journal, newest first (the reverse of the order they were written in). */
public interface JournalVisitor
{
    /**
     * {@code symbol[0, symbolLength)}, ASCII, is only valid during the call; {@code venue} is the ordinal of
     * {@code io.liqvol.engine.Venue} (Binance for records written before venues), {@code side} that of {@code Side}.
     */
    void onLiquidation(
        int venue,
        byte[] symbol,
        int symbolLength,
        int side,
        long quantityE8,
        long priceE8,
        long tradeTimeMs,
        long eventTimeMs);

    void onGap(long fromMs, long toMs, GapKind kind);

    /**
     * A gap of the venue of ordinal {@code venue} (Binance for gaps written before venues); a visitor that does not
     * tell venues apart takes it as any gap.
     */
    default void onGap(final int venue, final long fromMs, final long toMs, final GapKind kind)
    {
        onGap(fromMs, toMs, kind);
    }
}
