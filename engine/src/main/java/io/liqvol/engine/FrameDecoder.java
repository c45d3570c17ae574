package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Decodes a {@link FrameEvent} into accepted liquidations: the raw {@code forceOrder} event, the combined-stream
 * wrapper {@code {"stream":…,"data":…}}, and arrays of events. Subscription acks and other event types are ignored;
 * malformed input is counted by reason. One non-blocking jackson parser is fed frame after frame, so decoding a
 * valid frame allocates nothing; a malformed frame costs a fresh parser. Decode thread only.
 */
final class FrameDecoder
{
    private static final int MAX_DEPTH = 2;
    private static final int ABSENT = -1;
    private static final int MAX_TIME_DIGITS = 15;

    private final JsonFactory jsonFactory = new JsonFactory();
    private final SymbolTable symbols;
    private final DuplicateFilter duplicates;
    private final EngineCounters counters;
    private final EpochClock epochClock;
    private final long minTimeMs;
    private final long maxFutureSkewMs;

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean truncated;

    // The liquidations of the frame being decoded, validated but not yet interned or deduplicated.
    private int pendingCount;
    private final char[][] pendingSymbol = new char[FrameEvent.MAX_LIQUIDATIONS][SymbolTable.MAX_SYMBOL_LENGTH];
    private final int[] pendingSymbolLength = new int[FrameEvent.MAX_LIQUIDATIONS];
    private final int[] pendingSides = new int[FrameEvent.MAX_LIQUIDATIONS];
    /** Per pending liquidation: quantityE8, priceE8, tradeTimeMs, eventTimeMs. */
    private final long[] pendingValues = new long[FrameEvent.MAX_LIQUIDATIONS * 4];
    private final int[] pendingRejects = new int[RejectReason.values().length];
    private int pendingIgnored;
    private boolean tooMany;

    // Fields of the "o" object being read: ABSENT, a value >= 0, or an error code (see error()).
    private boolean orderSeen;
    private final char[] symbolChars = new char[SymbolTable.MAX_SYMBOL_LENGTH];
    private int symbolLength;
    private boolean symbolInvalid;
    private int side;
    private long quantity;
    private long filledQuantity;
    private long price;
    private long averagePrice;
    private long tradeTime;

    FrameDecoder(
        final SymbolTable symbols,
        final DuplicateFilter duplicates,
        final EngineCounters counters,
        final EpochClock epochClock,
        final long minTimeMs,
        final long maxFutureSkewMs)
    {
        this.symbols = symbols;
        this.duplicates = duplicates;
        this.counters = counters;
        this.epochClock = epochClock;
        this.minTimeMs = minTimeMs;
        this.maxFutureSkewMs = maxFutureSkewMs;
        resetParser();
    }

    /** Fills {@code event}'s liquidations (its count may be 0) and counts what happened. */
    void decode(final FrameEvent event)
    {
        event.count = 0;
        if (event.kind == FrameEvent.KIND_GAP)
        {
            return;
        }
        counters.incrementReceived();
        if (event.kind == FrameEvent.KIND_LIQUIDATION)
        {
            decodeInput(event);
            return;
        }
        if (event.oversized)
        {
            counters.incrementRejected(RejectReason.OVERSIZED_FRAME);
            return;
        }
        beginFrame();
        if (!parseFrame(event))
        {
            counters.incrementRejected(RejectReason.MALFORMED_JSON);
            resetParser();
            return;
        }
        if (tooMany)
        {
            counters.incrementRejected(RejectReason.TOO_MANY_IN_FRAME);
            return;
        }
        commitFrame(event);
    }

    private void decodeInput(final FrameEvent event)
    {
        final String symbol = event.inputSymbol;
        final int length = symbol == null ? 0 : symbol.length();
        if (length == 0 || length > SymbolTable.MAX_SYMBOL_LENGTH)
        {
            counters.incrementRejected(RejectReason.INVALID_SYMBOL);
            return;
        }
        symbol.getChars(0, length, symbolChars, 0);
        if (event.inputSide == null)
        {
            counters.incrementRejected(RejectReason.INVALID_SIDE);
            return;
        }
        if (event.inputQuantityE8 <= 0 || event.inputPriceE8 <= 0)
        {
            counters.incrementRejected(RejectReason.NON_POSITIVE);
            return;
        }
        final long timeMs = event.inputTradeTimeMs > 0 ? event.inputTradeTimeMs : event.inputEventTimeMs;
        if (isAbsurd(timeMs))
        {
            counters.incrementRejected(RejectReason.ABSURD_TIMESTAMP);
            return;
        }
        final int symbolId = symbols.intern(symbolChars, 0, length);
        if (symbolId < 0)
        {
            counters.incrementRejected(
                symbolId == SymbolTable.FULL ? RejectReason.SYMBOL_TABLE_FULL : RejectReason.INVALID_SYMBOL);
            return;
        }
        event.symbolId[0] = symbolId;
        event.side[0] = event.inputSide.ordinal();
        event.quantityE8[0] = event.inputQuantityE8;
        event.priceE8[0] = event.inputPriceE8;
        event.tradeTimeMs[0] = timeMs;
        event.eventTimeMs[0] = event.inputEventTimeMs > 0 ? event.inputEventTimeMs : timeMs;
        acceptIfNew(event, 0);
    }

