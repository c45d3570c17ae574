package io.liqvol.engine;

/**
 * A strict, allocation-free reader of the frames Binance sends: the raw {@code forceOrder} event, the
 * combined-stream wrapper and arrays of events, fields in any order, whitespace anywhere JSON allows it. It reads
 * exactly as {@link JacksonFrameParser} does into the same {@link OrderValidator} and {@link PendingBatch}, but
 * only frames it is sure of: anything else (escapes, control characters or non-ASCII bytes, long strings or numbers,
 * nested values where a scalar is expected, malformed or truncated JSON) makes {@link #scan} return false, and
 * the caller hands the frame to the jackson path instead. It reads the frame's bytes in place, strings eight bytes
 * at a time. Decode thread only.
 */
final class FrameScanner
{
    private static final int MAX_TEXT = PlainStrings.MAX_TEXT;
    private static final int NONE = -1;
    private static final byte[] FORCE_ORDER = AsciiText.of("forceOrder");
    private static final byte[] DATA = AsciiText.of("data");
    private static final byte[] TRUE = AsciiText.of("true");
    private static final byte[] FALSE = AsciiText.of("false");
    private static final byte[] NULL = AsciiText.of("null");

    private final OrderValidator order;
    private final PendingBatch batch;
    private byte[] frame;
    private int end;
    private int pos;
    private int keyStart;
    private int keyLength;
    private int valueType;
    private int valueStart;
    private int valueLength;

    FrameScanner(final OrderValidator order, final PendingBatch batch)
    {
        this.order = order;
        this.batch = batch;
    }

    /** True if the frame was read whole; false if it is left to jackson, the batch then holding a part of it. */
    boolean scan(final byte[] bytes, final int length)
    {
        frame = bytes;
        end = length;
        pos = 0;
        final int first = skipWhitespace();
        final boolean complete;
        if (first == '{')
        {
            pos++;
            complete = scanObject(0);
        }
        else if (first == '[')
        {
            pos++;
            complete = scanEventArray(0);
        }
        else
        {
            return false;
        }
        return complete && skipWhitespace() == NONE;
    }

    private boolean scanEventArray(final int depth)
    {
        int c = skipWhitespace();
        if (c == ']')
        {
            pos++;
            return true;
        }
        while (true)
        {
            if (c == '{')
            {
                pos++;
                if (!scanObject(depth + 1))
                {
                    return false;
                }
            }
            else if (scanScalar(c))
            {
                batch.ignore();
            }
            else
            {
                return false;
            }
            c = skipWhitespace();
            if (c == ']')
            {
                pos++;
                return true;
            }
            if (c != ',')
            {
                return false;
            }
            pos++;
            c = skipWhitespace();
        }
    }

    /** An object after its '{': an event, a combined-stream wrapper or an ack, as the jackson path reads it. */
    private boolean scanObject(final int depth)
    {
        boolean forceOrder = false;
        boolean otherEvent = false;
        boolean wrapped = false;
        long eventTimeMs = FieldValues.ABSENT;
        order.beginEvent();
        int c = skipWhitespace();
        if (c == '}')
        {
            pos++;
        }
        else
        {
            do
            {
                c = scanKey(c);
                if (keyLength == 1 && frame[keyStart] == 'e')
                {
                    if (!scanScalar(c))
                    {
                        return false;
                    }
                    forceOrder = valueType == ValueType.STRING && valueEquals(FORCE_ORDER);
                    otherEvent = !forceOrder;
                }
                else if (keyLength == 1 && frame[keyStart] == 'E')
                {
                    if (!scanScalar(c))
                    {
                        return false;
                    }
                    eventTimeMs = FieldValues.millis(valueType, frame, valueStart, valueLength);
                }
                else if (keyLength == 1 && frame[keyStart] == 'o')
                {
                    if (c != '{' || !scanOrder())
                    {
                        return false;
                    }
                }
                else if (keyIs(DATA))
                {
                    if (depth >= FrameDecoder.MAX_WRAPPER_DEPTH || !scanData(c, depth))
                    {
                        return false;
                    }
                    wrapped = true;
                }
                else if (!scanScalar(c))
                {
                    return false;
                }
                c = nextMember('}');
            }
            while (c != NONE);
            if (pos == NONE)
            {
                return false;
            }
        }
        batch.endObject(forceOrder, order, eventTimeMs, otherEvent || !wrapped);
        return true;
    }

    private boolean scanData(final int c, final int depth)
    {
        if (c == '{')
        {
            pos++;
            return scanObject(depth + 1);
        }
        if (c == '[')
        {
            pos++;
            return scanEventArray(depth + 1);
        }
        return scanScalar(c);
    }

    /** The order after its '{' (at pos): scalar fields only. */
    private boolean scanOrder()
    {
        pos++;
        order.beginOrder();
        int c = skipWhitespace();
        if (c == '}')
        {
            pos++;
            return true;
        }
        do
        {
            c = scanKey(c);
            if (!scanScalar(c))
            {
                return false;
            }
            if (keyLength == 1)
            {
                readOrderField(frame[keyStart]);
            }
            else if (keyLength == 2 && frame[keyStart] == 'a' && frame[keyStart + 1] == 'p')
            {
                order.averagePrice(valueType, frame, valueStart, valueLength);
            }
            c = nextMember('}');
        }
        while (c != NONE);
        return pos != NONE;
    }

