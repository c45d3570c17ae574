package io.liqvol.gateway.upstream;

import org.agrona.DirectBuffer;

/**
 * Receives every raw {@code forceOrder} event from the upstream, undecoded, with the {@link System#nanoTime()}
 * of its arrival. Called on the upstream's event loop; the buffer is valid only during the call. Wired to
 * {@code LiqvolEngine::ingestFrame}.
 *
 * @return false once the sink is closed
 */
@FunctionalInterface
public interface FrameSink
{
    boolean onFrame(DirectBuffer buffer, int offset, int length, long receiveTimeNs);
}
