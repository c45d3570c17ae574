package io.liqvol.engine;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cycle of distinct, valid frames of one venue, 250 ms of trade time apart: Binance's forceOrder in the
 * combined-stream form, Bybit's allLiquidation push or OKX's liquidation-orders push, each of one liquidation and of
 * its documented size and field order. At the end of each cycle every frame moves forward by the cycle's span (its two
 * timestamps rewritten in place), so that trade times keep moving forward as a live stream's do: a frame replayed
 * unchanged would be older than its symbol's newest and take the duplicate filter's scan, which live traffic does not.
 */
final class BenchFrames
{
    static final long BASE_TIME_MS = 1_732_000_000_000L;
    private static final long STEP_MS = 250;
    private static final int TIME_DIGITS = 13;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "1000PEPEUSDT"};

    final Venue venue;
    final byte[][] frames;
    /** Per frame, where the digits of its event time and of its trade time begin. */
    private final int[][] timeOffsets;
    private volatile long shiftMs;
    private int cursor;

    BenchFrames(final int count)
    {
        this(Venue.BINANCE, count);
    }

    BenchFrames(final Venue venue, final int count)
    {
        this.venue = venue;
        frames = new byte[count][];
        timeOffsets = new int[count][];
        for (int i = 0; i < count; i++)
        {
            if (venue == Venue.BYBIT)
            {
                bybitFrame(i);
            }
            else if (venue == Venue.OKX)
            {
                okxFrame(i);
            }
            else
            {
                binanceFrame(i);
            }
        }
    }

    /** The instruments OKX's frames name, for the decoder. */
    static AtomicReference<InstrumentTable> instruments()
    {
        InstrumentTable table = InstrumentTable.EMPTY;
        for (final String symbol : SYMBOLS)
        {
            table = table.with(Venue.OKX, okxInstrument(symbol), symbol, 1_000_000L);
        }
        return new AtomicReference<>(table);
    }

    private void bybitFrame(final int i)
    {
        final String symbol = SYMBOLS[i % SYMBOLS.length];
        final long timeMs = BASE_TIME_MS + i * STEP_MS;
        final String head = "{\"topic\":\"allLiquidation." + symbol + "\",\"type\":\"snapshot\",\"ts\":";
        final String body = timeMs + ",\"data\":[{\"T\":";
        final String frame = head + body + timeMs + ",\"s\":\"" + symbol + "\",\"S\":\"" + (i % 3 == 0 ? "Sell" : "Buy")
            + "\",\"v\":\"" + (1 + i % 97) + "." + (i % 1000) + "\",\"p\":\"" + (60_000 + i % 5000) + ".10\"}]}";
        frames[i] = frame.getBytes(StandardCharsets.UTF_8);
        timeOffsets[i] = new int[] {head.length(), head.length() + body.length()};
    }

    private void okxFrame(final int i)
    {
        final String symbol = SYMBOLS[i % SYMBOLS.length];
        final long timeMs = BASE_TIME_MS + i * STEP_MS;
        final String instrument = okxInstrument(symbol);
        final String head = "{\"arg\":{\"channel\":\"liquidation-orders\",\"instType\":\"SWAP\"},"
            + "\"data\":[{\"details\":"
            + "[{\"bkLoss\":\"0\",\"bkPx\":\"" + (60_000 + i % 5000) + ".1\",\"ccy\":\"\",\"posSide\":\""
            + (i % 3 == 0 ? "short" : "long") + "\",\"side\":\"" + (i % 3 == 0 ? "buy" : "sell") + "\",\"sz\":\""
            + (1 + i % 97) + "\",\"ts\":\"";
        final String frame = head + timeMs + "\"}],\"instFamily\":\"" + instrument.substring(0, instrument.length() - 5)
            + "\",\"instId\":\"" + instrument + "\",\"instType\":\"SWAP\",\"uly\":\""
            + instrument.substring(0, instrument.length() - 5) + "\"}]}";
        frames[i] = frame.getBytes(StandardCharsets.UTF_8);
        timeOffsets[i] = new int[] {head.length()};
    }

    private static String okxInstrument(final String symbol)
    {
        return symbol.substring(0, symbol.length() - 4) + "-USDT-SWAP";
    }

    private void binanceFrame(final int i)
    {
        final String symbol = SYMBOLS[i % SYMBOLS.length];
        final long timeMs = BASE_TIME_MS + i * STEP_MS;
        final String head = "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":";
        final String body = timeMs
            + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + (i % 3 == 0 ? "BUY" : "SELL")
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + (1 + i % 97) + "." + (i % 1000) + "\",\"p\":\""
            + (60_000 + i % 5000) + ".1\",\"ap\":\"" + (60_000 + i % 5000) + ".25\",\"X\":\"FILLED\",\"l\":\""
            + (1 + i % 97) + "." + (i % 1000) + "\",\"z\":\"" + (1 + i % 97) + "." + (i % 1000) + "\",\"T\":";
        final String frame = head + body + timeMs + "}}}";
        frames[i] = frame.getBytes(StandardCharsets.UTF_8);
        timeOffsets[i] = new int[] {head.length(), head.length() + body.length()};
    }

    /** The next frame; after the last one of a cycle, the first one moved forward. Not thread-safe. */
    byte[] next()
    {
        if (cursor == frames.length)
        {
            cursor = 0;
            advance();
        }
        return frames[cursor++];
    }

    /** Moves every frame forward by the cycle's span. No allocation. */
    void advance()
    {
        final long spanMs = frames.length * STEP_MS;
        for (int i = 0; i < frames.length; i++)
        {
            for (final int offset : timeOffsets[i])
            {
                addMs(frames[i], offset, spanMs);
            }
        }
        shiftMs += spanMs;
    }

    /** A clock just after the last frame of the current cycle, so that no frame looks absurd. Any thread. */
    long clockMs()
    {
        return BASE_TIME_MS + shiftMs + frames.length * STEP_MS + 60_000;
    }

    private static void addMs(final byte[] frame, final int offset, final long ms)
    {
        long value = 0;
        for (int i = 0; i < TIME_DIGITS; i++)
        {
            value = value * 10 + (frame[offset + i] - '0');
        }
        value += ms;
        for (int i = TIME_DIGITS - 1; i >= 0; i--)
        {
            frame[offset + i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
