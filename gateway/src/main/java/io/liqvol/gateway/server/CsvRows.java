package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Side;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Venue;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * REST answers as CSV (docs/API.md §4.12): a header row, then a row per bucket or order, lines ending in CRLF. The
 * values are the JSON answer's, the same exact decimal strings; none holds a comma, quote or line break, so none is
 * quoted. One instance per answer.
 */
final class CsvRows
{
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    static final String BUCKET_HEADER = "time,timestamp_ms,buy_volume,sell_volume,total_volume,delta_volume,"
        + "buy_count,sell_count,count,recorded_ms,coverage\r\n";
    static final String ORDER_HEADER = "symbol,side,quantity,avgPrice,priceUsdt,timestamp,exchange\r\n";

    private final FixedPointText text = new FixedPointText();
    private final char[] fraction = new char[6];

    /** The header of bucket rows, with each venue's columns when {@code exchanges} is not null. */
    static String bucketHeader(final VenueSelection exchanges)
    {
        if (exchanges == null)
        {
            return BUCKET_HEADER;
        }
        final StringBuilder header = new StringBuilder(BUCKET_HEADER.substring(0, BUCKET_HEADER.length() - 2));
        for (final Venue venue : Venue.values())
        {
            if (exchanges.includes(venue))
            {
                final String code = venue.code();
                header.append(',').append(code).append("_buy_volume,").append(code).append("_sell_volume,")
                    .append(code).append("_buy_count,").append(code).append("_sell_count");
            }
        }
        return header.append("\r\n").toString();
    }

    static void header(final ByteBuf out, final String header)
    {
        out.writeCharSequence(header, StandardCharsets.US_ASCII);
    }

    /** A bucket's row, with its coverage as of {@code nowMs}. */
    void bucket(final ByteBuf out, final BucketSnapshot bucket, final Interval timeframe, final Coverage coverage,
        final long nowMs)
    {
        bucket(out, bucket, timeframe, coverage, nowMs, null, 0);
    }

    /** As above, then row {@code row} of each selected venue of {@code exchanges} unless it is null. */
    void bucket(final ByteBuf out, final BucketSnapshot bucket, final Interval timeframe, final Coverage coverage,
        final long nowMs, final VenueBuckets exchanges, final int row)
    {
        number(out, bucket.startTimeMs() / 1000).writeByte(',');
        number(out, bucket.startTimeMs()).writeByte(',');
        ascii(out, DecimalText.volume(bucket.buyNotional())).writeByte(',');
        ascii(out, DecimalText.volume(bucket.sellNotional())).writeByte(',');
        ascii(out, DecimalText.volume(bucket.totalNotional())).writeByte(',');
        ascii(out, DecimalText.volume(bucket.deltaNotional())).writeByte(',');
        number(out, bucket.buyCount()).writeByte(',');
        number(out, bucket.sellCount()).writeByte(',');
        number(out, bucket.count()).writeByte(',');
        final long recordedMs = coverage.recordedMs(timeframe, bucket.startTimeMs(), nowMs);
        number(out, recordedMs).writeByte(',');
        final int length = MessageWriter.fractionText(
            Coverage.fraction(recordedMs, Coverage.spanMs(timeframe, bucket.startTimeMs(), nowMs)), fraction);
        for (int i = 0; i < length; i++)
        {
            out.writeByte(fraction[i]);
        }
        for (int venue = 0; exchanges != null && venue < Venue.count(); venue++)
        {
            final BucketSnapshot part = exchanges.bucket(venue, row);
            if (part != null)
            {
                out.writeByte(',');
                ascii(out, DecimalText.volume(part.buyNotional())).writeByte(',');
                ascii(out, DecimalText.volume(part.sellNotional())).writeByte(',');
                number(out, part.buyCount()).writeByte(',');
                number(out, part.sellCount());
            }
        }
        lineEnd(out);
    }

    /** An order's row. */
    void order(final ByteBuf out, final String symbol, final Venue venue, final Side side, final long quantityE8,
        final long priceE8, final long timeMs, final SymbolFormat format)
    {
        ascii(out, symbol).writeByte(',');
        ascii(out, side.name()).writeByte(',');
        text.e8(quantityE8, format.quantityScale());
        out.writeBytes(text.bytes, 0, text.length).writeByte(',');
        text.e8(priceE8, format.priceScale());
        out.writeBytes(text.bytes, 0, text.length).writeByte(',');
        text.notional(quantityE8, priceE8);
        text.volumePlain();
        out.writeBytes(text.bytes, 0, text.length).writeByte(',');
        number(out, timeMs).writeByte(',');
        ascii(out, venue.code());
        lineEnd(out);
    }

    private static ByteBuf number(final ByteBuf out, final long value)
    {
        return ascii(out, Long.toString(value));
    }

    private static ByteBuf ascii(final ByteBuf out, final String value)
    {
        out.writeCharSequence(value, StandardCharsets.US_ASCII);
        return out;
    }

    private static void lineEnd(final ByteBuf out)
    {
        out.writeByte('\r').writeByte('\n');
    }
}
