package io.liqvol.bench;

import java.nio.charset.StandardCharsets;

/**
 * Distinct, valid forceOrder frames in the combined-stream form of {@code !forceOrder@arr}, built before a run so
 * that the sender allocates nothing. Consecutive frames are 1 ms apart in trade time from {@code baseTimeMs}.
 */
final class ForceOrderFrames
{
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "1000PEPEUSDT"};

    private final byte[][] frames;

    ForceOrderFrames(final int count, final long baseTimeMs)
    {
        frames = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            frames[i] = event(SYMBOLS[i % SYMBOLS.length], i % 3 == 0 ? "BUY" : "SELL",
                (1 + i % 97) + "." + (i % 1000), (60_000 + i % 5000) + ".25", baseTimeMs + i, true)
                .getBytes(StandardCharsets.UTF_8);
        }
    }

    byte[] frame(final long index)
    {
        return frames[(int)(index % frames.length)];
    }

    int count()
    {
        return frames.length;
    }

    /** One forceOrder event, wrapped as a combined-stream frame or bare (as a simulator pushes it). */
    static String event(
        final String symbol, final String side, final String quantity, final String price, final long timeMs,
        final boolean combined)
    {
        final String event = "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\""
            + side + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\",\"ap\":\""
            + price + "\",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs
            + "}}";
        return combined ? "{\"stream\":\"!forceOrder@arr\",\"data\":" + event + "}" : event;
    }
}
