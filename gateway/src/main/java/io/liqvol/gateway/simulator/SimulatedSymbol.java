package io.liqvol.gateway.simulator;

/**
 * A perpetual contract of the simulated exchange. Prices are integers in units of 10^-pricePrecision and move
 * in steps of {@code tickUnits} of them; quantities are integers in units of 10^-quantityPrecision.
 *
 * @param initialPriceUnits starting price in units of 10^-pricePrecision
 * @param weight            relative share of the market's liquidations (BTC and ETH dominate, as on Binance)
 */
public record SimulatedSymbol(String symbol, String baseAsset, String quoteAsset, int pricePrecision,
                              int quantityPrecision, long tickUnits, long initialPriceUnits, int weight)
{
    public SimulatedSymbol
    {
        if (tickUnits < 1 || initialPriceUnits < tickUnits || weight < 1)
        {
            throw new IllegalArgumentException("bad simulated symbol " + symbol);
        }
    }

    public String tickSize()
    {
        return Decimals.format(tickUnits, pricePrecision);
    }

    public String stepSize()
    {
        return Decimals.format(1, quantityPrecision);
    }
}
