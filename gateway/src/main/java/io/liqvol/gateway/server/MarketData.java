package io.liqvol.gateway.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the server needs from the exchange: candles on request and live, and telling which symbols clients
 * watch. Never blocks the caller.
 */
public interface MarketData
{
    /** Receives live candles, on some event loop. */
    @FunctionalInterface
    interface CandleListener
    {
        void onCandle(Candle candle);
    }

    /**
     * Candles in ascending time opening from {@code startMs} up to and including {@code lastOpenMs} (the exchange's
     * {@code endTime}); a bound is null when not given.
     */
    CompletableFuture<List<Candle>> klines(String symbol, String interval, Long startMs, Long lastOpenMs, int limit);

    /** Starts relaying one symbol's live candles of an interval; closing the handle stops it. */
    AutoCloseable subscribeKlines(String symbol, String interval, CandleListener listener);

    /** A client started watching the symbol's liquidations (per-symbol upstreams subscribe it). */
    void watch(String symbol);

    /** A client stopped watching the symbol's liquidations. */
    void unwatch(String symbol);
}
