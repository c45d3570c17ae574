package io.liqvol.gateway.upstream;

import java.util.function.Predicate;

/**
 * The canonical symbol of a venue's instrument and how many of the venue's base units one unit of it is. Binance
 * lists some low-priced assets per 1000 (10000, 1000000) units: where it lists {@code 1000PEPEUSDT} and not
 * {@code PEPEUSDT}, OKX's PEPE ({@code PEPEUSDT} by its name) is recorded as {@code 1000PEPEUSDT}, 1000 units
 * (docs/API.md §9). Cold path.
 */
public record ScaledSymbol(String symbol, long units)
{
    private static final long MAX_UNITS = 100_000_000L;
    private static final String QUOTE = "USDT";

    /** {@code symbol} itself unless Binance lists it only per a power of ten of units ({@code binanceLists}). */
    public static ScaledSymbol of(final String symbol, final Predicate<String> binanceLists)
    {
        if (symbol.endsWith(QUOTE) && !binanceLists.test(symbol))
        {
            for (long units = 10; units <= MAX_UNITS; units *= 10)
            {
                final String scaled = units + symbol;
                if (binanceLists.test(scaled))
                {
                    return new ScaledSymbol(scaled, units);
                }
            }
        }
        return new ScaledSymbol(symbol, 1);
    }
}
