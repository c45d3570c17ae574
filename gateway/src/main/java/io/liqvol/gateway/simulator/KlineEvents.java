package io.liqvol.gateway.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Binance's kline JSON: the stream event and the REST array-of-arrays. */
final class KlineEvents
{
    private KlineEvents()
    {
    }

    static String streamEvent(final CandleSeries series, final CandleSeries.Candle candle, final boolean closed,
        final long eventTimeMs)
    {
        final SimulatedSymbol symbol = series.symbol();
        final StringBuilder out = new StringBuilder(320);
        out.append("{\"e\":\"kline\",\"E\":").append(eventTimeMs)
            .append(",\"s\":\"").append(symbol.symbol()).append("\",\"k\":{\"t\":").append(candle.openTimeMs)
            .append(",\"T\":").append(candle.closeTimeMs)
            .append(",\"s\":\"").append(symbol.symbol()).append("\",\"i\":\"").append(series.timeframe().code())
            .append("\",\"f\":0,\"L\":0");
        appendDecimal(out, "o", candle.open, symbol.pricePrecision());
        appendDecimal(out, "c", candle.close, symbol.pricePrecision());
        appendDecimal(out, "h", candle.high, symbol.pricePrecision());
        appendDecimal(out, "l", candle.low, symbol.pricePrecision());
        appendDecimal(out, "v", candle.volume, symbol.quantityPrecision());
        out.append(",\"n\":0,\"x\":").append(closed)
            .append(",\"q\":\"").append(quoteVolume(symbol, candle)).append('"')
            .append(",\"V\":\"0\",\"Q\":\"0\",\"B\":\"0\"}}");
        return out.toString();
    }

    static String restArray(final SimulatedSymbol symbol, final List<CandleSeries.Candle> candles)
    {
        final StringBuilder out = new StringBuilder(candles.size() * 160 + 2);
        out.append('[');
        for (int i = 0; i < candles.size(); i++)
        {
            final CandleSeries.Candle candle = candles.get(i);
            if (i > 0)
            {
                out.append(',');
            }
            out.append('[').append(candle.openTimeMs).append(",\"");
            Decimals.append(out, candle.open, symbol.pricePrecision());
            out.append("\",\"");
            Decimals.append(out, candle.high, symbol.pricePrecision());
            out.append("\",\"");
            Decimals.append(out, candle.low, symbol.pricePrecision());
            out.append("\",\"");
            Decimals.append(out, candle.close, symbol.pricePrecision());
            out.append("\",\"");
            Decimals.append(out, candle.volume, symbol.quantityPrecision());
            out.append("\",").append(candle.closeTimeMs).append(",\"").append(quoteVolume(symbol, candle))
                .append("\",0,\"0\",\"0\",\"0\"]");
        }
        return out.append(']').toString();
    }

    private static void appendDecimal(final StringBuilder out, final String field, final long units, final int scale)
    {
        out.append(",\"").append(field).append("\":\"");
        Decimals.append(out, units, scale);
        out.append('"');
    }

    /** Volume times close, a fair estimate of the quote volume for a simulated candle. */
    private static String quoteVolume(final SimulatedSymbol symbol, final CandleSeries.Candle candle)
    {
        return BigDecimal.valueOf(candle.volume, symbol.quantityPrecision())
            .multiply(BigDecimal.valueOf(candle.close, symbol.pricePrecision()))
            .setScale(symbol.pricePrecision(), RoundingMode.DOWN)
            .toPlainString();
    }
}
