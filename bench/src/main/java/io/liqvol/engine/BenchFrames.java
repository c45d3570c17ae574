package io.liqvol.engine;

import java.nio.charset.StandardCharsets;

/** A cycle of distinct, valid forceOrder frames in the combined-stream form Binance sends. */
final class BenchFrames
{
    static final long BASE_TIME_MS = 1_732_000_000_000L;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "1000PEPEUSDT"};

    final byte[][] frames;

    BenchFrames(final int count)
    {
        frames = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            final String symbol = SYMBOLS[i % SYMBOLS.length];
            final long timeMs = BASE_TIME_MS + i * 250L;
            final String frame = "{\"stream\":\"!forceOrder@arr\",\"data\":{\"e\":\"forceOrder\",\"E\":" + timeMs
                + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + (i % 3 == 0 ? "BUY" : "SELL")
                + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + (1 + i % 97) + "." + (i % 1000) + "\",\"p\":\""
                + (60_000 + i % 5000) + ".1\",\"ap\":\"" + (60_000 + i % 5000) + ".25\",\"X\":\"FILLED\",\"l\":\""
                + (1 + i % 97) + "." + (i % 1000) + "\",\"z\":\"" + (1 + i % 97) + "." + (i % 1000) + "\",\"T\":"
                + timeMs + "}}}";
            frames[i] = frame.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A clock just after the last frame, so that no frame looks absurd. */
    static long clockMs(final int count)
    {
        return BASE_TIME_MS + count * 250L + 60_000;
    }
}
