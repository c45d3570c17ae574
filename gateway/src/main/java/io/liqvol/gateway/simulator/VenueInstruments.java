package io.liqvol.gateway.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The simulated venues' listings, from the symbol universe: Bybit lists every symbol in base quantities, OKX the
 * same as {@code BASE-USDT-SWAP} with a contract value per symbol (0.01 BTC, 0.1 ETH, 1000 DOGE …), plus an
 * inverse swap a linear client must leave out. A symbol listed per 1000 units ({@code 1000PEPEUSDT}) is OKX's
 * {@code PEPE-USDT-SWAP}, priced per PEPE, as on OKX.
 */
final class VenueInstruments
{
    private VenueInstruments()
    {
    }

    /** OKX's contract value in its base: a power of ten keeping a contract worth 1 to 1000 USDT. */
    static BigDecimal okxContractValue(final SimulatedSymbol symbol)
    {
        final BigDecimal price = Decimals.decimal(symbol.initialPriceUnits(), okxPricePrecision(symbol));
        int exponent = 0;
        while (price.scaleByPowerOfTen(exponent).compareTo(BigDecimal.valueOf(1000)) > 0)
        {
            exponent--;
        }
        while (price.scaleByPowerOfTen(exponent).compareTo(BigDecimal.ONE) < 0)
        {
            exponent++;
        }
        return BigDecimal.ONE.scaleByPowerOfTen(exponent).stripTrailingZeros();
    }

    static String okxInstId(final SimulatedSymbol symbol)
    {
        return okxBase(symbol) + "-USDT-SWAP";
    }

    /** The base asset without a units prefix: {@code PEPE} of {@code 1000PEPE}. */
    static String okxBase(final SimulatedSymbol symbol)
    {
        return symbol.baseAsset().substring(unitsPrefixLength(symbol.baseAsset()));
    }

    /** How many of OKX's base units one unit of the symbol is, as a power of ten: 3 for {@code 1000PEPE}. */
    static int okxScaleDigits(final SimulatedSymbol symbol)
    {
        return Math.max(0, unitsPrefixLength(symbol.baseAsset()) - 1);
    }

    /** Price units of the symbol are OKX's at this precision (prices per PEPE, not per 1000 PEPE). */
    static int okxPricePrecision(final SimulatedSymbol symbol)
    {
        return symbol.pricePrecision() + okxScaleDigits(symbol);
    }

    /** The length of a leading {@code 10…0} (at least {@code 10}) before a letter, else 0. */
    private static int unitsPrefixLength(final String baseAsset)
    {
        int zeros = 0;
        while (zeros + 1 < baseAsset.length() && baseAsset.charAt(zeros + 1) == '0')
        {
            zeros++;
        }
        final boolean prefixed = zeros > 0 && baseAsset.charAt(0) == '1' && zeros + 1 < baseAsset.length()
            && Character.isLetter(baseAsset.charAt(zeros + 1));
        return prefixed ? zeros + 1 : 0;
    }

    /** Bybit's instruments-info page from {@code offset}, at most {@code limit}; the cursor is the next offset. */
    static String bybitInstruments(final List<SimulatedSymbol> symbols, final int offset, final int limit,
        final long nowMs)
    {
        final StringBuilder out = new StringBuilder(256 + symbols.size() * 200)
            .append("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":[");
        final int end = Math.min(symbols.size(), offset + limit);
        for (int i = offset; i < end; i++)
        {
            final SimulatedSymbol symbol = symbols.get(i);
            out.append(i == offset ? "" : ",").append("{\"symbol\":\"").append(symbol.symbol())
                .append("\",\"contractType\":\"LinearPerpetual\",\"status\":\"Trading\",\"baseCoin\":\"")
                .append(symbol.baseAsset()).append("\",\"quoteCoin\":\"USDT\",\"settleCoin\":\"USDT\"")
                .append(",\"priceScale\":\"").append(symbol.pricePrecision()).append("\"}");
        }
        return out.append("],\"nextPageCursor\":\"").append(end < symbols.size() ? String.valueOf(end) : "")
            .append("\"},\"retExtInfo\":{},\"time\":").append(nowMs).append('}').toString();
    }

    static String okxInstruments(final List<SimulatedSymbol> symbols)
    {
        final StringBuilder out = new StringBuilder(256 + symbols.size() * 300).append("{\"code\":\"0\",\"msg\":\"\","
            + "\"data\":[{\"instType\":\"SWAP\",\"instId\":\"BTC-USD-SWAP\",\"uly\":\"BTC-USD\",\"settleCcy\":\"BTC\","
            + "\"ctVal\":\"100\",\"ctMult\":\"1\",\"ctValCcy\":\"USD\",\"ctType\":\"inverse\",\"state\":\"live\"}");
        for (final SimulatedSymbol symbol : symbols)
        {
            final String base = okxBase(symbol);
            out.append(",{\"instType\":\"SWAP\",\"instId\":\"").append(okxInstId(symbol)).append("\",\"uly\":\"")
                .append(base).append("-USDT\",\"instFamily\":\"").append(base)
                .append("-USDT\",\"settleCcy\":\"USDT\",\"ctVal\":\"")
                .append(okxContractValue(symbol).toPlainString()).append("\",\"ctMult\":\"1\",\"ctValCcy\":\"")
                .append(base).append("\",\"ctType\":\"linear\",\"state\":\"live\",\"tickSz\":\"")
                .append(Decimals.format(symbol.tickUnits(), okxPricePrecision(symbol))).append("\"}");
        }
        return out.append("]}").toString();
    }
}
