package io.liqvol.gateway.server;

import io.liqvol.engine.journal.JournalPosition;
import io.liqvol.engine.journal.OrderFilter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Where the next page of an order history query starts, with the query it belongs to (docs/API.md §4.2): an opaque
 * base64url text of a version byte, the direction, the filters, the journal position and a CRC32C of it all; a
 * query of a subset of venues is version 2, with their mask after the minimum notional (every venue stays version 1,
 * as before venues). A text
 * that is not one this server wrote — cut, altered, of another version — is refused with {@code invalid_cursor}; a
 * position's segment is checked against the journal when the page is read.
 */
record OrderCursor(OrderFilter filter, boolean newestFirst, JournalPosition position)
{
    static final byte VERSION = 1;
    /** A cursor of a subset of venues. */
    static final byte VENUES_VERSION = 2;
    private static final int FIXED_BYTES = 1 + 1 + 1 + 8 + 4 + 8 + 8 + 8 + 1 + 4;
    private static final int ANY_SIDE_CODE = 2;
    private static final int NEWEST_FIRST = 1;
    private static final int MAX_SYMBOL_LENGTH = 32;

    String encode()
    {
        final byte[] symbol = filter.symbol() == null
            ? new byte[0] : filter.symbol().getBytes(StandardCharsets.US_ASCII);
        final boolean allVenues = filter.venueMask() == OrderFilter.ALL_VENUES;
        final ByteBuffer bytes = ByteBuffer.allocate(FIXED_BYTES + (allVenues ? 0 : 1) + symbol.length);
        bytes.put(allVenues ? VERSION : VENUES_VERSION)
            .put((byte)(newestFirst ? NEWEST_FIRST : 0))
            .put((byte)(filter.side() == OrderFilter.ANY_SIDE ? ANY_SIDE_CODE : filter.side()))
            .putLong(position.segment())
            .putInt(position.record())
            .putLong(filter.startMs())
            .putLong(filter.endMs())
            .putLong(filter.minNotionalE8());
        if (!allVenues)
        {
            bytes.put((byte)filter.venueMask());
        }
        bytes.put((byte)symbol.length)
            .put(symbol);
        bytes.putInt(checksum(bytes.array(), bytes.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor a text stands for; 400 {@code invalid_cursor} if it is not one. */
    static OrderCursor decode(final String text)
    {
        final byte[] raw;
        try
        {
            raw = Base64.getUrlDecoder().decode(text);
        }
        catch (final IllegalArgumentException e)
        {
            throw invalid("it is not base64url");
        }
        if (raw.length < FIXED_BYTES || raw[0] != VERSION && raw[0] != VENUES_VERSION)
        {
            throw invalid("it is not a cursor of this version");
        }
        final ByteBuffer bytes = ByteBuffer.wrap(raw);
        final int checked = raw.length - 4;
        if (bytes.getInt(checked) != checksum(raw, checked))
        {
            throw invalid("it was altered");
        }
        bytes.position(1);
        final int direction = bytes.get();
        final int side = bytes.get();
        final long segment = bytes.getLong();
        final int record = bytes.getInt();
        final long startMs = bytes.getLong();
        final long endMs = bytes.getLong();
        final long minNotionalE8 = bytes.getLong();
        final int venueBytes = raw[0] == VENUES_VERSION ? 1 : 0;
        final int venues = venueBytes == 0 ? OrderFilter.ALL_VENUES : bytes.get();
        final int symbolLength = bytes.remaining() > 4 ? bytes.get() : -1;
        if ((direction & ~NEWEST_FIRST) != 0 || side < 0 || side > ANY_SIDE_CODE || record < 0 || startMs < 0
            || startMs >= endMs || minNotionalE8 < 0 || symbolLength < 0 || symbolLength > MAX_SYMBOL_LENGTH
            || venueBytes == 1 && (venues <= 0 || venues >= VenueSelection.ALL.mask())
            || raw.length != FIXED_BYTES + venueBytes + symbolLength)
        {
            throw invalid("it is not one this server wrote");
        }
        final String symbol = symbolLength == 0
            ? null : new String(raw, bytes.position(), symbolLength, StandardCharsets.US_ASCII);
        return new OrderCursor(
            new OrderFilter(symbol, startMs, endMs, side == ANY_SIDE_CODE ? OrderFilter.ANY_SIDE : side, minNotionalE8,
                venues),
            direction == NEWEST_FIRST, new JournalPosition(segment, record));
    }

    static ApiException invalid(final String why)
    {
        return ApiException.badRequest("invalid_cursor", "the cursor is not valid: " + why);
    }

    private static int checksum(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int)crc.getValue();
    }
}