    private void readOrderField(final byte key)
    {
        switch (key)
        {
            case 's':
                order.symbol(valueType, frame, valueStart, valueLength);
                break;
            case 'S':
                order.side(valueType, frame, valueStart, valueLength);
                break;
            case 'q':
                order.quantity(valueType, frame, valueStart, valueLength);
                break;
            case 'z':
                order.filledQuantity(valueType, frame, valueStart, valueLength);
                break;
            case 'p':
                order.price(valueType, frame, valueStart, valueLength);
                break;
            case 'T':
                order.tradeTime(valueType, frame, valueStart, valueLength);
                break;
            default:
                break;
        }
    }

    /**
     * Reads {@code "name" :} from c (the char at pos) and returns the first char of the value, with pos on it; on
     * anything unexpected returns NONE, which no value starts with.
     */
    private int scanKey(final int c)
    {
        keyLength = NONE;
        if (c != '"')
        {
            return NONE;
        }
        if (pos + 2 < end && frame[pos + 2] == '"' && PlainStrings.isPlain(frame[pos + 1]))
        {
            // Most names are one letter: no loop, whose exit the processor would mispredict.
            keyStart = pos + 1;
            keyLength = 1;
            pos += 3;
        }
        else if (scanString())
        {
            keyStart = valueStart;
            keyLength = valueLength;
        }
        else
        {
            return NONE;
        }
        if (pos < end && frame[pos] == ':')
        {
            pos++;
        }
        else if (skipWhitespace() == ':')
        {
            pos++;
        }
        else
        {
            return NONE;
        }
        return skipWhitespace();
    }

    /**
     * After a member's value: the quote that starts the next member's name, or NONE at the closing char (pos then
     * after it) or at anything unexpected (pos then NONE).
     */
    private int nextMember(final int closing)
    {
        final int c = skipWhitespace();
        if (c == ',')
        {
            pos++;
            if (skipWhitespace() == '"')
            {
                return '"';
            }
        }
        pos = c == closing ? pos + 1 : NONE;
        return NONE;
    }

    /** A string, number or literal starting with c (the char at pos); false for anything else. */
    private boolean scanScalar(final int c)
    {
        switch (c)
        {
            case '"':
                valueType = ValueType.STRING;
                return scanString();
            case 't':
                return scanLiteral(TRUE);
            case 'f':
                return scanLiteral(FALSE);
            case 'n':
                return scanLiteral(NULL);
            default:
                return (c == '-' || (c >= '0' && c <= '9')) && scanNumber();
        }
    }

    /** A string without escapes, of printable ASCII, from the quote at pos; value* is its content. */
    private boolean scanString()
    {
        final int start = pos + 1;
        final int quote = PlainStrings.closingQuote(frame, start, end);
        if (quote < 0)
        {
            return false;
        }
        valueStart = start;
        valueLength = quote - start;
        pos = quote + 1;
        return true;
    }

    /** A JSON number, strictly: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private boolean scanNumber()
    {
        final int start = pos;
        int i = frame[start] == '-' ? start + 1 : start;
        if (i == end || !isDigit(frame[i]))
        {
            return false;
        }
        i = frame[i] == '0' ? i + 1 : skipDigits(i);
        int type = ValueType.INTEGER;
        if (i < end && frame[i] == '.')
        {
            final int digits = i + 1;
            i = skipDigits(digits);
            if (i == digits)
            {
                return false;
            }
            type = ValueType.FLOAT;
        }
        if (i < end && (frame[i] == 'e' || frame[i] == 'E'))
        {
            i++;
            final int digits = i < end && (frame[i] == '+' || frame[i] == '-') ? i + 1 : i;
            i = skipDigits(digits);
            if (i == digits)
            {
                return false;
            }
            type = ValueType.FLOAT;
        }
        valueType = type;
        valueStart = start;
        valueLength = i - start;
        pos = i;
        return valueLength <= MAX_TEXT;
    }

    private int skipDigits(final int from)
    {
        int i = from;
        while (i < end && isDigit(frame[i]))
        {
            i++;
        }
        return i;
    }

    private static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    private boolean scanLiteral(final byte[] literal)
    {
        if (end - pos < literal.length || !regionEquals(pos, literal))
        {
            return false;
        }
        pos += literal.length;
        valueType = ValueType.OTHER;
        valueLength = 0;
        return true;
    }

    /** The char at pos after skipping whitespace, or NONE at the end of the frame. */
    private int skipWhitespace()
    {
        while (pos < end)
        {
            final int c = frame[pos] & 0xFF;
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t'))
            {
                return c;
            }
            pos++;
        }
        return NONE;
    }

    private boolean keyIs(final byte[] name)
    {
        return keyLength == name.length && regionEquals(keyStart, name);
    }

    private boolean valueEquals(final byte[] expected)
    {
        return valueLength == expected.length && regionEquals(valueStart, expected);
    }

    private boolean regionEquals(final int from, final byte[] expected)
    {
        for (int i = 0; i < expected.length; i++)
        {
            if (frame[from + i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }
}
