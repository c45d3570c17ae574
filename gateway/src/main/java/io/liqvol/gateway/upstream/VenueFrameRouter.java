package io.liqvol.gateway.upstream;

import io.liqvol.engine.Venue;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Sorts one venue's frames: a liquidation push laid out as the venue sends it goes whole to the sink without being
 * parsed; everything else is read on the cold path by the venue's protocol, where liquidations in another layout
 * still reach the sink and acknowledgements, pongs and errors never do (errors are counted and logged).
 * Event loop only.
 */
final class VenueFrameRouter implements InboundRouter
{
    private static final System.Logger LOG = System.getLogger(VenueFrameRouter.class.getName());

    private final VenueProtocol protocol;
    private final Venue venue;
    private final byte[] prefix;
    private final VenueFrameSink sink;
    private final UpstreamCounters counters;
    private final FrameView view = new FrameView();

    VenueFrameRouter(final VenueProtocol protocol, final VenueFrameSink sink, final UpstreamCounters counters)
    {
        this.protocol = protocol;
        this.venue = protocol.venue();
        this.prefix = protocol.liquidationPrefix();
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public void route(final ByteBuf frame, final long receiveTimeNs, final FrameRouter.AnswerHandler answers)
    {
        counters.increment(UpstreamCounters.FRAMES_RECEIVED);
        final int start = frame.readerIndex();
        final int length = frame.writerIndex() - start;
        if (FrameView.startsWith(frame, start, start + length, prefix))
        {
            deliver(frame, start, length, receiveTimeNs);
            return;
        }
        final byte[] bytes = view.copy(frame, start, length);
        final FrameKind kind = protocol.classify(bytes, length, answers);
        switch (kind)
        {
            case LIQUIDATION -> deliver(frame, start, length, receiveTimeNs);
            case ERROR ->
            {
                counters.increment(UpstreamCounters.SUBSCRIPTION_ERRORS);
                LOG.log(System.Logger.Level.WARNING, "{0}: error from the venue: {1}", venue.code(),
                    new String(bytes, 0, Math.min(length, 512), StandardCharsets.UTF_8));
            }
            case IGNORED -> counters.increment(UpstreamCounters.IGNORED_FRAMES);
            case MALFORMED -> counters.increment(UpstreamCounters.MALFORMED_FRAMES);
            default ->
            {
                // Answers went to the connection; pongs only show the connection is alive.
            }
        }
    }

    private void deliver(final ByteBuf frame, final int start, final int length, final long receiveTimeNs)
    {
        counters.increment(UpstreamCounters.LIQUIDATION_FRAMES);
        sink.onFrame(venue, view.wrap(frame, start, length), 0, length, receiveTimeNs);
    }
}