    private void beginFrame()
    {
        pendingCount = 0;
        pendingIgnored = 0;
        tooMany = false;
        truncated = false;
        Arrays.fill(pendingRejects, 0);
    }

    /** False if the frame is not one complete JSON value; what it held is then discarded. */
    private boolean parseFrame(final FrameEvent event)
    {
        try
        {
            feeder.feedInput(event.frame, 0, event.frameLength);
            final JsonToken root = next();
            final boolean complete;
            if (root == JsonToken.START_OBJECT)
            {
                complete = parseObject(event, 0);
            }
            else if (root == JsonToken.START_ARRAY)
            {
                complete = parseEventArray(event, 0);
            }
            else
            {
                return false;
            }
            return complete && parser.nextToken() == JsonToken.NOT_AVAILABLE;
        }
        catch (final IOException | RuntimeException ex)
        {
            return false;
        }
    }

    private boolean parseEventArray(final FrameEvent event, final int depth) throws IOException
    {
        while (true)
        {
            final JsonToken token = next();
            if (token == JsonToken.END_ARRAY)
            {
                return true;
            }
            if (token == JsonToken.START_OBJECT)
            {
                if (!parseObject(event, depth + 1))
                {
                    return false;
                }
            }
            else if (truncated || !skipValue(token))
            {
                return false;
            }
            else
            {
                pendingIgnored++;
            }
        }
    }

