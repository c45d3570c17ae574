package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;

/** The size distribution answer (docs/API.md §4.11): count and notional per size class, of a symbol or the market. */
final class SizeDistribution
{
    private SizeDistribution()
    {
    }

    /** {@code symbol} null: the market. */
    static void write(
        final MessageWriter writer, final JsonGenerator json, final MarketWindow window, final String symbol,
        final SizeClasses sizes, final LiquidationTape tape, final Coverage coverage, final long nowMs)
        throws IOException
    {
        int index = symbol == null ? -1 : sizes.symbols();
        for (int i = 0; symbol != null && i < sizes.symbols(); i++)
        {
            if (tape.symbol(i).equals(symbol))
            {
                index = i;
            }
        }
        json.writeStartObject();
        if (symbol == null)
        {
            json.writeNullField("symbol");
        }
        else
        {
            json.writeStringField("symbol", symbol);
        }
        window.writeFields(writer, json, coverage, nowMs);
        writeClasses(json, sizes, index);
        json.writeEndObject();
    }

    /**
     * {@code "classes","count","total_volume"} of symbol number {@code index} of the tape, or of the market for -1
     * (also in the overview stream's message, §3.7).
     */
    static void writeClasses(final JsonGenerator json, final SizeClasses sizes, final int index) throws IOException
    {
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        json.writeArrayFieldStart("classes");
        for (int c = 0; c < SizeClasses.CLASSES; c++)
        {
            final boolean listed = index < sizes.symbols();
            final long classCount = listed ? sizes.count(index, c) : 0;
            final BigDecimal notional = listed ? sizes.notional(index, c) : BigDecimal.ZERO;
            count += classCount;
            total = total.add(notional);
            json.writeStartObject();
            json.writeStringField("class", SizeClasses.LABELS.get(c));
            json.writeStringField("min_usdt", DecimalText.volume(BigDecimal.valueOf(SizeClasses.LOWER_BOUNDS_USDT[c])));
            if (c + 1 < SizeClasses.CLASSES)
            {
                json.writeStringField("max_usdt",
                    DecimalText.volume(BigDecimal.valueOf(SizeClasses.LOWER_BOUNDS_USDT[c + 1])));
            }
            else
            {
                json.writeNullField("max_usdt");
            }
            json.writeNumberField("count", classCount);
            json.writeStringField("volume", DecimalText.volume(notional));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("count", count);
        json.writeStringField("total_volume", DecimalText.volume(total));
    }
}
