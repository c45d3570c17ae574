/**
 * The gateway process: {@code Main} parses the command line into a {@code GatewayConfig} and starts a
 * {@code Gateway} (simulator, engine, upstream, server) or runs the {@code ImportCommand}. {@code EngineHistory} and
 * {@code UpstreamMarketData} adapt the engine and the upstream to what the server asks; {@code GatewayStatus}
 * writes their state into {@code /health} and {@code /metrics}; {@code PeerGapFiller} fills recorded gaps from a peer.
 * The subpackages {@code upstream}, {@code server} and {@code simulator} never import each other.
 */
package io.liqvol.gateway;
