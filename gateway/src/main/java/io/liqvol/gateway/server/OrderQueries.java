package io.liqvol.gateway.server;

import io.liqvol.engine.Side;
import io.liqvol.engine.journal.OrderFilter;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.math.BigDecimal;

/**
 * Reads an order history request's parameters (docs/API.md §4.2) into the page to answer: its filters, its direction
 * and where it starts. With a {@code cursor}, the query is the cursor's; a filter given next to it must be the
 * cursor's own, else the cursor belongs to another query ({@code invalid_cursor}).
 */
final class OrderQueries
{
    private static final int E8_SCALE = 8;

    private OrderQueries()
    {
    }

    /** {@code symbol}: the route's, null for all symbols. */
    static OrderCursor page(final QueryStringDecoder query, final String symbol)
    {
        final String rawStart = RestApi.parameter(query, "start", "start_time");
        final String rawEnd = RestApi.parameter(query, "end", "end_time");
        final VolumeRange range = RequestValidator.interval(rawStart, rawEnd);
        final String rawSide = RestApi.parameter(query, "side", null);
        final String rawMin = RestApi.parameter(query, "min_usdt", null);
        final String rawOrder = RestApi.parameter(query, "order", null);
        final String rawExchange = RestApi.parameter(query, "exchange", null);
        final OrderFilter asked = new OrderFilter(symbol, range.startMs(), range.endMs(), side(rawSide),
            minNotionalE8(rawMin), venues(VenueSelection.parse(rawExchange)));
        final boolean newestFirst = newestFirst(rawOrder);
        final String text = RestApi.parameter(query, "cursor", null);
        if (text == null)
        {
            return new OrderCursor(asked, newestFirst, null);
        }
        final OrderCursor cursor = OrderCursor.decode(text);
        final OrderFilter held = cursor.filter();
        if (!same(symbol, held.symbol())
            || rawStart != null && asked.startMs() != held.startMs()
            || rawEnd != null && asked.endMs() != held.endMs()
            || rawSide != null && asked.side() != held.side()
            || rawMin != null && asked.minNotionalE8() != held.minNotionalE8()
            || rawOrder != null && newestFirst != cursor.newestFirst()
            || rawExchange != null && asked.venueMask() != held.venueMask())
        {
            throw OrderCursor.invalid("it belongs to another query");
        }
        return cursor;
    }

    /** The filter's venue bits: {@link OrderFilter#ALL_VENUES} for all. */
    static int venues(final VenueSelection selection)
    {
        return selection.isAll() ? OrderFilter.ALL_VENUES : selection.mask();
    }

    private static boolean same(final String symbol, final String other)
    {
        return symbol == null ? other == null : symbol.equals(other);
    }

    /** {@code BUY} or {@code SELL} (any case); absent: both. */
    static int side(final String raw)
    {
        if (raw == null)
        {
            return OrderFilter.ANY_SIDE;
        }
        for (final Side side : Side.values())
        {
            if (side.name().equalsIgnoreCase(raw))
            {
                return side.ordinal();
            }
        }
        throw ApiException.badRequest("invalid_parameter", "side must be BUY or SELL, was " + raw);
    }

    /** A decimal of USDT, at least 0, with at most 8 fraction digits, as E8; absent: 0. */
    static long minNotionalE8(final String raw)
    {
        if (raw == null)
        {
            return 0;
        }
        try
        {
            final BigDecimal value = new BigDecimal(raw);
            if (value.signum() >= 0 && value.scale() <= E8_SCALE && raw.length() <= 32)
            {
                return value.movePointRight(E8_SCALE).longValueExact();
            }
        }
        catch (final NumberFormatException | ArithmeticException ignored)
        {
            // answered below
        }
        throw ApiException.badRequest("invalid_parameter",
            "min_usdt must be a decimal of at least 0 with at most 8 fraction digits, was " + raw);
    }

    /** {@code desc} (the default) or {@code asc}. */
    static boolean newestFirst(final String raw)
    {
        if (raw == null || raw.equals("desc"))
        {
            return true;
        }
        if (raw.equals("asc"))
        {
            return false;
        }
        throw ApiException.badRequest("invalid_parameter", "order must be desc or asc, was " + raw);
    }
}
