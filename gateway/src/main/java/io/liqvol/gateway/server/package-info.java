/**
 * The client-facing HTTP and WebSocket server: {@code GatewayServer} binds, {@code GatewayServerInitializer} builds a
 * connection's pipeline and {@code HttpRequestRouter} routes it.
 * <ul>
 *     <li>Streams: {@code LiquidationStreamHandler} and {@code KlineStreamHandler} over {@code StreamHandler}
 *     (behind {@code CloseCodeCheck});
 *     {@code FanOutPublisher}, {@code Subscriptions}, {@code SymbolTopic}, {@code KlineRelay} fan out, and
 *     {@code ClientOutbound} bounds each client's queue of {@code OutboundMessage}s.</li>
 *     <li>REST: {@code RestApi}, {@code MarketDataApi}, {@code StaticFiles}, {@code HttpResponses},
 *     {@code RequestTarget}, {@code RequestValidator} and {@code ApiException}.</li>
 *     <li>Access: {@code AccessTokens} and {@code PresentedToken} (API tokens), {@code ClientAddress} (behind a
 *     trusted proxy), {@code AdminRouter} (the admin port), {@code HealthEndpoints} (/health and /metrics).</li>
 *     <li>Encoding: {@code MessageWriter}, {@code FixedPointText}, {@code DecimalText}, {@code OrderRows}.</li>
 *     <li>Limits and metrics: {@code ConnectionLimiter}, {@code HeaderDeadline}, {@code TokenBucket},
 *     {@code OriginPolicy} (Host and Origin),
 *     {@code GatewayMetrics}, {@code LatencyHistogram}; settings in {@code ServerConfig}, shared parts in
 *     {@code ServerContext}; what it needs from outside in {@code LiquidationHistory} and {@code MarketData}.</li>
 * </ul>
 */
package io.liqvol.gateway.server;
