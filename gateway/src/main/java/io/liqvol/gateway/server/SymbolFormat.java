package io.liqvol.gateway.server;

/**
 * A symbol as the exchange lists it, and how its numbers are shown: precisions are fraction digits, or
 * {@link #UNKNOWN_PRECISION} for a symbol the exchange did not list (only the engine has seen it).
 */
public record SymbolFormat(
    String symbol, String baseAsset, String quoteAsset, int quantityPrecision, int pricePrecision, String status)
{
    public static final int UNKNOWN_PRECISION = -1;
    private static final String[] QUOTE_ASSETS = {"USDT", "USDC", "BUSD", "FDUSD", "BTC", "ETH", "BNB"};

    /** The format of a symbol the exchange did not list: base and quote asset taken from the name. */
    public static SymbolFormat unlisted(final String symbol)
    {
        for (final String quote : QUOTE_ASSETS)
        {
            if (symbol.length() > quote.length() && symbol.endsWith(quote))
            {
                return new SymbolFormat(symbol, symbol.substring(0, symbol.length() - quote.length()), quote,
                    UNKNOWN_PRECISION, UNKNOWN_PRECISION, "UNLISTED");
            }
        }
        return new SymbolFormat(symbol, symbol, "", UNKNOWN_PRECISION, UNKNOWN_PRECISION, "UNLISTED");
    }

    int quantityScale()
    {
        return Math.max(quantityPrecision, 0);
    }

    int priceScale()
    {
        return Math.max(pricePrecision, 0);
    }
}
