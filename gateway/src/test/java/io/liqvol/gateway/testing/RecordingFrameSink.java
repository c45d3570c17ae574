package io.liqvol.gateway.testing;

import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.liqvol.gateway.upstream.FrameSink;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Records the raw forceOrder events the upstream delivers, and reads back their identity (symbol, side, T, z, ap). */
public final class RecordingFrameSink implements FrameSink
{
    /** A liquidation's identity, the fields the engine de-duplicates on, as the exchange wrote them. */
    public record Key(String symbol, String side, long tradeTimeMs, String quantity, String averagePrice)
    {
        public static Key of(final SimulatedLiquidation liquidation)
        {
            return new Key(liquidation.symbol(), liquidation.side().name(), liquidation.tradeTimeMs(),
                liquidation.quantity(), liquidation.averagePrice());
        }
    }

    private static final Pattern FIELDS = Pattern.compile(
        "\"s\":\"([A-Z0-9]+)\",\"S\":\"(BUY|SELL)\".*\"ap\":\"([0-9.]+)\".*\"z\":\"([0-9.]+)\",\"T\":(\\d+)");

    private final List<String> frames = new CopyOnWriteArrayList<>();

    @Override
    public boolean onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveTimeNs)
    {
        frames.add(buffer.getStringWithoutLengthUtf8(offset, length));
        return true;
    }

    public List<String> frames()
    {
        return frames;
    }

    /** Every delivered event's key, in arrival order, duplicates included. */
    public List<Key> keys()
    {
        final List<Key> keys = new ArrayList<>();
        for (final String frame : frames)
        {
            final Matcher matcher = FIELDS.matcher(frame);
            if (!matcher.find())
            {
                throw new AssertionError("not a forceOrder event: " + frame);
            }
            keys.add(new Key(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(5)), matcher.group(4),
                matcher.group(3)));
        }
        return keys;
    }

    public Set<Key> distinctKeys()
    {
        return new LinkedHashSet<>(keys());
    }
}
