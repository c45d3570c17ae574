package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One reused non-blocking jackson parser fed a whole frame at a time, with what the frame readers built on it share:
 * stepping through tokens, skipping values, the current value as ASCII bytes, and telling a complete frame from a
 * truncated one. Reading a valid frame allocates nothing; a malformed frame costs a fresh parser. One thread.
 */
final class JsonCursor
{
    private static final byte BOM_FIRST_BYTE = (byte)0xEF;

    private final JsonFactory jsonFactory = new JsonFactory();
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean truncated;
    /** The current value's text as ASCII bytes, for the field readers. */
    private byte[] text = new byte[64];

    JsonCursor()
    {
        reset();
    }

    /**
     * Starts a frame and returns its root token, or null if it cannot be read: a byte-order mark is refused, since the
     * parser would take it only as the first bytes it ever reads, so its verdict would depend on the frames before.
     */
    JsonToken begin(final byte[] frame, final int length) throws IOException
    {
        truncated = false;
        if (length == 0 || frame[0] == BOM_FIRST_BYTE)
        {
            return null;
        }
        feeder.feedInput(frame, 0, length);
        return next();
    }

    /**
     * Whether the root value just read was the whole frame: no token follows, and only whitespace follows the root's
     * closing bracket. A frame that fails this (or any read) must be followed by {@link #reset()}.
     */
    boolean endsFrame(final byte[] frame, final int length) throws IOException
    {
        return parser.nextToken() == JsonToken.NOT_AVAILABLE && onlyWhitespaceAfterRoot(frame, length);
    }

    /** Drops the parser, and whatever part of a bad frame it holds, for a fresh one. */
    void reset()
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

    boolean truncated()
    {
        return truncated;
    }

    String currentName() throws IOException
    {
        return parser.currentName();
    }

    int textLength() throws IOException
    {
        return parser.getTextLength();
    }

    /** The current token's text as ASCII bytes at offset 0, as long as {@link #textLength()}. */
    byte[] valueText() throws IOException
    {
        final int length = parser.getTextLength();
        if (text.length < length)
        {
            text = new byte[Math.max(length, text.length * 2)];
        }
        AsciiText.copy(parser.getTextCharacters(), parser.getTextOffset(), length, text);
        return text;
    }

    static int typeOf(final JsonToken value)
    {
        switch (value)
        {
            case VALUE_STRING:
                return ValueType.STRING;
            case VALUE_NUMBER_INT:
                return ValueType.INTEGER;
            case VALUE_NUMBER_FLOAT:
                return ValueType.FLOAT;
            default:
                return ValueType.OTHER;
        }
    }

    /** Skips a value whose first token was just read; false if the frame ends inside it. */
    boolean skipValue(final JsonToken first) throws IOException
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
     * The first token of the next field's value, positioned so that {@link #currentName()} is the field's name;
     * END_OBJECT when the object ends; null when the frame is not valid JSON there.
     */
    JsonToken nextFieldValue() throws IOException
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
    JsonToken next() throws IOException
    {
        final JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.NOT_AVAILABLE)
        {
            truncated = true;
        }
        return token;
    }

    /**
     * Whether the root value closes within the frame and only whitespace follows it. The parser cannot tell a
     * trailing partial token ({@code 5}, {@code "a}) from whitespace, nor can a reader always tell where the root
     * ends (it does not skip an object in place of a value it reads); left in the parser, the rest of such a frame
     * would spoil the next one.
     */
    private static boolean onlyWhitespaceAfterRoot(final byte[] frame, final int length)
    {
        int depth = 0;
        boolean inString = false;
        int i = 0;
        while (i < length)
        {
            final byte b = frame[i++];
            if (inString)
            {
                if (b == '\\')
                {
                    i++;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b == '{' || b == '[')
            {
                depth++;
            }
            else if ((b == '}' || b == ']') && --depth == 0)
            {
                break;
            }
        }
        if (depth != 0)
        {
            return false;
        }
        for (; i < length; i++)
        {
            final byte b = frame[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return false;
            }
        }
        return true;
    }
}
