package io.liqvol.gateway.upstream;

/** A contract of the exchange as {@code exchangeInfo} lists it. */
public record SymbolInfo(String symbol, String baseAsset, String quoteAsset, int pricePrecision,
                         int quantityPrecision, String status)
{
}
