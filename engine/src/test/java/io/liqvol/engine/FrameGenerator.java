package io.liqvol.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates frames for differential tests: Binance's forceOrder shapes (raw event, combined-stream wrapper, arrays)
 * with fields in any order, dropped, repeated or joined by unknown ones, any whitespace or none (as Binance sends
 * them) and values at every edge, besides acks, other events and odd nestings; then some are mutated at the byte
 * level (truncated, flipped, spliced, trailed by junk), repeated, or truncated at every byte. Deterministic for a
 * seed.
 */
final class FrameGenerator
{
    static final long NOW_MS = 1_700_000_000_000L;

    private static final String[] DECIMALS = {
        "0", "1", "0.014", "9910", "2000.25", "0.5", "100", "0.00000001", "0.00000000", "-5", "-0", "-0.5",
        "00", "01", "007.5", "0.0", "1.", ".5", "5.", "1e5", "1E-3", "1.5e+2", "0e0", "1e", "0.12345678",
        "0.123456789", "0.1234567890", "0.123456780000", "92233720368", "92233720368.54775807",
        "92233720368.54775808", "92233720369", "922337203685", "99999999999999", "1.2.3", "+1", "NaN", "abc",
        "", " 1", "1 ", "1,5", "0x10", "1.00000000000000000000000000001", "123456789012345678901234567890",
        "Infinity", "-", "--1", "1-", "1..2", "1\\u0030"};
    private static final String[] TIMES = {
        "1650000000000", "1568014460893", "1699999999999", "1700086400000", "1700086400001", "1483228800000",
        "1483228799999", "0", "-1", "12345", "4102444800000", "-1650000000000", "99999999999999999999",
        "1.5", "1e12", "01650000000000", "999999999999999", "1000000000000000", "1650000000000.0", "-0"};
    private static final String[] SIDES = {"BUY", "SELL", "LONG", "buy", "", "SELLL", "B\\u0055Y", "SEL\\u004C"};
    private static final String[] EVENT_TYPES = {"kline", "", "forceorder", "force\\u004frder", "forceOrder "};
    private static final String[] ODD_SYMBOLS = {
        "btcusdt", "btc usdt", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG",
        "BTC\\u0055SDT", "BTC\\\"USDT", "BTC\u00e9", "BTC-USDT", "BTC_USDT", "\\/BTC", "B\\tC", "BTC\u007f"};
    private static final String[] SCALARS = {
        "null", "true", "false", "0", "-1", "1.5", "\"x\"", "\"\"", "\"LIMIT\"", "\"a\\nb\"", "1e400", "-0.0"};
    private static final String[] NESTED = {
        "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[[[]]]", "[1,\"2\",{\"3\":4}]", "{\"e\":\"forceOrder\"}",
        "{\"s\":\"BTCUSDT\"}"};
    private static final String[] EXTRA_NAMES = {"o", "f", "X", "l", "L", "xx", "E", "e", "data", "O", "u1", "u2"};
    private static final String[] WHITESPACE = {" ", "\n", "\t", "\r\n", "  "};
    private static final String[] ODD_WHITESPACE = {"\f", "\u000b", "\u00a0", "\u0000"};
    private static final String[] JUNK = {" 5", "x", "{}", " {", "]", "}", " \"a}", " t", ",", "\u00ff", "\n\n"};
    private static final String[] OTHER_FRAMES = {
        "{\"result\":null,\"id\":7}", "{\"result\":[],\"id\":1}",
        "{\"e\":\"kline\",\"E\":1650000000000,\"k\":{\"t\":1}}",
        "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{}}}", "[]", "{}", "[1,2,3]",
        "{\"data\":null}", "{\"data\":[]}", "{\"stream\":\"x\"}", "\"text\"", "42", "", "   ", "[{}]",
        "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"}}", "\uFEFF{}"};
    private static final String REPLACEMENTS = "{}[]\",:\\ 0123456789.-eEtfn\u0000";
    /** Per frame, the chance of each value or field being odd: clean frames, a few odd ones, and bedlam. */
    private static final double[] CHAOS = {0, 0, 0.02, 0.05, 0.1, 0.3};
    private static final int UNKNOWN_FIELD = -1;
    private static final String[] EVENT_FIELDS = {"e", "E", "o"};
    private static final String[] ORDER_FIELDS = {"s", "S", "o", "f", "q", "p", "ap", "X", "l", "z", "T"};

    private final SplittableRandom random;
    private final String[] symbols = new String[90];
    private final List<byte[]> recent = new ArrayList<>();
    private final List<byte[]> queued = new ArrayList<>();
    private StringBuilder out;
    private final int[] eventFields = new int[16];
    private final int[] orderFields = new int[32];
    private boolean skewed;
    /** Without whitespace, as Binance sends its frames. */
    private boolean compact;
    private double chaos;

    FrameGenerator(final long seed)
    {
        random = new SplittableRandom(seed);
        final String[] binance = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "1000PEPEUSDT"};
        for (int i = 0; i < symbols.length; i++)
        {
            symbols[i] = i < binance.length ? binance[i] : "S" + Integer.toString(i * 7919, 36).toUpperCase() + "USDT";
        }
    }

    /** The next frame: mostly generated, sometimes mutated, repeated or truncated at every byte. */
    byte[] next()
    {
        if (!queued.isEmpty())
        {
            return queued.remove(queued.size() - 1);
        }
        final byte[] frame = fresh();
        recent.add(frame);
        if (recent.size() > 64)
        {
            recent.remove(0);
        }
        final int roll = random.nextInt(1000);
        if (roll < 600)
        {
            return frame;
        }
        if (roll < 800)
        {
            return mutate(frame);
        }
        if (roll < 900)
        {
            return recent.get(random.nextInt(recent.size()));
        }
        if (roll < 901 && random.nextInt(4) == 0)
        {
            for (int length = frame.length - 1; length >= 0; length--)
            {
                queued.add(Arrays.copyOf(frame, length));
            }
            return frame;
        }
        final byte[] junk = JUNK[random.nextInt(JUNK.length)].getBytes(StandardCharsets.UTF_8);
        final byte[] trailed = Arrays.copyOf(frame, frame.length + junk.length);
        System.arraycopy(junk, 0, trailed, frame.length, junk.length);
        return trailed;
    }

    private byte[] fresh()
    {
        skewed = random.nextInt(4) == 0;
        compact = random.nextInt(3) == 0;
        chaos = CHAOS[random.nextInt(CHAOS.length)];
        out = new StringBuilder(512);
        final int shape = random.nextInt(100);
        if (shape < 35)
        {
            event();
        }
        else if (shape < 65)
        {
            open().name("stream").append("\"!forceOrder@arr\"").comma().name("data");
            if (random.nextInt(5) == 0)
            {
                array();
            }
            else
            {
                event();
            }
            close();
        }
        else if (shape < 85)
        {
            array();
        }
        else if (shape < 92)
        {
            out.append(pick(OTHER_FRAMES));
        }
        else
        {
            odd();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Shapes outside Binance's: nesting through data, orders in odd places, events inside arrays inside data. */
    private void odd()
    {
        switch (random.nextInt(6))
        {
            case 0:
                open().name("data").open().name("data");
                if (random.nextBoolean())
                {
                    event();
                }
                else
                {
                    array();
                }
                close().close();
                break;
            case 1:
                out.append('[');
                open().name("stream").append("\"s\"").comma().name("data");
                event();
                close().comma();
                event();
                out.append(']');
                break;
            case 2:
                open().name("e").append("\"forceOrder\"").comma().name("o");
                order();
                comma().name("data");
                event();
                comma().name("E").append(time()).close();
                break;
            case 3:
                open().name("o");
                order();
                comma().name("stream").append("\"x\"").close();
                break;
            case 4:
                open().name("e").append("\"forceOrder\"").comma().name("E").append(time()).comma().name("o")
                    .append(random.nextInt(3) == 0 ? "[]" : "1").close();
                break;
            default:
                open().name("stream").append("\"x\"").comma().name("data").open().name("data");
                array();
                close().close();
                break;
        }
    }

    private void array()
    {
        final int count = random.nextInt(10) == 0 ? 15 + random.nextInt(4) : random.nextInt(5);
        out.append('[');
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                comma();
            }
            final int kind = random.nextInt(20);
            if (kind == 0)
            {
                out.append(pick(SCALARS));
            }
            else if (kind == 1)
            {
                out.append(OTHER_FRAMES[random.nextInt(3)]);
            }
            else
            {
                event();
            }
            ws();
        }
        out.append(']');
    }

    private void event()
    {
        final int count = chooseFields(eventFields, EVENT_FIELDS.length);
        open();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                comma();
            }
            final int field = eventFields[i];
            if (field == UNKNOWN_FIELD)
            {
                unknownField();
                continue;
            }
            name(EVENT_FIELDS[field]);
            if (field == 0)
            {
                out.append(rare() ? value("\"" + pick(EVENT_TYPES) + "\"") : "\"forceOrder\"");
            }
            else if (field == 1)
            {
                out.append(time());
            }
            else if (rare() && rare())
            {
                out.append(pick(SCALARS));
            }
            else
            {
                order();
            }
        }
        close();
    }

    private void order()
    {
        final String quantity = decimal();
        final String price = decimal();
        final String filled = random.nextInt(4) == 0 ? decimal() : quantity;
        final String average = random.nextInt(4) == 0 ? decimal() : price;
        final int count = chooseFields(orderFields, ORDER_FIELDS.length);
        open();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                comma();
            }
            final int field = orderFields[i];
            if (field == UNKNOWN_FIELD)
            {
                unknownField();
                continue;
            }
            name(ORDER_FIELDS[field]);
            switch (ORDER_FIELDS[field])
            {
                case "s":
                    symbol();
                    break;
                case "S":
                    out.append(rare() ? value("\"" + pick(SIDES) + "\"")
                        : random.nextBoolean() ? "\"BUY\"" : "\"SELL\"");
                    break;
                case "q":
                case "l":
                    out.append(quantity);
                    break;
                case "z":
                    out.append(filled);
                    break;
                case "p":
                    out.append(price);
                    break;
                case "ap":
                    out.append(average);
                    break;
                case "T":
                    out.append(time());
                    break;
                default:
                    out.append('"').append(ORDER_FIELDS[field].equals("X") ? "FILLED" : "IOC").append('"');
                    break;
            }
        }
        close();
    }

    /**
     * Fills {@code fields} with the indexes of {@code count} fields, some dropped or repeated, an unknown one now and
     * then, shuffled one time in three; returns how many it holds.
     */
    private int chooseFields(final int[] fields, final int count)
    {
        int chosen = 0;
        for (int field = 0; field < count; field++)
        {
            if (rare())
            {
                continue;
            }
            fields[chosen++] = field;
            if (rare())
            {
                fields[chosen++] = field;
            }
        }
        if (random.nextInt(8) == 0)
        {
            fields[chosen++] = UNKNOWN_FIELD;
            final int at = random.nextInt(chosen);
            fields[chosen - 1] = fields[at];
            fields[at] = UNKNOWN_FIELD;
        }
        if (random.nextInt(3) == 0)
        {
            for (int i = chosen - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final int field = fields[i];
                fields[i] = fields[j];
                fields[j] = field;
            }
        }
        return chosen;
    }

    private void unknownField()
    {
        name(pick(EXTRA_NAMES)).append(rare() ? pick(NESTED) : pick(SCALARS));
    }

    private void symbol()
    {
        if (!rare())
        {
            out.append('"').append(symbols[random.nextInt(skewed ? symbols.length : 8)]).append('"');
        }
        else if (random.nextInt(5) != 0)
        {
            out.append('"').append(pick(ODD_SYMBOLS)).append('"');
        }
        else
        {
            out.append(value(pick(SCALARS)));
        }
    }

    private String decimal()
    {
        if (!rare())
        {
            final String fraction = random.nextBoolean() ? "" : "." + digits(1 + random.nextInt(8));
            final String plain = (1 + random.nextInt(99_999)) + fraction;
            return random.nextInt(5) == 0 ? plain : "\"" + plain + "\"";
        }
        final int roll = random.nextInt(100);
        if (roll < 80)
        {
            final String edge = pick(DECIMALS);
            return random.nextInt(3) == 0 ? edge : "\"" + edge + "\"";
        }
        if (roll < 88)
        {
            return "\"" + digits(30 + random.nextInt(300)) + "\"";
        }
        if (roll < 94)
        {
            return "1" + digits(60 + random.nextInt(1100));
        }
        return value(pick(SCALARS));
    }

    private String time()
    {
        if (!rare())
        {
            final long timeMs = NOW_MS - random.nextInt(3_600_000) * (random.nextBoolean() ? 1L : 1000L);
            return random.nextInt(6) == 0 ? "\"" + timeMs + "\"" : Long.toString(timeMs);
        }
        if (random.nextInt(10) != 0)
        {
            final String edge = pick(TIMES);
            return random.nextInt(3) == 0 ? "\"" + edge + "\"" : edge;
        }
        return value(pick(SCALARS));
    }

    /** The value, or now and then something nested in its place. */
    private String value(final String usual)
    {
        return random.nextInt(5) == 0 ? pick(NESTED) : usual;
    }

    private String digits(final int count)
    {
        final char[] digits = new char[count];
        for (int i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.nextInt(10));
        }
        return new String(digits);
    }

    private FrameGenerator open()
    {
        out.append('{');
        ws();
        return this;
    }

    private FrameGenerator close()
    {
        ws();
        out.append('}');
        return this;
    }

    private FrameGenerator comma()
    {
        ws();
        out.append(',');
        ws();
        return this;
    }

    /** {@code "name":} with whitespace about it; now and then the name escaped or altered when the frame is odd. */
    private FrameGenerator name(final String name)
    {
        out.append('"');
        if (rare() && random.nextInt(10) == 0)
        {
            out.append(random.nextBoolean() ? "\\u00" + Integer.toHexString(name.charAt(0)) + name.substring(1)
                : name + " ");
        }
        else
        {
            out.append(name);
        }
        out.append('"');
        ws();
        out.append(':');
        ws();
        return this;
    }

    private FrameGenerator append(final String text)
    {
        out.append(text);
        return this;
    }

    private void ws()
    {
        if (!compact && random.nextInt(5) == 0)
        {
            out.append(rare() && random.nextInt(10) == 0 ? pick(ODD_WHITESPACE) : pick(WHITESPACE));
        }
    }

    private boolean rare()
    {
        return chaos > 0 && random.nextDouble() < chaos;
    }

    private String pick(final String[] values)
    {
        return values[random.nextInt(values.length)];
    }

    private byte[] mutate(final byte[] frame)
    {
        if (frame.length == 0)
        {
            return new byte[] {(byte)random.nextInt(256)};
        }
        final int at = random.nextInt(frame.length);
        final byte[] mutated;
        switch (random.nextInt(7))
        {
            case 0:
                return Arrays.copyOf(frame, at);
            case 1:
                mutated = frame.clone();
                mutated[at] ^= (byte)(1 << random.nextInt(8));
                return mutated;
            case 2:
                mutated = frame.clone();
                mutated[at] = (byte)REPLACEMENTS.charAt(random.nextInt(REPLACEMENTS.length()));
                return mutated;
            case 3:
                mutated = new byte[frame.length - 1];
                System.arraycopy(frame, 0, mutated, 0, at);
                System.arraycopy(frame, at + 1, mutated, at, frame.length - at - 1);
                return mutated;
            case 4:
            {
                final int length = 1 + random.nextInt(Math.min(40, frame.length - at));
                mutated = new byte[frame.length + length];
                System.arraycopy(frame, 0, mutated, 0, at + length);
                System.arraycopy(frame, at, mutated, at + length, frame.length - at);
                return mutated;
            }
            case 5:
                mutated = frame.clone();
                mutated[at] = (byte)(0x80 | random.nextInt(128));
                return mutated;
            default:
                mutated = new byte[frame.length + 1];
                System.arraycopy(frame, 0, mutated, 0, at);
                mutated[at] = (byte)" \t\n\r,:".charAt(random.nextInt(6));
                System.arraycopy(frame, at, mutated, at + 1, frame.length - at);
                return mutated;
        }
    }
}
