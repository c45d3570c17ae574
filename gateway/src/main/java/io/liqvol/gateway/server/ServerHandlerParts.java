package io.liqvol.gateway.server;

import io.netty.channel.group.ChannelGroup;

/**
 * What the server's handlers share: settings, metrics, subscriptions, the engine's history, the symbols,
 * the scheduler of history queries (which may read the journal, so never on an event loop), the live
 * WebSocket channels, the candle relay and the fan-out's hand-over to each event loop. A bag of parts, not a
 * config: settings live in {@link ServerConfig}.
 * The API tokens clients must present are among them, the alerts (null when the embedder runs none) and the live
 * overview's feed.
 */
public record ServerHandlerParts(
    ServerConfig config,
    GatewayMetrics metrics,
    Subscriptions subscriptions,
    SymbolDirectory symbols,
    LiquidationHistory history,
    RequestValidator validator,
    QueryScheduler queries,
    ChannelGroup webSockets,
    MarketData marketData,
    KlineRelay klines,
    FanOutLoops fanOutLoops,
    AccessTokens tokens,
    AlertService alerts,
    OverviewFeed overview)
{
    /** Without alerts and without the live overview. */
    public ServerHandlerParts(final ServerConfig config, final GatewayMetrics metrics,
        final Subscriptions subscriptions, final SymbolDirectory symbols, final LiquidationHistory history,
        final RequestValidator validator, final QueryScheduler queries, final ChannelGroup webSockets,
        final MarketData marketData, final KlineRelay klines, final FanOutLoops fanOutLoops, final AccessTokens tokens)
    {
        this(config, metrics, subscriptions, symbols, history, validator, queries, webSockets, marketData, klines,
            fanOutLoops, tokens, null, null);
    }
}
