/**
 * What the gateway's tests share, over real sockets on loopback: {@link io.liqvol.gateway.testing.ServerHarness}
 * (the whole gateway against a quiet simulator), {@link io.liqvol.gateway.testing.TestWebSocket} (a client of the
 * gateway's and the simulator's streams), {@link io.liqvol.gateway.testing.RawWebSocket} (a client that lags on
 * the wire), {@link io.liqvol.gateway.testing.TestJson} (JSON into maps for assertions),
 * {@link io.liqvol.gateway.testing.Await}, {@link io.liqvol.gateway.testing.ConnectProxy} (an HTTP CONNECT proxy)
 * and {@link io.liqvol.gateway.testing.RecordingFrameSink} (what the upstream client delivers).
 */
package io.liqvol.gateway.testing;
