package io.liqvol.gateway.server;

/** One kline as the exchange gives it: open time in epoch milliseconds, prices and volume as exact strings. */
public record Candle(long openTimeMs, String open, String high, String low, String close, String volume, boolean closed)
{
}
