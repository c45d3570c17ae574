package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.Interval;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes the contract's messages (docs/API.md §3, §4) with one long-lived jackson generator into pooled
 * buffers. A framing writer ({@link #framing()}) produces complete WebSocket text frames (server frames are
 * unmasked, so the same bytes go to every client as they are); a plain one produces JSON only. Not
 * thread-safe: one instance per thread ({@link #forThisThread()}, {@link #framingForThisThread()}).
 */
public final class MessageWriter
{
    private static final JsonFactory FACTORY = new JsonFactory()
        .setRootValueSeparator(null)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** Room for the longest header of a server text frame: opcode byte, length byte, 64-bit length. */
    private static final int FRAME_HEADER_ROOM = 10;
    private static final int TEXT_FRAME_FIN = 0x81;
    private static final FastThreadLocal<MessageWriter> PER_THREAD = new FastThreadLocal<>()
    {
        @Override
        protected MessageWriter initialValue()
        {
            return new MessageWriter(false);
        }
    };
    private static final FastThreadLocal<MessageWriter> FRAMING_PER_THREAD = new FastThreadLocal<>()
    {
        @Override
        protected MessageWriter initialValue()
        {
            return new MessageWriter(true);
        }
    };

    /** Writes one JSON value with the generator. */
    @FunctionalInterface
    public interface Body
    {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private final ByteBufSink sink = new ByteBufSink();
    private final FixedPointText text = new FixedPointText();
    private final JsonGenerator json;
    private final boolean framing;
    /** A coverage fraction as JSON number text: {@code 0}, {@code 1} or {@code 0.} and up to four digits. */
    private final char[] fraction = new char[6];

    private MessageWriter(final boolean framing)
    {
        this.framing = framing;
        try
        {
            json = FACTORY.createGenerator(sink);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer of plain JSON. */
    public static MessageWriter plain()
    {
        return new MessageWriter(false);
    }

    /** A writer of whole WebSocket text frames, for bytes shared by many clients. */
    public static MessageWriter framing()
    {
        return new MessageWriter(true);
    }

    public static MessageWriter forThisThread()
    {
        return PER_THREAD.get();
    }

    public static MessageWriter framingForThisThread()
    {
        return FRAMING_PER_THREAD.get();
    }

    /**
     * One piece of a streamed answer: what {@code body} writes, flushed into {@code buffer}. The generator keeps its
     * place between pieces, so a writer of its own ({@link #plain()}) serves one answer, a piece at a time, from any
     * thread that holds it.
     */
    public void writeInto(final ByteBuf buffer, final Body body) throws IOException
    {
        sink.target(buffer);
        try
        {
            body.writeTo(json);
            json.flush();
        }
        finally
        {
            sink.target(null);
        }
    }

    /** Any JSON body, cold path. */
    public ByteBuf encode(final ByteBufAllocator allocator, final Body body)
    {
        final ByteBuf buffer = begin(allocator, 256);
        try
        {
            body.writeTo(json);
            return end(buffer);
        }
        catch (final IOException | RuntimeException e)
        {
            buffer.release();
            throw e instanceof IOException ? new UncheckedIOException((IOException)e) : (RuntimeException)e;
        }
    }

    /** {@code liquidation_order}: all the rows, newest first. */
    public ByteBuf liquidationOrders(
        final ByteBufAllocator allocator,
        final String symbol,
        final boolean initial,
        final long nowMs,
        final OrderRows rows,
        final SymbolFormat format)
    {
        return liquidationOrders(allocator, symbol, initial, nowMs, rows, 0, rows.size(), format);
    }

    /** {@code liquidation_order}: the rows {@code [fromIndex, toIndex)} (arrival order), newest first. */
    public ByteBuf liquidationOrders(
        final ByteBufAllocator allocator,
        final String symbol,
        final boolean initial,
        final long nowMs,
        final OrderRows rows,
        final int fromIndex,
        final int toIndex,
        final SymbolFormat format)
    {
        final ByteBuf buffer = begin(allocator, 128 + (toIndex - fromIndex) * 300);
        try
        {
            json.writeStartObject();
            json.writeStringField("type", "liquidation_order");
            json.writeStringField("symbol", symbol);
            json.writeBooleanField("initial", initial);
            timestampField(json, "timestamp", nowMs);
            json.writeFieldName("data");
            orderArray(rows, fromIndex, toIndex, format, symbol);
            json.writeEndObject();
            return end(buffer);
        }
        catch (final IOException e)
        {
            buffer.release();
            throw new UncheckedIOException(e);
        }
    }

    /** The orders as a bare JSON array, newest first (REST). */
    public void orderArray(final OrderRows rows, final SymbolFormat format, final String symbol) throws IOException
    {
        orderArray(rows, 0, rows.size(), format, symbol);
    }

    private void orderArray(
        final OrderRows rows, final int fromIndex, final int toIndex, final SymbolFormat format, final String symbol)
        throws IOException
    {
        json.writeStartArray();
        for (int i = toIndex - 1; i >= fromIndex; i--)
        {
            order(symbol, rows.venue(i), rows.side(i), rows.quantityE8(i), rows.priceE8(i), rows.timeMs(i), format);
        }
        json.writeEndArray();
    }

    /** One order in the contract's shape (docs/API.md §3.2). */
    public void order(final String symbol, final Venue venue, final Side side, final long quantityE8,
        final long priceE8, final long timeMs, final SymbolFormat format) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("symbol", symbol);
        json.writeStringField("side", side.name());
        text.e8(quantityE8, format.quantityScale());
        json.writeFieldName("quantity");
        json.writeUTF8String(text.bytes, 0, text.length);
        json.writeFieldName("quantityFormatted");
        json.writeUTF8String(text.bytes, 0, text.length);
        text.e8(priceE8, format.priceScale());
        json.writeFieldName("avgPrice");
        json.writeUTF8String(text.bytes, 0, text.length);
        text.notional(quantityE8, priceE8);
        text.volumePlain();
        json.writeFieldName("priceUsdt");
        json.writeUTF8String(text.bytes, 0, text.length);
        text.volumeGrouped();
        json.writeFieldName("priceUsdtFormatted");
        json.writeUTF8String(text.bytes, 0, text.length);
        json.writeNumberField("timestamp", timeMs);
        text.displayTime(timeMs);
        json.writeFieldName("displayTime");
        json.writeUTF8String(text.bytes, 0, text.length);
        json.writeStringField("baseAsset", format.baseAsset());
        json.writeStringField("exchange", venue.code());
        json.writeEndObject();
    }

    /**
     * {@code liquidation_volume}; with {@code range} the answer to a client's range request echoes it, with
     * {@code exchanges} each bucket has its selected venues' parts ({@code by_exchange}).
     */
    public ByteBuf liquidationVolume(
        final ByteBufAllocator allocator,
        final String symbol,
        final Interval timeframe,
        final boolean update,
        final long nowMs,
        final List<BucketSnapshot> buckets,
        final Coverage coverage,
        final VolumeRange range,
        final VenueBuckets exchanges)
    {
        final ByteBuf buffer = begin(allocator, 192 + buckets.size() * (exchanges == null ? 440 : 800));
        try
        {
            volumeHeader(symbol, timeframe, update, nowMs, range);
            bucketArray(buckets, timeframe, coverage, nowMs, exchanges);
            json.writeEndObject();
            return end(buffer);
        }
        catch (final IOException e)
        {
            buffer.release();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code liquidation_volume} update of one changed bucket, encoded from the engine's 128-bit sums without
     * allocating (the same text as a {@link BucketSnapshot} of it gives).
     */
    public ByteBuf liquidationVolume(
        final ByteBufAllocator allocator, final BucketView bucket, final Coverage coverage, final long nowMs)
    {
        return liquidationVolume(allocator, bucket, coverage, nowMs, null);
    }

    /**
     * As above, with the part of each venue of {@code exchanges} that has a liquidation in the bucket
     * ({@code by_exchange}) unless it is null.
     */
    public ByteBuf liquidationVolume(final ByteBufAllocator allocator, final BucketView bucket,
        final Coverage coverage, final long nowMs, final VenueSelection exchanges)
    {
        final ByteBuf buffer = begin(allocator, exchanges == null ? 640 : 1024);
        try
        {
            volumeHeader(bucket.symbol(), bucket.timeframe(), true, nowMs, null);
            json.writeStartArray();
            json.writeStartObject();
            json.writeNumberField("time", bucket.startTimeMs() / 1000);
            json.writeNumberField("timestamp_ms", bucket.startTimeMs());
            final long buyHigh = bucket.buyNotionalE16High();
            final long buyLow = bucket.buyNotionalE16Low();
            final long sellHigh = bucket.sellNotionalE16High();
            final long sellLow = bucket.sellNotionalE16Low();
            for (int pass = 0; pass < 2; pass++)
            {
                final boolean compact = pass == 1;
                volumeField(compact ? "buy_volume_formatted" : "buy_volume", compact, buyHigh, buyLow, 0, 0, false);
                volumeField(compact ? "sell_volume_formatted" : "sell_volume", compact, sellHigh, sellLow, 0, 0, false);
                volumeField(compact ? "total_volume_formatted" : "total_volume", compact, buyHigh, buyLow, sellHigh,
                    sellLow, false);
                volumeField(compact ? "delta_volume_formatted" : "delta_volume", compact, buyHigh, buyLow, sellHigh,
                    sellLow, true);
            }
            json.writeNumberField("buy_count", bucket.buyCount());
            json.writeNumberField("sell_count", bucket.sellCount());
            json.writeNumberField("count", bucket.buyCount() + bucket.sellCount());
            coverageFields(bucket.timeframe(), bucket.startTimeMs(), coverage, nowMs);
            if (exchanges != null)
            {
                venueParts(bucket, exchanges);
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            return end(buffer);
        }
        catch (final IOException e)
        {
            buffer.release();
            throw new UncheckedIOException(e);
        }
    }

    private void volumeHeader(
        final String symbol, final Interval timeframe, final boolean update, final long nowMs, final VolumeRange range)
        throws IOException
    {
        json.writeStartObject();
        json.writeStringField("type", "liquidation_volume");
        json.writeStringField("symbol", symbol);
        json.writeStringField("timeframe", timeframe.code());
        json.writeBooleanField("is_update", update);
        timestampField(json, "timestamp", nowMs);
        if (range != null)
        {
            json.writeObjectFieldStart("range");
            json.writeNumberField("start", range.startMs());
            json.writeNumberField("end", range.endMs());
            json.writeEndObject();
        }
        json.writeFieldName("data");
    }

    /** {@code "exchanges":{…}}: each selected venue with a liquidation in the bucket, from the engine's words. */
    private void venueParts(final BucketView bucket, final VenueSelection venues) throws IOException
    {
        json.writeObjectFieldStart("exchanges");
        for (final Venue venue : Venue.values())
        {
            final BucketView part = venues.includes(venue) ? bucket.venues(1 << venue.ordinal()) : null;
            if (part != null && part.buyCount() + part.sellCount() > 0)
            {
                json.writeObjectFieldStart(venue.code());
                volumeField("buy_volume", false, part.buyNotionalE16High(), part.buyNotionalE16Low(), 0, 0, false);
                volumeField("sell_volume", false, part.sellNotionalE16High(), part.sellNotionalE16Low(), 0, 0, false);
                json.writeNumberField("buy_count", part.buyCount());
                json.writeNumberField("sell_count", part.sellCount());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    /** {@code "exchanges":{…}} of row {@code row}: each selected venue with a liquidation in the bucket. */
    private void venueParts(final VenueBuckets exchanges, final int row) throws IOException
    {
        json.writeObjectFieldStart("exchanges");
        for (final Venue venue : Venue.values())
        {
            final BucketSnapshot part = exchanges.bucket(venue.ordinal(), row);
            if (part != null && part.count() > 0)
            {
                json.writeObjectFieldStart(venue.code());
                json.writeStringField("buy_volume", DecimalText.volume(part.buyNotional()));
                json.writeStringField("sell_volume", DecimalText.volume(part.sellNotional()));
                json.writeNumberField("buy_count", part.buyCount());
                json.writeNumberField("sell_count", part.sellCount());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }

    /** {@code "field":"a ± b"}, exact or compact, from 128-bit E16 words. */
    private void volumeField(
        final String field,
        final boolean compact,
        final long aHigh,
        final long aLow,
        final long bHigh,
        final long bLow,
        final boolean subtract) throws IOException
    {
        text.sumE16(aHigh, aLow, bHigh, bLow, subtract);
        if (compact)
        {
            text.volumeCompact();
        }
        else
        {
            text.volumePlain();
        }
        json.writeFieldName(field);
        json.writeUTF8String(text.bytes, 0, text.length);
    }

    /** The buckets as a JSON array in the contract's shape, each with its coverage as of {@code nowMs}. */
    public void bucketArray(
        final List<BucketSnapshot> buckets, final Interval timeframe, final Coverage coverage, final long nowMs)
        throws IOException
    {
        bucketArray(buckets, timeframe, coverage, nowMs, null);
    }

    /** As above, each bucket with its venues' parts (row for row) unless {@code exchanges} is null. */
    void bucketArray(final List<BucketSnapshot> buckets, final Interval timeframe, final Coverage coverage,
        final long nowMs, final VenueBuckets exchanges) throws IOException
    {
        json.writeStartArray();
        for (int i = 0; i < buckets.size(); i++)
        {
            bucket(buckets.get(i), timeframe, coverage, nowMs, exchanges, i);
        }
        json.writeEndArray();
    }

    /**
     * One bucket in the contract's shape, with its coverage as of {@code nowMs}, and row {@code row} of
     * {@code exchanges} unless it is null.
     */
    void bucket(final BucketSnapshot bucket, final Interval timeframe, final Coverage coverage, final long nowMs,
        final VenueBuckets exchanges, final int row) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("time", bucket.startTimeMs() / 1000);
        json.writeNumberField("timestamp_ms", bucket.startTimeMs());
        json.writeStringField("buy_volume", DecimalText.volume(bucket.buyNotional()));
        json.writeStringField("sell_volume", DecimalText.volume(bucket.sellNotional()));
        json.writeStringField("total_volume", DecimalText.volume(bucket.totalNotional()));
        json.writeStringField("delta_volume", DecimalText.volume(bucket.deltaNotional()));
        json.writeStringField("buy_volume_formatted", DecimalText.compact(bucket.buyNotional()));
        json.writeStringField("sell_volume_formatted", DecimalText.compact(bucket.sellNotional()));
        json.writeStringField("total_volume_formatted", DecimalText.compact(bucket.totalNotional()));
        json.writeStringField("delta_volume_formatted", DecimalText.compact(bucket.deltaNotional()));
        json.writeNumberField("buy_count", bucket.buyCount());
        json.writeNumberField("sell_count", bucket.sellCount());
        json.writeNumberField("count", bucket.count());
        coverageFields(timeframe, bucket.startTimeMs(), coverage, nowMs);
        if (exchanges != null)
        {
            venueParts(exchanges, row);
        }
        json.writeEndObject();
    }

    /** {@code "recorded_ms":N,"coverage":X} of a bucket (docs/API.md §2.1), without allocating. */
    private void coverageFields(
        final Interval timeframe, final long bucketStartMs, final Coverage coverage, final long nowMs)
        throws IOException
    {
        final long recordedMs = coverage.recordedMs(timeframe, bucketStartMs, nowMs);
        coverageFields(recordedMs, Coverage.spanMs(timeframe, bucketStartMs, nowMs));
    }

    /** {@code "recorded_ms":N,"coverage":X} of any span of {@code spanMs} (docs/API.md §2.1). */
    public void coverageFields(final long recordedMs, final long spanMs) throws IOException
    {
        json.writeNumberField("recorded_ms", recordedMs);
        json.writeFieldName("coverage");
        json.writeNumber(fraction, 0, fractionText(Coverage.fraction(recordedMs, spanMs), fraction));
    }

    /**
     * Writes {@code scaled / 10^4} into {@code fraction} (room for six) without trailing zeros and returns its length:
     * {@code 0}, {@code 1} or {@code 0.} and up to four digits.
     */
    static int fractionText(final int scaled, final char[] fraction)
    {
        if (scaled == 0 || scaled == Coverage.SCALE)
        {
            fraction[0] = scaled == 0 ? '0' : '1';
            return 1;
        }
        fraction[0] = '0';
        fraction[1] = '.';
        int digits = scaled;
        int length = 6;
        while (digits % 10 == 0)
        {
            digits /= 10;
            length--;
        }
        for (int at = length - 1; at >= 2; at--)
        {
            fraction[at] = (char)('0' + digits % 10);
            digits /= 10;
        }
        return length;
    }

    /** {@code {"type":"kline","symbol","timeframe","data":{time,open,high,low,close,volume,closed}}}. */
    public ByteBuf kline(
        final ByteBufAllocator allocator, final String symbol, final String interval, final Candle candle)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeStringField("type", "kline");
            generator.writeStringField("symbol", symbol);
            generator.writeStringField("timeframe", interval);
            generator.writeFieldName("data");
            candle(generator, candle, true);
            generator.writeEndObject();
        });
    }

    /** One candle: {@code time} in epoch seconds, prices and volume as strings. */
    public static void candle(final JsonGenerator json, final Candle candle, final boolean withClosed)
        throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("time", candle.openTimeMs() / 1000);
        json.writeStringField("open", candle.open());
        json.writeStringField("high", candle.high());
        json.writeStringField("low", candle.low());
        json.writeStringField("close", candle.close());
        json.writeStringField("volume", candle.volume());
        if (withClosed)
        {
            json.writeBooleanField("closed", candle.closed());
        }
        json.writeEndObject();
    }

    public ByteBuf heartbeat(final ByteBufAllocator allocator, final String symbol, final long nowMs)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeStringField("type", "heartbeat");
            generator.writeStringField("symbol", symbol);
            timestampField(generator, "timestamp", nowMs);
            generator.writeEndObject();
        });
    }

    public ByteBuf pong(final ByteBufAllocator allocator)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeStringField("type", "pong");
            generator.writeEndObject();
        });
    }

    /** A WebSocket error message: {@code {"type":"error","code","message"}}. */
    public ByteBuf error(final ByteBufAllocator allocator, final String code, final String message)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeStringField("type", "error");
            generator.writeStringField("code", code);
            generator.writeStringField("message", message);
            generator.writeEndObject();
        });
    }

    /** A REST error body: {@code {"error":{"code","message"}}}. */
    public ByteBuf restError(final ByteBufAllocator allocator, final String code, final String message)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeObjectFieldStart("error");
            generator.writeStringField("code", code);
            generator.writeStringField("message", message);
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    public ByteBuf gap(final ByteBufAllocator allocator, final String symbol, final Gap gap)
    {
        return encode(allocator, generator ->
        {
            generator.writeStartObject();
            generator.writeStringField("type", "gap");
            generator.writeStringField("symbol", symbol);
            generator.writeNumberField("from", gap.fromMs());
            generator.writeNumberField("to", gap.toMs());
            generator.writeStringField("kind", gap.kind().code());
            generator.writeStringField("exchange", exchange(gap));
            generator.writeEndObject();
        });
    }

    /**
     * {@code {"recording_since":MS,"gaps":[{"from","to","kind"}...]}}, with {@code "truncated":true} if cut; a gap
     * under way ({@code openGap}, or null) last, {@code "to"} now and {@code "open":true} (docs/API.md §4.8).
     */
    public void gapList(final long recordingSinceMs, final List<Gap> gaps, final Gap openGap, final boolean truncated)
        throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("recording_since", recordingSinceMs);
        json.writeArrayFieldStart("gaps");
        gapElements(json, gaps);
        if (openGap != null)
        {
            json.writeStartObject();
            gapFields(json, openGap);
            json.writeBooleanField("open", true);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (truncated)
        {
            json.writeBooleanField("truncated", true);
        }
        json.writeEndObject();
    }

    /** {@code "gaps":[{"from":MS,"to":MS,"kind":"…"}...]} (also in {@code /health}). */
    public static void gapArray(final JsonGenerator json, final List<Gap> gaps) throws IOException
    {
        json.writeArrayFieldStart("gaps");
        gapElements(json, gaps);
        json.writeEndArray();
    }

    private static void gapElements(final JsonGenerator json, final List<Gap> gaps) throws IOException
    {
        for (final Gap gap : gaps)
        {
            json.writeStartObject();
            gapFields(json, gap);
            json.writeEndObject();
        }
    }

    private static void gapFields(final JsonGenerator json, final Gap gap) throws IOException
    {
        json.writeNumberField("from", gap.fromMs());
        json.writeNumberField("to", gap.toMs());
        json.writeStringField("kind", gap.kind().code());
        json.writeStringField("exchange", exchange(gap));
    }

    /** The venue an upstream gap was of; null for the engine's own (downtime, journal), which every venue shares. */
    private static String exchange(final Gap gap)
    {
        return gap.kind() == GapKind.UPSTREAM ? gap.venue().code() : null;
    }

    /** Writes {@code "field":"2024-01-01T12:00:00.000Z"}. */
    public void timestampField(final JsonGenerator generator, final String field, final long timeMs) throws IOException
    {
        text.isoTimestamp(timeMs);
        generator.writeFieldName(field);
        generator.writeUTF8String(text.bytes, 0, text.length);
    }

    private ByteBuf begin(final ByteBufAllocator allocator, final int initialCapacity)
    {
        final ByteBuf buffer = allocator.buffer(initialCapacity + (framing ? FRAME_HEADER_ROOM : 0));
        if (framing)
        {
            buffer.writerIndex(FRAME_HEADER_ROOM);
        }
        sink.target(buffer);
        return buffer;
    }

    private ByteBuf end(final ByteBuf buffer) throws IOException
    {
        json.flush();
        sink.target(null);
        if (framing)
        {
            writeFrameHeader(buffer);
        }
        return buffer;
    }

    /** Writes the text frame's header (RFC 6455 §5.2, unmasked) just before the payload. */
    private static void writeFrameHeader(final ByteBuf buffer)
    {
        final int payloadBytes = buffer.writerIndex() - FRAME_HEADER_ROOM;
        final int start;
        if (payloadBytes < 126)
        {
            start = FRAME_HEADER_ROOM - 2;
            buffer.setByte(start + 1, payloadBytes);
        }
        else if (payloadBytes < 65_536)
        {
            start = FRAME_HEADER_ROOM - 4;
            buffer.setByte(start + 1, 126);
            buffer.setShort(start + 2, payloadBytes);
        }
        else
        {
            start = 0;
            buffer.setByte(start + 1, 127);
            buffer.setLong(start + 2, payloadBytes);
        }
        buffer.setByte(start, TEXT_FRAME_FIN);
        buffer.readerIndex(start);
    }
}
