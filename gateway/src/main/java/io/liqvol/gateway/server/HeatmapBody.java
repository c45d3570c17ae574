package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.Int128;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Interval;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The realized liquidation heatmap of {@code /api/v1/heatmap} (docs/API.md §4.13) in pieces. The bins depend on the
 * price range of the answer, so the symbol's liquidations of the range are read twice, oldest first, at most
 * {@link OrderHistoryBody#PIECE_RECORDS} records a piece: once for their count and price range, then into the grid,
 * stopping after as many matches as the first read counted (the journal is append-only, so those are the same ones,
 * whatever arrived since). Then the cells are written, {@link #PIECE_CELLS} a piece. Without a journal the newest
 * liquidations in memory are the source.
 */
final class HeatmapBody implements StreamedAnswer.Body
{
    static final int PIECE_CELLS = 256;
    private static final int E8_SCALE = 8;

    private final LiquidationHistory history;
    private final Interval timeframe;
    private final VolumeRange range;
    private final int bins;
    private final long tickE8;
    private final int priceScale;
    private final String symbol;
    private final OrderFilter filter;
    private final MessageWriter writer = MessageWriter.plain();
    /** The in-memory source without a journal, null with one. */
    private final List<LiquidationSnapshot> recent;
    private JournalPosition position;
    private boolean measured;
    private long matches;
    private long minPriceE8 = Long.MAX_VALUE;
    private long maxPriceE8 = Long.MIN_VALUE;
    private HeatmapGrid grid;
    private long added;
    private Iterator<Map.Entry<Long, long[]>> cells;

    /** The liquidations of the selected venues only. */
    HeatmapBody(final LiquidationHistory history, final SymbolFormat format, final Interval timeframe,
        final VolumeRange range, final int bins, final VenueSelection venues)
    {
        this.history = history;
        this.symbol = format.symbol();
        this.timeframe = timeframe;
        this.range = range;
        this.bins = bins;
        this.tickE8 = tickE8(format.pricePrecision());
        this.priceScale = format.priceScale();
        this.filter = new OrderFilter(symbol, range.startMs(), range.endMs(), OrderFilter.ANY_SIDE, 0,
            OrderQueries.venues(venues));
        this.recent = history.isJournaled()
            ? null : inRange(history.recentLiquidations(symbol, Integer.MAX_VALUE, venues));
    }

    /** The price tick of a symbol listed with {@code pricePrecision} fraction digits, E8; 1 (1e-8) when unknown. */
    static long tickE8(final int pricePrecision)
    {
        long tickE8 = 1;
        for (int digits = pricePrecision; digits >= 0 && digits < E8_SCALE; digits++)
        {
            tickE8 *= 10;
        }
        return tickE8;
    }

    @Override
    public boolean appendTo(final ByteBuf out) throws IOException
    {
        if (!measured)
        {
            measured = read(this::measure, Long.MAX_VALUE);
            if (measured)
            {
                final boolean none = matches == 0;
                grid = new HeatmapGrid(timeframe, range.startMs(),
                    none ? tickE8 : HeatmapGrid.binSizeE8(tickE8, minPriceE8, maxPriceE8, bins),
                    none ? 0 : minPriceE8, none ? 0 : maxPriceE8);
            }
            return true;
        }
        if (cells == null)
        {
            if (added < matches && !read(this::add, matches - added))
            {
                return true;
            }
            cells = grid.cells();
            head(out);
            return true;
        }
        writer.writeInto(out, json ->
        {
            for (int n = 0; n < PIECE_CELLS && cells.hasNext(); n++)
            {
                cell(json, cells.next());
            }
            if (!cells.hasNext())
            {
                json.writeEndArray();
                json.writeEndObject();
            }
        });
        return cells.hasNext();
    }

    /** Reads the next piece of the range's liquidations into the visitor, at most {@code maxOrders}; whether done. */
    private boolean read(final OrderVisitor visitor, final long maxOrders)
    {
        if (recent != null)
        {
            for (int i = 0; i < recent.size() && i < maxOrders; i++)
            {
                final LiquidationSnapshot order = recent.get(i);
                visitor.accept(order.venue().ordinal(), symbol, order.side().ordinal(), order.tradeTimeMs(),
                    e8(order.quantity()), e8(order.price()));
            }
            return true;
        }
        final OrderScanResult result = history.orders(filter, false, position,
            (int)Math.min(Integer.MAX_VALUE, maxOrders), OrderHistoryBody.PIECE_RECORDS, visitor);
        position = result.next();
        return position == null;
    }

    private void measure(final int venue, final String name, final int side, final long tradeTimeMs,
        final long quantityE8, final long priceE8)
    {
        matches++;
        minPriceE8 = Math.min(minPriceE8, priceE8);
        maxPriceE8 = Math.max(maxPriceE8, priceE8);
    }

    private void add(final int venue, final String name, final int side, final long tradeTimeMs,
        final long quantityE8, final long priceE8)
    {
        if (!grid.add(side, tradeTimeMs, quantityE8, priceE8))
        {
            // only if retention removed the range's oldest segment between the two reads
            throw new IllegalStateException("the journal changed under a heatmap query");
        }
        added++;
    }

    private void head(final ByteBuf out) throws IOException
    {
        final boolean none = matches == 0;
        writer.writeInto(out, json ->
        {
            json.writeStartObject();
            json.writeStringField("symbol", symbol);
            json.writeStringField("timeframe", timeframe.code());
            json.writeStringField("kind", "realized");
            json.writeNumberField("start_time", range.startMs());
            json.writeNumberField("end_time", range.endMs());
            json.writeNumberField("bins", bins);
            json.writeStringField("tick_size", price(tickE8));
            json.writeStringField("bin_size", price(grid.binSizeE8()));
            json.writeNumberField("bin_count", none ? 0 : grid.binCount());
            json.writeStringField("price_low", none ? null : price(grid.binLowE8(0)));
            json.writeNumberField("count", matches);
            json.writeFieldName("cells");
            json.writeStartArray();
        });
    }

    private void cell(final JsonGenerator json, final Map.Entry<Long, long[]> entry) throws IOException
    {
        final long key = entry.getKey();
        final long[] cell = entry.getValue();
        final long bin = grid.bin(key);
        final long startMs = grid.bucketStartMs(key);
        final BigDecimal buy = Int128.toBigDecimal(cell[HeatmapGrid.BUY_HIGH], cell[HeatmapGrid.BUY_LOW], 16);
        final BigDecimal sell = Int128.toBigDecimal(cell[HeatmapGrid.SELL_HIGH], cell[HeatmapGrid.SELL_LOW], 16);
        json.writeStartObject();
        json.writeNumberField("time", startMs / 1000);
        json.writeNumberField("timestamp_ms", startMs);
        json.writeNumberField("bin", bin);
        json.writeStringField("price_low", price(grid.binLowE8(bin)));
        json.writeStringField("price_high", price(grid.binLowE8(bin + 1)));
        json.writeStringField("buy_volume", DecimalText.volume(buy));
        json.writeStringField("sell_volume", DecimalText.volume(sell));
        json.writeStringField("total_volume", DecimalText.volume(buy.add(sell)));
        json.writeNumberField("buy_count", cell[HeatmapGrid.BUY_COUNT]);
        json.writeNumberField("sell_count", cell[HeatmapGrid.SELL_COUNT]);
        json.writeNumberField("count", cell[HeatmapGrid.BUY_COUNT] + cell[HeatmapGrid.SELL_COUNT]);
        json.writeEndObject();
    }

    private String price(final long priceE8)
    {
        return DecimalText.plain(BigDecimal.valueOf(priceE8, E8_SCALE), priceScale);
    }

    private List<LiquidationSnapshot> inRange(final List<LiquidationSnapshot> newestFirst)
    {
        final List<LiquidationSnapshot> orders = new ArrayList<>();
        for (final LiquidationSnapshot order : newestFirst)
        {
            if (order.tradeTimeMs() >= range.startMs() && order.tradeTimeMs() < range.endMs())
            {
                orders.add(order);
            }
        }
        return orders;
    }

    private static long e8(final BigDecimal value)
    {
        return value.movePointRight(E8_SCALE).longValueExact();
    }
}
