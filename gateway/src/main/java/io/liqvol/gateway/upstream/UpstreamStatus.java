package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;

import java.util.List;

/**
 * The upstream's state for {@code /health}.
 *
 * @param connected        every stream has a live connection (subscriptions acknowledged)
 * @param connectedSinceMs when it last became so, 0 while not connected
 * @param reconnects       connection attempts after a lost or failed connection (rotations not included)
 * @param gaps             the recorded intervals without a live connection, oldest first (the most recent ones)
 */
public record UpstreamStatus(boolean connected, long connectedSinceMs, long reconnects, long framesReceived,
                             long malformedFrames, List<Gap> gaps)
{
}
