package io.liqvol.engine;

import java.util.Arrays;

/**
 * One decoder with its own symbols, duplicate filter and counters, and what its last frame gave: the oracle of the
 * differential test and the decoder fuzz test, which compare the scanner-first decoder with jackson alone.
 */
final class DifferentialDecoding
{
    static final int FIRST_REJECT = 4;
    static final int OUTCOMES = FIRST_REJECT + RejectReason.values().length;

    final EngineCounters counters = new EngineCounters();
    /** Room for half the symbols it names: the memory budget refuses some before the table is full. */
    final SymbolTable symbols = new SymbolTable(64, 32, counters);
    final FrameEvent event = new FrameEvent(8192);
    final FrameDecoder decoder;

    DifferentialDecoding(final boolean scannerFirst)
    {
        decoder = new FrameDecoder(symbols, new DuplicateFilter(64), counters, () -> FrameGenerator.NOW_MS,
            EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS, scannerFirst);
    }

    static String printable(final byte[] frame)
    {
        final StringBuilder text = new StringBuilder();
        for (final byte b : frame)
        {
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char)b) : String.format("\\x%02x", b & 0xFF));
        }
        return text.toString();
    }

    void decode(final byte[] frame)
    {
        event.setFrame(Venue.BINANCE, frame, 0, frame.length, 1L);
        decoder.decode(event);
    }

    /** Received, accepted, duplicates, ignored, then rejected by reason: totals so far. */
    long[] outcomes()
    {
        final long[] outcomes = new long[OUTCOMES];
        outcomes[0] = counters.received();
        outcomes[1] = counters.accepted();
        outcomes[2] = counters.duplicates();
        outcomes[3] = counters.ignored();
        for (final RejectReason reason : RejectReason.values())
        {
            outcomes[FIRST_REJECT + reason.ordinal()] = counters.rejected(reason);
        }
        return outcomes;
    }

    static String outcomeName(final int index)
    {
        return index < FIRST_REJECT ? new String[] {"received", "accepted", "duplicates", "ignored"}[index]
            : "rejected " + RejectReason.fromOrdinal(index - FIRST_REJECT).label();
    }

    boolean sameAs(final DifferentialDecoding other)
    {
        if (event.count != other.event.count || !Arrays.equals(outcomes(), other.outcomes()))
        {
            return false;
        }
        for (int i = 0; i < event.count; i++)
        {
            if (!symbols.nameOf(event.symbolId[i]).equals(other.symbols.nameOf(other.event.symbolId[i]))
                || event.side[i] != other.event.side[i]
                || event.quantityE8[i] != other.event.quantityE8[i]
                || event.priceE8[i] != other.event.priceE8[i]
                || event.tradeTimeMs[i] != other.event.tradeTimeMs[i]
                || event.eventTimeMs[i] != other.event.eventTimeMs[i])
            {
                return false;
            }
        }
        return true;
    }

    String describe()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < event.count; i++)
        {
            text.append(symbols.nameOf(event.symbolId[i])).append(' ').append(Side.fromOrdinal(event.side[i]))
                .append(" q=").append(event.quantityE8[i]).append(" p=").append(event.priceE8[i])
                .append(" T=").append(event.tradeTimeMs[i]).append(" E=").append(event.eventTimeMs[i])
                .append("; ");
        }
        final long[] outcomes = outcomes();
        for (int i = 0; i < OUTCOMES; i++)
        {
            text.append(outcomeName(i)).append('=').append(outcomes[i]).append(i + 1 < OUTCOMES ? ", " : "");
        }
        return text.toString();
    }
}
