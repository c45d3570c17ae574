package io.liqvol.gateway.server;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Interval;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.util.List;

/**
 * The answer of {@code /api/v1/liquidation-volume} (docs/API.md §4.1), or of {@code /api/v1/volume} for the market
 * (a null symbol, §4.14), in pieces: the head, then the range's buckets
 * {@link #PAGE_BUCKETS} at a time as the engine answers them, then the end; as JSON, byte for byte what encoding the
 * whole range at once gives, or as CSV. Holds one page of buckets at a time, never the range.
 */
final class VolumeBody implements StreamedAnswer.Body
{
    static final int PAGE_BUCKETS = 64;

    private final LiquidationHistory history;
    private final String symbol;
    private final Interval timeframe;
    private final VolumeRange range;
    private final VolumeSelection volume;
    private final Coverage coverage;
    private final long nowMs;
    /** Null for JSON. */
    private final CsvRows csv;
    private final MessageWriter writer;
    private boolean begun;
    private long nextStartMs;

    VolumeBody(final LiquidationHistory history, final String symbol, final Interval timeframe,
        final VolumeRange range, final VolumeSelection volume, final boolean asCsv, final long nowMs)
    {
        this.history = history;
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.range = range;
        this.volume = volume;
        this.coverage = history.coverage(volume.venues());
        this.nowMs = nowMs;
        this.csv = asCsv ? new CsvRows() : null;
        this.writer = asCsv ? null : MessageWriter.plain();
        this.nextStartMs = range.startMs();
    }

    @Override
    public boolean appendTo(final ByteBuf out) throws IOException
    {
        if (!begun)
        {
            begun = true;
            head(out);
            return true;
        }
        if (nextStartMs >= range.endMs())
        {
            if (csv == null)
            {
                writer.writeInto(out, json ->
                {
                    json.writeEndArray();
                    json.writeEndObject();
                });
            }
            return false;
        }
        final long pageEndMs = Math.min(range.endMs(),
            timeframe.bucketStartMs(timeframe.bucketIndex(nextStartMs) + PAGE_BUCKETS));
        final VenueSelection venues = volume.venues();
        final List<BucketSnapshot> page = symbol == null
            ? history.marketVolume(venues, timeframe, nextStartMs, pageEndMs)
            : history.volume(symbol, venues, timeframe, nextStartMs, pageEndMs);
        final VenueBuckets exchanges = volume.byExchange()
            ? VenueBuckets.query(history, symbol, venues, timeframe, nextStartMs, pageEndMs) : null;
        nextStartMs = pageEndMs;
        if (csv != null)
        {
            for (int row = 0; row < page.size(); row++)
            {
                csv.bucket(out, page.get(row), timeframe, coverage, nowMs, exchanges, row);
            }
            return true;
        }
        writer.writeInto(out, json ->
        {
            for (int row = 0; row < page.size(); row++)
            {
                writer.bucket(page.get(row), timeframe, coverage, nowMs, exchanges, row);
            }
        });
        return true;
    }

    private void head(final ByteBuf out) throws IOException
    {
        if (csv != null)
        {
            CsvRows.header(out, CsvRows.bucketHeader(volume.byExchange() ? volume.venues() : null));
            return;
        }
        writer.writeInto(out, json ->
        {
            json.writeStartObject();
            if (symbol != null)
            {
                json.writeStringField("symbol", symbol);
            }
            json.writeStringField("timeframe", timeframe.code());
            json.writeNumberField("start_time", range.startMs());
            json.writeNumberField("end_time", range.endMs());
            json.writeFieldName("data");
            json.writeStartArray();
        });
    }
}