    /** Reads an object whose START_OBJECT was consumed: an event, a combined-stream wrapper or an ack. */
    private boolean parseObject(final FrameEvent event, final int depth) throws IOException
    {
        boolean forceOrder = false;
        boolean otherEvent = false;
        boolean wrapped = false;
        long eventTime = ABSENT;
        orderSeen = false;
        while (true)
        {
            final JsonToken value = nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                break;
            }
            switch (parser.currentName())
            {
                case "e":
                    forceOrder = value == JsonToken.VALUE_STRING && textEquals("forceOrder");
                    otherEvent = !forceOrder;
                    break;
                case "E":
                    eventTime = parseMillis(value);
                    break;
                case "o":
                    if (value != JsonToken.START_OBJECT || !parseOrder())
                    {
                        return false;
                    }
                    break;
                case "data":
                    if (depth >= MAX_DEPTH)
                    {
                        return false;
                    }
                    wrapped = true;
                    if (value == JsonToken.START_OBJECT)
                    {
                        if (!parseObject(event, depth + 1))
                        {
                            return false;
                        }
                    }
                    else if (value == JsonToken.START_ARRAY)
                    {
                        if (!parseEventArray(event, depth + 1))
                        {
                            return false;
                        }
                    }
                    else if (!skipValue(value))
                    {
                        return false;
                    }
                    break;
                default:
                    if (!skipValue(value))
                    {
                        return false;
                    }
            }
        }
        if (forceOrder)
        {
            addPending(eventTime);
        }
        else if (otherEvent || !wrapped)
        {
            pendingIgnored++;
        }
        return true;
    }

    private boolean parseOrder() throws IOException
    {
        orderSeen = true;
        symbolLength = ABSENT;
        symbolInvalid = false;
        side = ABSENT;
        quantity = ABSENT;
        filledQuantity = ABSENT;
        price = ABSENT;
        averagePrice = ABSENT;
        tradeTime = ABSENT;
        while (true)
        {
            final JsonToken value = nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                return true;
            }
            switch (parser.currentName())
            {
                case "s":
                    readSymbol(value);
                    break;
                case "S":
                    side = value != JsonToken.VALUE_STRING ? Integer.MIN_VALUE
                        : textEquals("BUY") ? Side.BUY.ordinal()
                        : textEquals("SELL") ? Side.SELL.ordinal() : Integer.MIN_VALUE;
                    break;
                case "q":
                    quantity = parseDecimal(value);
                    break;
                case "z":
                    filledQuantity = parseDecimal(value);
                    break;
                case "p":
                    price = parseDecimal(value);
                    break;
                case "ap":
                    averagePrice = parseDecimal(value);
                    break;
                case "T":
                    tradeTime = parseMillis(value);
                    break;
                default:
                    if (!skipValue(value))
                    {
                        return false;
                    }
            }
        }
    }

    /** Validates the order just read, following docs/API.md §1's fallbacks, and queues it or its reject reason. */
    private void addPending(final long eventTime)
    {
        final RejectReason reason = validateOrder(eventTime);
        if (reason != null)
        {
            pendingRejects[reason.ordinal()]++;
            return;
        }
        if (pendingCount == FrameEvent.MAX_LIQUIDATIONS)
        {
            tooMany = true;
            return;
        }
        final int i = pendingCount++;
        System.arraycopy(symbolChars, 0, pendingSymbol[i], 0, symbolLength);
        pendingSymbolLength[i] = symbolLength;
        pendingValues[i * 4] = fallback(filledQuantity, quantity);
        pendingValues[i * 4 + 1] = fallback(averagePrice, price);
        pendingValues[i * 4 + 2] = tradeTime > 0 ? tradeTime : eventTime;
        pendingValues[i * 4 + 3] = eventTime > 0 ? eventTime : tradeTime;
        pendingSides[i] = side;
    }

    private RejectReason validateOrder(final long eventTime)
    {
        if (!orderSeen || symbolLength == ABSENT || side == ABSENT)
        {
            return RejectReason.MISSING_FIELD;
        }
        if (symbolInvalid)
        {
            return RejectReason.INVALID_SYMBOL;
        }
        if (side < 0)
        {
            return RejectReason.INVALID_SIDE;
        }
        final RejectReason quantityReason = checkAmount(filledQuantity, quantity);
        if (quantityReason != null)
        {
            return quantityReason;
        }
        final RejectReason priceReason = checkAmount(averagePrice, price);
        if (priceReason != null)
        {
            return priceReason;
        }
        if (tradeTime < ABSENT)
        {
            return reasonOf(tradeTime);
        }
        if (eventTime < ABSENT)
        {
            return reasonOf(eventTime);
        }
        final long timeMs = tradeTime > 0 ? tradeTime : eventTime;
        if (timeMs == ABSENT)
        {
            return RejectReason.MISSING_FIELD;
        }
        return isAbsurd(timeMs) ? RejectReason.ABSURD_TIMESTAMP : null;
    }

    /**
     * The preferred value ({@code z}, {@code ap}) when present and positive, else the fallback ({@code q},
     * {@code p}).
     */
    private static RejectReason checkAmount(final long preferred, final long fallback)
    {
        if (preferred < ABSENT)
        {
            return reasonOf(preferred);
        }
        if (preferred > 0)
        {
            return null;
        }
        if (fallback < ABSENT)
        {
            return reasonOf(fallback);
        }
        if (fallback == ABSENT)
        {
            return preferred == ABSENT ? RejectReason.MISSING_FIELD : RejectReason.NON_POSITIVE;
        }
        return fallback == 0 ? RejectReason.NON_POSITIVE : null;
    }

    /** Error codes sit below ABSENT so that one long carries a value, its absence or why it is bad. */
    private static long error(final RejectReason reason)
    {
        return -2L - reason.ordinal();
    }

    private static RejectReason reasonOf(final long errorCode)
    {
        return RejectReason.fromOrdinal((int)(-2L - errorCode));
    }

    private static long fallback(final long preferred, final long fallback)
    {
        return preferred > 0 ? preferred : fallback;
    }

    private boolean isAbsurd(final long timeMs)
    {
        return timeMs < minTimeMs || timeMs > epochClock.time() + maxFutureSkewMs;
    }

    /** Interns, deduplicates and accepts the pending liquidations of a complete frame. */
    private void commitFrame(final FrameEvent event)
    {
        for (int r = 0; r < pendingRejects.length; r++)
        {
            for (int n = pendingRejects[r]; n > 0; n--)
            {
                counters.incrementRejected(RejectReason.fromOrdinal(r));
            }
        }
        for (int n = pendingIgnored; n > 0; n--)
        {
            counters.incrementIgnored();
        }
        for (int i = 0; i < pendingCount; i++)
        {
            final int symbolId = symbols.intern(pendingSymbol[i], 0, pendingSymbolLength[i]);
            if (symbolId < 0)
            {
                counters.incrementRejected(
                    symbolId == SymbolTable.FULL ? RejectReason.SYMBOL_TABLE_FULL : RejectReason.INVALID_SYMBOL);
                continue;
            }
            final int at = event.count;
            event.symbolId[at] = symbolId;
            event.side[at] = pendingSides[i];
            event.quantityE8[at] = pendingValues[i * 4];
            event.priceE8[at] = pendingValues[i * 4 + 1];
            event.tradeTimeMs[at] = pendingValues[i * 4 + 2];
            event.eventTimeMs[at] = pendingValues[i * 4 + 3];
            acceptIfNew(event, at);
        }
    }

    /** Accepts the liquidation written at index {@code at} (== event.count) unless it was seen before. */
    private void acceptIfNew(final FrameEvent event, final int at)
    {
        if (duplicates.firstSighting(
            event.symbolId[at], event.side[at], event.tradeTimeMs[at], event.quantityE8[at], event.priceE8[at]))
        {
            event.count = at + 1;
            counters.incrementAccepted();
        }
        else
        {
            counters.incrementDuplicates();
        }
    }

    private void readSymbol(final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_STRING)
        {
            symbolLength = 0;
            symbolInvalid = true;
            return;
        }
        final int length = parser.getTextLength();
        if (length == 0 || length > SymbolTable.MAX_SYMBOL_LENGTH)
        {
            symbolLength = 0;
            symbolInvalid = true;
            return;
        }
        System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), symbolChars, 0, length);
        symbolLength = length;
        symbolInvalid = false;
    }

    private long parseDecimal(final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT
            && value != JsonToken.VALUE_NUMBER_FLOAT)
        {
            skipValue(value);
            return error(RejectReason.INVALID_NUMBER);
        }
        final long result = FixedPoint.parseE8(parser.getTextCharacters(), parser.getTextOffset(),
            parser.getTextLength());
        return result >= 0 ? result : error(FixedPoint.rejectReasonOf(result));
    }

    /** Epoch milliseconds from a JSON integer or digit string; a negative reject code otherwise. */
    private long parseMillis(final JsonToken value) throws IOException
    {
        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT)
        {
            skipValue(value);
            return error(RejectReason.INVALID_NUMBER);
        }
        final char[] text = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        final int length = parser.getTextLength();
        if (length == 0 || length > MAX_TIME_DIGITS)
        {
            return error(RejectReason.ABSURD_TIMESTAMP);
        }
        long timeMs = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = text[offset + i];
            if (c < '0' || c > '9')
            {
                return error(c == '-' ? RejectReason.ABSURD_TIMESTAMP : RejectReason.INVALID_NUMBER);
            }
            timeMs = timeMs * 10 + (c - '0');
        }
        return timeMs;
    }

    private boolean textEquals(final String expected) throws IOException
    {
        final int length = parser.getTextLength();
        if (length != expected.length())
        {
            return false;
        }
        final char[] text = parser.getTextCharacters();
        final int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != expected.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /** Skips a value whose first token was just read; false if the frame ends inside it. */
    private boolean skipValue(final JsonToken first) throws IOException
    {
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY)
        {
            return !truncated;
        }
        int open = 1;
        while (open > 0)
        {
            final JsonToken token = next();
            if (truncated)
            {
                return false;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
            {
                open++;
            }
            else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
            {
                open--;
            }
        }
        return true;
    }

    /**
     * The first token of the next field's value, positioned so that {@code currentName()} is the field's name;
     * END_OBJECT when the object ends; null when the frame is not valid JSON there.
     */
    private JsonToken nextFieldValue() throws IOException
    {
        final JsonToken token = next();
        if (token == JsonToken.END_OBJECT)
        {
            return token;
        }
        if (token != JsonToken.FIELD_NAME)
        {
            return null;
        }
        final JsonToken value = next();
        return truncated ? null : value;
    }

    /** The next token; marks the frame truncated if the parser needs more input than the frame has. */
    private JsonToken next() throws IOException
    {
        final JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.NOT_AVAILABLE)
        {
            truncated = true;
        }
        return token;
    }

    private void resetParser()
    {
        try
        {
            if (parser != null)
            {
                parser.close();
            }
            parser = jsonFactory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
