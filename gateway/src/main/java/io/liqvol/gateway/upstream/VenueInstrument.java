package io.liqvol.gateway.upstream;

import java.math.BigDecimal;

/**
 * One linear USDT perpetual of a venue.
 *
 * @param venueSymbol     as the venue names it ({@code BTCUSDT}, {@code BTC-USDT-SWAP})
 * @param canonicalSymbol the name that links venues ({@code BTCUSDT})
 * @param contractSizeE8  base quantity of one contract, E8 ({@code 100_000_000} where quantities are in base)
 */
public record VenueInstrument(String venueSymbol, String canonicalSymbol, long contractSizeE8)
{
    public static final long BASE_QUANTITY_E8 = 100_000_000L;

    /** An exact decimal as E8; an {@link ArithmeticException} for more than 8 fraction digits or a long's range. */
    static long e8(final String decimal)
    {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }
}
