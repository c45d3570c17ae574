package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;

/**
 * One forced liquidation as the simulated exchange reports it. Decimals are exact strings with the symbol's
 * precision, as on Binance.
 *
 * @param side         {@code SELL}: a long position was liquidated; {@code BUY}: a short one
 * @param quantity     filled quantity ({@code q}, {@code l} and {@code z} of the event)
 * @param averagePrice average fill price ({@code ap})
 * @param orderPrice   the liquidation order's limit price ({@code p})
 */
public record SimulatedLiquidation(String symbol, Side side, String quantity, String averagePrice,
                                   String orderPrice, long tradeTimeMs)
{
    /** The {@code forceOrder} event as pushed at {@code eventTimeMs}. */
    public String toEventJson(final long eventTimeMs)
    {
        return "{\"e\":\"forceOrder\",\"E\":" + eventTimeMs
            + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side.name() + "\",\"o\":\"LIMIT\",\"f\":\"IOC\""
            + ",\"q\":\"" + quantity + "\",\"p\":\"" + orderPrice + "\",\"ap\":\"" + averagePrice + "\""
            + ",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + tradeTimeMs + "}}";
    }
}
