/**
 * The Binance client: {@code BinanceUpstream} spreads the streams over {@code StreamShard}s, each carried by an
 * {@code UpstreamConnection} (opened by {@code UpstreamChannels}, reconnected with {@code Backoff}) whose frames
 * {@code FrameRouter} sorts: liquidations to a {@code FrameSink} undecoded, klines through {@code KlineDecoder} to
 * {@code KlineListener}s. {@code GapTracker} records when no connection was live; {@code BinanceRestClient} reads
 * {@code exchangeInfo} and klines. Settings in {@code UpstreamConfig}, state in {@code UpstreamStatus} and
 * {@code UpstreamCounters}.
 */
package io.liqvol.gateway.upstream;
