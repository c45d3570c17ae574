package io.liqvol.gateway.upstream;

import io.liqvol.engine.Venue;
import org.agrona.DirectBuffer;

/**
 * Receives every liquidation frame of a venue other than Binance, the whole text frame exactly as the venue sent
 * it, with the {@link System#nanoTime()} of its arrival. Called on the upstream's event loop; the buffer is valid
 * only during the call. To be wired to the engine's {@code ingestFrame(Venue, DirectBuffer, int, int, long)}.
 *
 * @return false once the sink is closed
 */
@FunctionalInterface
public interface VenueFrameSink
{
    boolean onFrame(Venue venue, DirectBuffer buffer, int offset, int length, long receiveTimeNs);
}
