package io.liqvol.engine.journal;

import io.liqvol.engine.GapKind;
import io.liqvol.engine.Venue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records a journal replays, newest first, as text: {@code "SYMBOL side tradeTimeMs"} (preceded by the venue's code
 * unless Binance), {@code "gap a..b"}.
 */
public final class RecordingVisitor implements JournalVisitor
{
    private final List<String> records = new ArrayList<>();

    public List<String> records()
    {
        return records;
    }

    @Override
    public void onLiquidation(
        final int venue,
        final byte[] symbol,
        final int symbolLength,
        final int side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs)
    {
        records.add((venue == 0 ? "" : Venue.fromOrdinal(venue).code() + " ")
            + new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII) + " " + side + " " + tradeTimeMs);
    }

    @Override
    public void onGap(final long fromMs, final long toMs, final GapKind kind)
    {
        records.add((kind == GapKind.UPSTREAM ? "gap " : kind.code() + " gap ") + fromMs + ".." + toMs);
    }
}
