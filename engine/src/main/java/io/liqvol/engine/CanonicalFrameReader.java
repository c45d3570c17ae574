package io.liqvol.engine;

/**
 * Reads a forceOrder frame laid out exactly as Binance sends it, without a tokenizer: the raw event or the
 * combined-stream wrapper, every field in Binance's order, no whitespace, times as plain integers, every other value
 * a plain string. The layout's punctuation and names are compared as literals, eight bytes at a time, and only
 * the values are scanned; a quantity or price is parsed only if validation will look at it (the filled quantity or
 * average price is zero). A frame that departs from the layout anywhere is left to {@link FrameScanner} with the
 * batch untouched, so this reader never decides how a frame is rejected. Decode thread only.
 * <pre>
 *  {"stream":"…","data":{"e":"forceOrder","E":…,"o":{"s":"…","S":"…","o":"…","f":"…","q":"…","p":"…",
 *   "ap":"…","X":"…","l":"…","z":"…","T":…}}}
 * </pre>
 */
final class CanonicalFrameReader
{
    private static final int MAX_TIME_DIGITS = 15;
    private static final AsciiLiteral STREAM = new AsciiLiteral("{\"stream\":\"");
    private static final AsciiLiteral DATA = new AsciiLiteral("\",\"data\":");
    private static final AsciiLiteral EVENT = new AsciiLiteral("{\"e\":\"forceOrder\",\"E\":");
    private static final AsciiLiteral SYMBOL = new AsciiLiteral(",\"o\":{\"s\":\"");
    private static final AsciiLiteral SIDE = new AsciiLiteral("\",\"S\":\"");
    private static final AsciiLiteral ORDER_TYPE = new AsciiLiteral("\",\"o\":\"");
    private static final AsciiLiteral TIME_IN_FORCE = new AsciiLiteral("\",\"f\":\"");
    private static final AsciiLiteral QUANTITY = new AsciiLiteral("\",\"q\":\"");
    private static final AsciiLiteral PRICE = new AsciiLiteral("\",\"p\":\"");
    private static final AsciiLiteral AVERAGE_PRICE = new AsciiLiteral("\",\"ap\":\"");
    private static final AsciiLiteral STATUS = new AsciiLiteral("\",\"X\":\"");
    private static final AsciiLiteral LAST_FILLED_QUANTITY = new AsciiLiteral("\",\"l\":\"");
    private static final AsciiLiteral FILLED_QUANTITY = new AsciiLiteral("\",\"z\":\"");
    private static final AsciiLiteral TRADE_TIME = new AsciiLiteral("\",\"T\":");

    private final OrderValidator order;
    private final PendingBatch batch;
    private byte[] frame;
    private int end;
    private int pos;
    private int valueStart;
    private int valueLength;
    private long timeMs;

    CanonicalFrameReader(final OrderValidator order, final PendingBatch batch)
    {
        this.order = order;
        this.batch = batch;
    }

    /** True if the frame has the layout and its event went to the batch; false, the batch untouched, if not. */
    boolean read(final byte[] bytes, final int length)
    {
        frame = bytes;
        end = length;
        pos = 0;
        final boolean wrapped = literal(STREAM);
        if (wrapped && !(string() && literal(DATA)))
        {
            return false;
        }
        if (!(literal(EVENT) && time()))
        {
            return false;
        }
        final long eventTimeMs = timeMs;
        order.beginEvent();
        order.beginOrder();
        if (!(literal(SYMBOL) && string()))
        {
            return false;
        }
        order.symbol(ValueType.STRING, frame, valueStart, valueLength);
        if (!(literal(SIDE) && string()))
        {
            return false;
        }
        order.side(ValueType.STRING, frame, valueStart, valueLength);
        if (!(literal(ORDER_TYPE) && string() && literal(TIME_IN_FORCE) && string() && literal(QUANTITY) && string()))
        {
            return false;
        }
        final int quantityStart = valueStart;
        final int quantityLength = valueLength;
        if (!(literal(PRICE) && string()))
        {
            return false;
        }
        final int priceStart = valueStart;
        final int priceLength = valueLength;
        if (!(literal(AVERAGE_PRICE) && string()))
        {
            return false;
        }
        order.averagePrice(ValueType.STRING, frame, valueStart, valueLength);
        if (!(literal(STATUS) && string() && literal(LAST_FILLED_QUANTITY) && string()
            && literal(FILLED_QUANTITY) && string()))
        {
            return false;
        }
        order.filledQuantity(ValueType.STRING, frame, valueStart, valueLength);
        if (!(literal(TRADE_TIME) && time() && closes(wrapped ? 3 : 2)))
        {
            return false;
        }
        order.parsedTradeTime(timeMs);
        if (order.needsQuantity())
        {
            order.quantity(ValueType.STRING, frame, quantityStart, quantityLength);
        }
        if (order.needsPrice())
        {
            order.price(ValueType.STRING, frame, priceStart, priceLength);
        }
        batch.endObject(true, order, eventTimeMs, false);
        return true;
    }

    private boolean literal(final AsciiLiteral literal)
    {
        if (!literal.matches(frame, pos, end))
        {
            return false;
        }
        pos += literal.length();
        return true;
    }

    /** A plain string's content from pos, up to its closing quote, which stays at pos for the next literal. */
    private boolean string()
    {
        final int quote = PlainStrings.closingQuote(frame, pos, end);
        if (quote < 0)
        {
            return false;
        }
        valueStart = pos;
        valueLength = quote - pos;
        pos = quote;
        return true;
    }

    /**
     * Epoch milliseconds as a JSON integer without a leading zero, {@code [1-9][0-9]{0,14}}, into timeMs: eight of
     * its digits at once where there are eight.
     */
    private boolean time()
    {
        final int start = pos;
        if (pos == end || frame[pos] < '1' || frame[pos] > '9')
        {
            return false;
        }
        long value = frame[pos++] - '0';
        final long eight = pos <= end - Long.BYTES ? AsciiDigits.valueOf(PlainStrings.word(frame, pos))
            : AsciiDigits.NOT_DIGITS;
        if (eight >= 0)
        {
            value = value * 100_000_000L + eight;
            pos += Long.BYTES;
        }
        while (pos < end && frame[pos] >= '0' && frame[pos] <= '9')
        {
            value = value * 10 + (frame[pos++] - '0');
            if (pos - start > MAX_TIME_DIGITS)
            {
                return false;
            }
        }
        timeMs = value;
        return true;
    }

    /** The frame ends with exactly {@code count} closing braces. */
    private boolean closes(final int count)
    {
        if (end - pos != count)
        {
            return false;
        }
        for (int i = pos; i < end; i++)
        {
            if (frame[i] != '}')
            {
                return false;
            }
        }
        return true;
    }
}
