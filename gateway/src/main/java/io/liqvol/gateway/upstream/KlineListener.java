package io.liqvol.gateway.upstream;

/** Receives the updates of a kline stream; called on a Netty event loop, so it must not block. */
@FunctionalInterface
public interface KlineListener
{
    void onKline(String symbol, String interval, Kline kline);
}
