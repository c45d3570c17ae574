package io.liqvol.gateway.upstream;

/**
 * One candle as Binance reports it: prices and volume are the exchange's exact decimal strings.
 *
 * @param closed true once the interval is over and the candle final
 */
public record Kline(long openTimeMs, String open, String high, String low, String close, String volume,
                    boolean closed)
{
}
