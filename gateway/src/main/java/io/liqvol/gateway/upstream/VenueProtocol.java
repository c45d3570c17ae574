package io.liqvol.gateway.upstream;

import io.liqvol.engine.Venue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One venue's adapter: its wire protocol, which frames are liquidations, its instruments and topics. */
interface VenueProtocol extends WireProtocol
{
    Venue venue();

    /** The bytes every liquidation push starts with as the venue lays it out: sent to the sink unparsed. */
    byte[] liquidationPrefix();

    /** Sorts a frame without that prefix; answers go to {@code answers}, reported as {@link FrameKind#ANSWER}. */
    FrameKind classify(byte[] bytes, int length, FrameRouter.AnswerHandler answers);

    /** How long before a lost connection a liquidation may have happened without being pushed yet. */
    long lossWindowMs();

    /** The venue's linear USDT perpetuals from its REST API. */
    CompletableFuture<List<VenueInstrument>> instruments(RestGet rest);

    /** The subscription topics that carry the liquidations of these instruments. */
    List<String> topics(List<VenueInstrument> instruments);

    /** The protocol of a venue other than Binance. */
    static VenueProtocol of(final Venue venue)
    {
        return switch (venue)
        {
            case BYBIT -> new BybitProtocol();
            case OKX -> new OkxProtocol();
            default -> throw new IllegalArgumentException(venue + " has its own client, BinanceUpstream");
        };
    }
}
