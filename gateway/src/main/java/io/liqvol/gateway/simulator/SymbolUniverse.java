package io.liqvol.gateway.simulator;

import java.util.List;

/** The default universe: twenty USD-M perpetuals with prices and precisions close to Binance's (late 2025). */
public final class SymbolUniverse
{
    private SymbolUniverse()
    {
    }

    public static List<SimulatedSymbol> defaults()
    {
        return List.of(
            usdt("BTCUSDT", "BTC", 2, 3, 10, 9_500_000L, 30),
            usdt("ETHUSDT", "ETH", 2, 3, 1, 340_000L, 20),
            usdt("SOLUSDT", "SOL", 4, 0, 100, 1_800_000L, 10),
            usdt("XRPUSDT", "XRP", 4, 1, 1, 22_000L, 8),
            usdt("DOGEUSDT", "DOGE", 6, 0, 10, 170_000L, 7),
            usdt("1000PEPEUSDT", "1000PEPE", 7, 0, 1, 65_000L, 6),
            usdt("BNBUSDT", "BNB", 2, 2, 1, 90_000L, 5),
            usdt("ADAUSDT", "ADA", 5, 0, 10, 55_000L, 4),
            usdt("SUIUSDT", "SUI", 6, 1, 100, 2_100_000L, 4),
            usdt("LINKUSDT", "LINK", 3, 2, 1, 14_000L, 3),
            usdt("AVAXUSDT", "AVAX", 4, 0, 10, 180_000L, 3),
            usdt("LTCUSDT", "LTC", 2, 3, 1, 9_000L, 2),
            usdt("BCHUSDT", "BCH", 2, 3, 1, 52_000L, 2),
            usdt("TRXUSDT", "TRX", 5, 0, 1, 28_000L, 2),
            usdt("DOTUSDT", "DOT", 3, 1, 1, 3_000L, 2),
            usdt("NEARUSDT", "NEAR", 4, 0, 10, 24_000L, 2),
            usdt("WIFUSDT", "WIF", 7, 1, 1000, 4_500_000L, 3),
            usdt("ENAUSDT", "ENA", 4, 0, 1, 4_000L, 3),
            usdt("1000SHIBUSDT", "1000SHIB", 6, 0, 1, 11_000L, 2),
            usdt("OPUSDT", "OP", 7, 1, 1000, 4_500_000L, 2));
    }

    private static SimulatedSymbol usdt(final String symbol, final String baseAsset, final int pricePrecision,
        final int quantityPrecision, final long tickUnits, final long priceUnits, final int weight)
    {
        return new SimulatedSymbol(symbol, baseAsset, "USDT", pricePrecision, quantityPrecision, tickUnits,
            priceUnits, weight);
    }
}
