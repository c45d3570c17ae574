package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market over a window (docs/API.md §4.10): per symbol the long and short notional and counts summed from the
 * engine's buckets (minutes at the edges, hours between: in memory or the journal's roll-ups, never a journal scan),
 * its largest liquidation from the {@link LiquidationTape}, ranked by total; and the market's totals.
 */
final class MarketOverview
{
    private static final long HOUR_MS = 3_600_000L;
    private static final Comparator<Row> RANKED =
        Comparator.comparing(Row::total).reversed().thenComparing(Row::symbol);

    private MarketOverview()
    {
    }

    /** One symbol's totals over the window. */
    record Row(String symbol, BigDecimal longs, BigDecimal shorts, long longCount, long shortCount)
    {
        BigDecimal total()
        {
            return longs.add(shorts);
        }
    }

    /**
     * The symbols with a liquidation of the selected venues in {@code window}, ranked by total notional, largest
     * first.
     */
    static List<Row> rows(final LiquidationHistory history, final MarketWindow window, final VenueSelection venues)
    {
        final List<Row> rows = new ArrayList<>();
        for (final String symbol : history.symbols())
        {
            final Row row = row(history, symbol, window, venues);
            if (row.longCount() + row.shortCount() > 0)
            {
                rows.add(row);
            }
        }
        rows.sort(RANKED);
        return rows;
    }

    /** Writes the overview answer (§4.10). */
    static void write(
        final MessageWriter writer, final JsonGenerator json, final MarketWindow window, final List<Row> rows,
        final SizeClasses sizes, final LiquidationTape tape, final Coverage coverage, final long nowMs)
        throws IOException
    {
        json.writeStartObject();
        writeFields(writer, json, window, rows, sizes, tape, coverage, nowMs);
        json.writeEndObject();
    }

    /** The fields of the overview answer, inside an object the caller opened (also the stream's message, §3.7). */
    static void writeFields(
        final MessageWriter writer, final JsonGenerator json, final MarketWindow window, final List<Row> rows,
        final SizeClasses sizes, final LiquidationTape tape, final Coverage coverage, final long nowMs)
        throws IOException
    {
        window.writeFields(writer, json, coverage, nowMs);
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        long longCount = 0;
        long shortCount = 0;
        for (final Row row : rows)
        {
            longs = longs.add(row.longs());
            shorts = shorts.add(row.shorts());
            longCount += row.longCount();
            shortCount += row.shortCount();
        }
        json.writeFieldName("market");
        json.writeStartObject();
        totals(json, longs, shorts, longCount, shortCount);
        json.writeNumberField("symbols", rows.size());
        json.writeEndObject();
        final Map<String, Integer> onTape = new HashMap<>();
        for (int i = 0; i < sizes.symbols(); i++)
        {
            onTape.put(tape.symbol(i), i);
        }
        json.writeArrayFieldStart("symbols");
        for (final Row row : rows)
        {
            json.writeStartObject();
            json.writeStringField("symbol", row.symbol());
            totals(json, row.longs(), row.shorts(), row.longCount(), row.shortCount());
            largest(json, sizes, onTape.getOrDefault(row.symbol(), -1));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static Row row(
        final LiquidationHistory history, final String symbol, final MarketWindow window, final VenueSelection venues)
    {
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        long longCount = 0;
        long shortCount = 0;
        final long firstHourMs = Timeframe.H1.alignDownMs(window.startMs() + HOUR_MS - 1);
        final long lastHourMs = Timeframe.H1.alignDownMs(window.endMs());
        final List<BucketSnapshot> buckets = new ArrayList<>();
        if (firstHourMs < lastHourMs)
        {
            addRange(history, symbol, venues, Timeframe.M1, window.startMs(), firstHourMs, buckets);
            addRange(history, symbol, venues, Timeframe.H1, firstHourMs, lastHourMs, buckets);
            addRange(history, symbol, venues, Timeframe.M1, lastHourMs, window.endMs(), buckets);
        }
        else
        {
            addRange(history, symbol, venues, Timeframe.M1, window.startMs(), window.endMs(), buckets);
        }
        for (final BucketSnapshot bucket : buckets)
        {
            // a long position is liquidated by a SELL order, a short one by a BUY
            longs = longs.add(bucket.sellNotional());
            shorts = shorts.add(bucket.buyNotional());
            longCount += bucket.sellCount();
            shortCount += bucket.buyCount();
        }
        return new Row(symbol, longs, shorts, longCount, shortCount);
    }

    private static void addRange(final LiquidationHistory history, final String symbol, final VenueSelection venues,
        final Timeframe timeframe, final long startMs, final long endMs, final List<BucketSnapshot> into)
    {
        if (startMs < endMs)
        {
            into.addAll(history.volume(symbol, venues, timeframe, startMs, endMs));
        }
    }

    private static void totals(final JsonGenerator json, final BigDecimal longs, final BigDecimal shorts,
        final long longCount, final long shortCount) throws IOException
    {
        json.writeStringField("long_volume", DecimalText.volume(longs));
        json.writeStringField("short_volume", DecimalText.volume(shorts));
        json.writeStringField("total_volume", DecimalText.volume(longs.add(shorts)));
        json.writeStringField("total_volume_formatted", DecimalText.compact(longs.add(shorts)));
        json.writeNumberField("long_count", longCount);
        json.writeNumberField("short_count", shortCount);
        json.writeNumberField("count", longCount + shortCount);
    }

    private static void largest(final JsonGenerator json, final SizeClasses sizes, final int symbol)
        throws IOException
    {
        if (symbol < 0 || sizes.count(symbol) == 0)
        {
            json.writeNullField("largest");
            return;
        }
        final long[] best = sizes.largest(symbol);
        json.writeObjectFieldStart("largest");
        json.writeStringField("side", Side.fromOrdinal((int)best[0]).name());
        json.writeStringField("quantity", e8(best[1]));
        json.writeStringField("price", e8(best[2]));
        json.writeStringField("volume", DecimalText.volume(sizes.largestNotional(symbol)));
        json.writeNumberField("timestamp", best[3]);
        json.writeEndObject();
    }

    private static String e8(final long valueE8)
    {
        return DecimalText.plain(BigDecimal.valueOf(valueE8, 8), 0);
    }
}
