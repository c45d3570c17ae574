package io.liqvol.engine;

import org.agrona.DirectBuffer;

/**
 * A preallocated ring slot. The producer fills the input part (a raw frame, a decoded liquidation from an embedder,
 * or a gap); the decode stage fills the liquidations; the aggregate stage marks which buckets it changed.
 * Each field has one writing stage, and later stages read it only after the Disruptor's sequence barrier.
 */
final class FrameEvent
{
    /** An upstream frame holds one event, or a small array of them; more is rejected as a whole. */
    static final int MAX_LIQUIDATIONS = 16;

    static final int KIND_FRAME = 0;
    static final int KIND_LIQUIDATION = 1;
    /** Kinds from here on carry no liquidation (one comparison on the hot path tells them apart). */
    static final int KIND_GAP = 2;
    /** The engine is alive: the journal stage marks the time in its segment (no record, no liquidation). */
    static final int KIND_HEARTBEAT = 3;
    /** An interval whose liquidations were imported: recorded, though not live (its bounds in the gap fields). */
    static final int KIND_HISTORY = 4;

    // Input, written by the producer.
    int kind;
    /** The ordinal of the {@link Venue} the input came from. */
    int inputVenue;
    final byte[] frame;
    int frameLength;
    boolean oversized;
    long receiveTimeNs;
    String inputSymbol;
    Side inputSide;
    long inputQuantityE8;
    long inputPriceE8;
    long inputTradeTimeMs;
    long inputEventTimeMs;
    long gapFromMs;
    long gapToMs;
    GapKind gapKind;

    // Accepted liquidations, written by the decode stage.
    int count;
    /** Per liquidation, the ordinal of its {@link Venue}. */
    final byte[] venue = new byte[MAX_LIQUIDATIONS];
    final int[] symbolId = new int[MAX_LIQUIDATIONS];
    final int[] side = new int[MAX_LIQUIDATIONS];
    final long[] quantityE8 = new long[MAX_LIQUIDATIONS];
    final long[] priceE8 = new long[MAX_LIQUIDATIONS];
    final long[] tradeTimeMs = new long[MAX_LIQUIDATIONS];
    final long[] eventTimeMs = new long[MAX_LIQUIDATIONS];

    // Written by the aggregate stage: bit t set when it added liquidation i to its bucket of timeframe ordinal t,
    // and then that bucket's index at [i * timeframes + t], so the publish stage need not compute it again.
    final int[] appliedTimeframes = new int[MAX_LIQUIDATIONS];
    final int[] bucketIndex = new int[MAX_LIQUIDATIONS * Timeframe.count()];

    FrameEvent(final int maxFrameBytes)
    {
        frame = new byte[maxFrameBytes];
    }

    void setFrame(
        final Venue venue, final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        if (beginFrame(venue, length, receiveTimeNs))
        {
            buffer.getBytes(offset, frame, 0, length);
        }
    }

    void setFrame(
        final Venue venue, final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        if (beginFrame(venue, length, receiveTimeNs))
        {
            System.arraycopy(bytes, offset, frame, 0, length);
        }
    }

    /** False when the frame does not fit: it is then marked oversized and not copied. */
    private boolean beginFrame(final Venue venue, final int length, final long receiveTimeNs)
    {
        kind = KIND_FRAME;
        inputVenue = venue.ordinal();
        this.receiveTimeNs = receiveTimeNs;
        inputSymbol = null;
        oversized = length > frame.length;
        frameLength = oversized ? 0 : length;
        return !oversized;
    }

    void setLiquidation(
        final Venue venue,
        final String symbol,
        final Side side,
        final long quantityE8,
        final long priceE8,
        final long tradeTimeMs,
        final long eventTimeMs,
        final long receiveTimeNs)
    {
        kind = KIND_LIQUIDATION;
        inputVenue = venue.ordinal();
        this.receiveTimeNs = receiveTimeNs;
        inputSymbol = symbol;
        inputSide = side;
        inputQuantityE8 = quantityE8;
        inputPriceE8 = priceE8;
        inputTradeTimeMs = tradeTimeMs;
        inputEventTimeMs = eventTimeMs;
    }

    void setGap(final long fromMs, final long toMs, final GapKind gapKind, final Venue venue)
    {
        kind = KIND_GAP;
        inputSymbol = null;
        inputVenue = venue.ordinal();
        gapFromMs = fromMs;
        gapToMs = toMs;
        this.gapKind = gapKind;
    }

    void setHistory(final long fromMs, final long toMs)
    {
        kind = KIND_HISTORY;
        inputSymbol = null;
        gapFromMs = fromMs;
        gapToMs = toMs;
    }

    void setHeartbeat()
    {
        kind = KIND_HEARTBEAT;
        inputSymbol = null;
    }

    /** Notional of liquidation i, high word of the E16 product. */
    long notionalHigh(final int i)
    {
        return Math.multiplyHigh(quantityE8[i], priceE8[i]);
    }

    /** Notional of liquidation i, low word of the E16 product. */
    long notionalLow(final int i)
    {
        return quantityE8[i] * priceE8[i];
    }
}
