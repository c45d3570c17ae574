package io.liqvol.engine;

import org.agrona.concurrent.EpochClock;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes a {@link FrameEvent} into accepted liquidations and counts what happened. A raw frame is read by the
 * {@link CanonicalFrameReader} if it is laid out exactly as Binance sends it, else by the strict
 * {@link FrameScanner} when it can be, else by the {@link JacksonFrameParser}; all read it the same way into one
 * {@link PendingBatch}, which commits only if the frame is complete. A frame from Bybit or OKX is read by its venue's
 * reader ({@link BybitFrameReader}, {@link OkxFrameReader}) into the same batch. Embedder input is validated here.
 * Decode thread only.
 */
final class FrameDecoder
{
    /** How deep a {@code "data"} wrapper may nest: an object or array at this depth holds no further wrapper. */
    static final int MAX_WRAPPER_DEPTH = 2;
    private static final int BINANCE = Venue.BINANCE.ordinal();
    private static final int BYBIT = Venue.BYBIT.ordinal();

    private final SymbolTable symbols;
    private final EngineCounters counters;
    private final TimeWindow timeWindow;
    private final PendingBatch batch;
    private final CanonicalFrameReader canonical;
    private final FrameScanner scanner;
    private final JacksonFrameParser jackson;
    private final BybitFrameReader bybit;
    private final OkxFrameReader okx;
    private final byte[] symbolBytes = new byte[SymbolTable.MAX_SYMBOL_LENGTH];
    private long scannedFrames;
    private long canonicalFrames;

    FrameDecoder(
        final SymbolTable symbols,
        final DuplicateFilter duplicates,
        final EngineCounters counters,
        final EpochClock epochClock,
        final long minTimeMs,
        final long maxFutureSkewMs)
    {
        this(symbols, duplicates, counters, epochClock, minTimeMs, maxFutureSkewMs, true);
    }

    /** With {@code scannerFirst} false every frame goes through jackson: the reference the strict readers match. */
    FrameDecoder(
        final SymbolTable symbols,
        final DuplicateFilter duplicates,
        final EngineCounters counters,
        final EpochClock epochClock,
        final long minTimeMs,
        final long maxFutureSkewMs,
        final boolean scannerFirst)
    {
        this(symbols, duplicates, counters, epochClock, minTimeMs, maxFutureSkewMs, scannerFirst,
            new AtomicReference<>(InstrumentTable.EMPTY));
    }

    /** {@code instruments}: the venues' instruments as last registered, read once per frame. */
    FrameDecoder(
        final SymbolTable symbols,
        final DuplicateFilter duplicates,
        final EngineCounters counters,
        final EpochClock epochClock,
        final long minTimeMs,
        final long maxFutureSkewMs,
        final boolean scannerFirst,
        final AtomicReference<InstrumentTable> instruments)
    {
        this.symbols = symbols;
        this.counters = counters;
        this.timeWindow = new TimeWindow(epochClock, minTimeMs, maxFutureSkewMs);
        this.batch = new PendingBatch(symbols, duplicates, counters);
        final OrderValidator order = new OrderValidator(timeWindow);
        this.canonical = scannerFirst ? new CanonicalFrameReader(order, batch) : null;
        this.scanner = scannerFirst ? new FrameScanner(order, batch) : null;
        this.jackson = new JacksonFrameParser(new OrderValidator(timeWindow), batch);
        this.bybit = new BybitFrameReader(order, batch, instruments);
        this.okx = new OkxFrameReader(order, batch, instruments);
    }

    /** Fills {@code event}'s liquidations (its count may be 0) and counts what happened. */
    void decode(final FrameEvent event)
    {
        event.count = 0;
        if (event.kind >= FrameEvent.KIND_GAP)
        {
            return;
        }
        counters.incrementReceived(event.inputVenue);
        if (event.kind == FrameEvent.KIND_LIQUIDATION)
        {
            decodeInput(event);
            return;
        }
        if (event.oversized)
        {
            counters.incrementRejected(event.inputVenue, RejectReason.OVERSIZED_FRAME);
            return;
        }
        batch.begin();
        if (event.inputVenue != BINANCE)
        {
            if (!readVenueFrame(event))
            {
                counters.incrementRejected(event.inputVenue, RejectReason.MALFORMED_JSON);
                return;
            }
        }
        else if (canonical != null && canonical.read(event.frame, event.frameLength))
        {
            canonicalFrames++;
            scannedFrames++;
        }
        else if (scanner != null && scanner.scan(event.frame, event.frameLength))
        {
            scannedFrames++;
        }
        else
        {
            batch.begin();
            if (!jackson.parse(event.frame, event.frameLength))
            {
                counters.incrementRejected(event.inputVenue, RejectReason.MALFORMED_JSON);
                return;
            }
        }
        if (batch.tooMany())
        {
            counters.incrementRejected(event.inputVenue, RejectReason.TOO_MANY_IN_FRAME);
            return;
        }
        batch.commit(event);
    }

    private boolean readVenueFrame(final FrameEvent event)
    {
        return event.inputVenue == BYBIT
            ? bybit.read(event.frame, event.frameLength)
            : okx.read(event.frame, event.frameLength);
    }

    /** Raw frames the strict readers read whole, without jackson. */
    long scannedFrames()
    {
        return scannedFrames;
    }

    /** Of those, the frames laid out exactly as Binance sends them. */
    long canonicalFrames()
    {
        return canonicalFrames;
    }

    private void decodeInput(final FrameEvent event)
    {
        final String symbol = event.inputSymbol;
        final int length = symbol == null ? 0 : symbol.length();
        if (length == 0 || length > SymbolTable.MAX_SYMBOL_LENGTH)
        {
            counters.incrementRejected(event.inputVenue, RejectReason.INVALID_SYMBOL);
            return;
        }
        AsciiText.copy(symbol, symbolBytes);
        if (event.inputSide == null)
        {
            counters.incrementRejected(event.inputVenue, RejectReason.INVALID_SIDE);
            return;
        }
        if (event.inputQuantityE8 <= 0 || event.inputPriceE8 <= 0)
        {
            counters.incrementRejected(event.inputVenue, RejectReason.NON_POSITIVE);
            return;
        }
        final long timeMs = event.inputTradeTimeMs > 0 ? event.inputTradeTimeMs : event.inputEventTimeMs;
        if (timeWindow.isAbsurd(timeMs))
        {
            counters.incrementRejected(event.inputVenue, RejectReason.ABSURD_TIMESTAMP);
            return;
        }
        final int symbolId = symbols.intern(event.inputVenue, symbolBytes, 0, length);
        if (symbolId < 0)
        {
            batch.rejectSymbol(event.inputVenue, symbolId);
            return;
        }
        event.venue[0] = (byte)event.inputVenue;
        event.symbolId[0] = symbolId;
        event.side[0] = event.inputSide.ordinal();
        event.quantityE8[0] = event.inputQuantityE8;
        event.priceE8[0] = event.inputPriceE8;
        event.tradeTimeMs[0] = timeMs;
        event.eventTimeMs[0] = event.inputEventTimeMs > 0 ? event.inputEventTimeMs : timeMs;
        batch.acceptIfNew(event, 0);
    }
}
