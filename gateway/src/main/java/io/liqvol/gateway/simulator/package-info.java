/**
 * A local exchange speaking Binance's USD-M protocol: {@code ExchangeSimulator} serves it with settings from
 * {@code SimulatorConfig}.
 * <ul>
 *     <li>Market: {@code MarketGenerator} moves {@code SimulatedSymbol}s of the {@code SymbolUniverse}, emits
 *     {@code SimulatedLiquidation}s through the {@code LiquidationThrottle}, and keeps {@code CandleSeries};
 *     {@code FrameReplayer} replays recorded frames instead.</li>
 *     <li>Protocol: {@code WebSocketRoute}, {@code StreamName}, {@code ControlRequest}, {@code StreamHub},
 *     {@code SimulatorSession}, {@code SimulatorWebSocketHandler}; REST in {@code SimulatorRestApi} and
 *     {@code SimulatorHttpHandler}; JSON in {@code KlineEvents} and {@code Decimals}.</li>
 * </ul>
 */
package io.liqvol.gateway.simulator;
