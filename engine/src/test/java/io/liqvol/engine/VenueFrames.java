package io.liqvol.engine;

import org.agrona.concurrent.EpochClock;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A frame decoder with its counters and instruments, for the venue readers' tests: decodes one frame at a time. */
final class VenueFrames
{
    static final long NOW_MS = 1_700_000_100_000L;
    private static final EpochClock CLOCK = () -> NOW_MS;

    final EngineCounters counters = new EngineCounters();
    final SymbolTable symbols = new SymbolTable(8);
    final FrameEvent event = new FrameEvent(4096);
    final AtomicReference<InstrumentTable> instruments = new AtomicReference<>(InstrumentTable.EMPTY);
    private final FrameDecoder decoder = new FrameDecoder(symbols, new DuplicateFilter(8), counters, CLOCK,
        EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS, true, instruments);

    void register(final Venue venue, final String name, final String symbol, final long contractSizeE8)
    {
        register(venue, name, symbol, contractSizeE8, 0);
    }

    /** One unit of {@code symbol} is 10^scaleDigits of the instrument's base units. */
    void register(
        final Venue venue, final String name, final String symbol, final long contractSizeE8, final int scaleDigits)
    {
        instruments.updateAndGet(table -> table.with(venue, name, symbol, contractSizeE8, scaleDigits));
    }

    /** Decodes the frame and returns how many liquidations it accepted. */
    int decode(final Venue venue, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        event.setFrame(venue, bytes, 0, bytes.length, 1L);
        decoder.decode(event);
        return event.count;
    }

    /** The bytes this thread allocates decoding the frame {@code times} times, after as many to warm up. */
    long allocatedDecoding(final Venue venue, final String frame, final int times)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        long before = 0;
        for (int i = 0; i < 2 * times; i++)
        {
            if (i == times)
            {
                before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            }
            event.setFrame(venue, bytes, 0, bytes.length, 1L);
            decoder.decode(event);
        }
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    /** Liquidation i of the last frame as {@code "venue SYMBOL SIDE quantityE8@priceE8 tradeTimeMs"}. */
    String liquidation(final int i)
    {
        return Venue.fromOrdinal(event.venue[i]).code() + " " + symbols.nameOf(event.symbolId[i]) + " "
            + Side.fromOrdinal(event.side[i]) + " " + event.quantityE8[i] + "@" + event.priceE8[i] + " "
            + event.tradeTimeMs[i];
    }
}
