package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderScanResult;
import io.liqvol.engine.journal.OrderVisitor;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A page of the order history (docs/API.md §4.2) read from the journal in pieces of at most {@link #PIECE_ORDERS}
 * orders and {@link #PIECE_RECORDS} records, each written as it is read: as JSON {@code {"orders":[…],
 * "next_cursor":…}}, or as CSV rows without a cursor. A page ends after its limit, at the end of the journal, or (JSON)
 * after {@link #PAGE_PIECES} pieces, so that a filter that matches little still answers within a bounded read, with a
 * cursor to go on from.
 */
final class OrderHistoryBody implements StreamedAnswer.Body
{
    static final int PIECE_ORDERS = 64;
    static final long PIECE_RECORDS = 65_536;
    /** 16 pieces: a page reads at most about a million records (64 MiB of journal). */
    static final int PAGE_PIECES = 16;

    private final LiquidationHistory history;
    private final SymbolDirectory symbols;
    private final OrderCursor query;
    /** Null for JSON. */
    private final CsvRows csv;
    private final MessageWriter writer;
    private final OrderVisitor visitor;
    private ByteBuf out;
    private JournalPosition position;
    private long remaining;
    private int pieces;
    private boolean begun;
    private boolean expired;

    /** {@code limit}: the most orders of the page, {@link Long#MAX_VALUE} for all of the range (CSV). */
    OrderHistoryBody(final LiquidationHistory history, final SymbolDirectory symbols, final OrderCursor query,
        final long limit, final boolean asCsv)
    {
        this.history = history;
        this.symbols = symbols;
        this.query = query;
        this.position = query.position();
        this.remaining = limit;
        this.csv = asCsv ? new CsvRows() : null;
        this.writer = asCsv ? null : MessageWriter.plain();
        this.visitor = asCsv ? this::csvRow : this::jsonRow;
    }

    @Override
    public boolean appendTo(final ByteBuf into) throws IOException
    {
        out = into;
        if (!begun)
        {
            begun = true;
            head();
        }
        final boolean more = piece();
        if (!more)
        {
            end();
        }
        out = null;
        return more;
    }

    private void head() throws IOException
    {
        if (csv != null)
        {
            CsvRows.header(out, CsvRows.ORDER_HEADER);
            return;
        }
        writer.writeInto(out, json ->
        {
            json.writeStartObject();
            json.writeFieldName("orders");
            json.writeStartArray();
        });
    }

    /** Reads and writes the next piece; whether the page goes on. */
    private boolean piece() throws IOException
    {
        final int orders = (int)Math.min(PIECE_ORDERS, remaining);
        final boolean first = pieces == 0;
        final OrderScanResult result;
        try
        {
            result = history.orders(
                query.filter(), query.newestFirst(), position, orders, PIECE_RECORDS, visitor);
        }
        catch (final IllegalArgumentException e)
        {
            throw OrderCursor.invalid("the journal has no such position");
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
        expired |= first && result.skippedRemoved();
        pieces++;
        position = result.next();
        return position != null && remaining > 0 && (csv != null || pieces < PAGE_PIECES);
    }

    private void end() throws IOException
    {
        if (csv != null)
        {
            return;
        }
        final String next = position == null ? null
            : new OrderCursor(query.filter(), query.newestFirst(), position).encode();
        writer.writeInto(out, json ->
        {
            json.writeEndArray();
            json.writeStringField("next_cursor", next);
            if (expired)
            {
                json.writeBooleanField("cursor_expired", true);
            }
            json.writeEndObject();
        });
    }

    private void jsonRow(final int venue, final String symbol, final int side, final long tradeTimeMs,
        final long quantityE8, final long priceE8)
    {
        remaining--;
        try
        {
            writer.writeInto(out, json -> writer.order(symbol, Venue.fromOrdinal(venue),
                Side.fromOrdinal(side), quantityE8, priceE8, tradeTimeMs, symbols.format(symbol)));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void csvRow(final int venue, final String symbol, final int side, final long tradeTimeMs,
        final long quantityE8, final long priceE8)
    {
        remaining--;
        csv.order(out, symbol, Venue.fromOrdinal(venue), Side.fromOrdinal(side), quantityE8, priceE8, tradeTimeMs,
            symbols.format(symbol));
    }
}
